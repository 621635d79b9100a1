import { CaseIdParams } from '../schemas/case';
import { ApproveDisclosure, Disclosure, DisclosureIdParams, DisclosureList, DisclosureListQuery, DisclosurePage, NewDisclosure } from '../schemas/disclosure';
import { json, route } from './route';

export const proposeDisclosure = route({
  operationId: 'proposeDisclosure',
  method: 'post',
  path: '/cases/:id/disclosures',
  summary:
    'Propose disclosing a fraud case to a recipient (employer, investigation agency, fraud register, police): the minimum (caseReference, outcome) and each extra field with its reason; a second person approves (reviewer with the discloser role, in scope)',
  caller: 'person',
  permissions: ['disclosure'],
  params: CaseIdParams,
  body: NewDisclosure,
  responses: { 201: json(Disclosure, 'The disclosure, pending approval') },
  problems: {
    400: 'validation_failed (an extra field without reasons.<field>, an unknown field or recipient kind)',
    409: 'invalid_state (not a fraud case, or erased)',
  },
});

export const listCaseDisclosures = route({
  operationId: 'listCaseDisclosures',
  method: 'get',
  path: '/cases/:id/disclosures',
  summary: "A case's disclosures, newest first (staff in scope)",
  caller: 'person',
  permissions: ['staff.read'],
  params: CaseIdParams,
  responses: { 200: json(DisclosureList) },
});

export const decideDisclosure = route({
  operationId: 'decideDisclosure',
  method: 'post',
  path: '/disclosures/:id/approve',
  summary: 'Approve or reject a proposed disclosure (an approver in scope; four-eyes: not the proposer). Only an approved one is disclosed (approvedAt)',
  caller: 'person',
  permissions: ['cases.approve'],
  params: DisclosureIdParams,
  body: ApproveDisclosure,
  responses: { 200: json(Disclosure, 'The disclosure as decided') },
  problems: {
    403: 'forbidden, four_eyes_violation, cross_origin_refused',
    409: 'invalid_state (already decided), version_conflict (another approver decided it at the same moment, with currentVersion)',
  },
});

export const listDisclosures = route({
  operationId: 'listDisclosures',
  method: 'get',
  path: '/disclosures',
  summary: 'The disclosure register: who received what, when, why, proposed and approved by whom; approved counts per recipient kind (governance, admin)',
  caller: 'person',
  permissions: ['disclosures.read'],
  query: DisclosureListQuery,
  responses: {
    200: {
      description: 'OK (CSV with ?format=csv, as a download)',
      schema: DisclosurePage,
      media: ['text/csv'],
      headers: { 'Content-Disposition': { description: 'With CSV: attachment; filename="recourse-disclosures.csv"', required: false } },
    },
  },
  problems: { 400: 'validation_failed, invalid_cursor' },
});

export const disclosureRoutes = [proposeDisclosure, listCaseDisclosures, decideDisclosure, listDisclosures];
