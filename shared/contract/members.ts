import { MemberExport } from '../schemas/member-export';
import { ErasureResult, HoldReason, LangQuery, LegalHold, LegalHoldList, LiftHold, MemberIdBody, MemberIdParams } from '../schemas/session';
import { json, route } from './route';

const attachment = (name: string) => ({ 'Content-Disposition': { description: `attachment; filename="${name}"`, required: true } }) as const;

export const exportMyData = route({
  operationId: 'exportMyData',
  method: 'get',
  path: '/me/export',
  summary: 'Everything about me, as a download (GDPR Art. 15 and 20; members)',
  caller: 'person',
  permissions: ['decisions.readOwn'],
  query: LangQuery,
  responses: { 200: { description: 'The export', schema: MemberExport, headers: attachment('recourse-my-data.json') } },
});

export const exportMemberData = route({
  operationId: 'exportMemberData',
  method: 'get',
  path: '/admin/members/:memberId/export',
  summary: "A member's export, on their request (admin; on the staff log)",
  caller: 'person',
  permissions: ['personalData.exportForMember'],
  params: MemberIdParams,
  query: LangQuery,
  responses: { 200: json(MemberExport, 'The export, as the member would see it') },
});

export const eraseMember = route({
  operationId: 'eraseMember',
  method: 'post',
  path: '/admin/erasure',
  summary: "Erase a member's personal data (GDPR Art. 17; admin)",
  caller: 'person',
  permissions: ['personalData.erase'],
  body: MemberIdBody,
  responses: { 200: json(ErasureResult, 'What was erased') },
  problems: { 404: 'not_found: no data about this member', 409: 'legal_hold: the member is under a legal hold' },
});

export const listLegalHolds = route({
  operationId: 'listLegalHolds',
  method: 'get',
  path: '/admin/legal-holds',
  summary: 'Legal holds in force (admin)',
  caller: 'person',
  permissions: ['legalHolds.manage'],
  responses: { 200: json(LegalHoldList) },
});

export const setLegalHold = route({
  operationId: 'setLegalHold',
  method: 'put',
  path: '/admin/legal-holds/:memberId',
  summary: "Set a legal hold on a member's data, with the reason (admin; logged)",
  caller: 'person',
  permissions: ['legalHolds.manage'],
  params: MemberIdParams,
  body: HoldReason,
  responses: { 200: json(LegalHold, 'The hold') },
});

export const liftLegalHold = route({
  operationId: 'liftLegalHold',
  method: 'delete',
  path: '/admin/legal-holds/:memberId',
  summary: 'Lift a legal hold; no body needed (an optional reason as ?reason=, or in a JSON body; admin; logged)',
  caller: 'person',
  permissions: ['legalHolds.manage'],
  params: MemberIdParams,
  query: LiftHold,
  body: LiftHold,
  bodyOptional: true,
  responses: { 204: { description: 'Lifted' } },
});

export const memberRoutes = [exportMyData, exportMemberData, eraseMember, listLegalHolds, setLegalHold, liftLegalHold];
