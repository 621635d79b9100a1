import {
  ApproveCase,
  AssignCase,
  CaseCounts,
  CaseCountsQuery,
  CaseDetail,
  CaseIdParams,
  ColleagueList,
  CaseListQuery,
  CasePage,
  ClaimCase,
  CommentOnCase,
  CorrectionParams,
  DecideCorrection,
  ExtendCase,
  NewObjection,
  ResolveCase,
  RestrictCase,
  WithdrawCase,
} from '../schemas/case';
import { DecisionIdParams } from '../schemas/decision';
import { json, route } from './route';

const CASE_CONFLICTS = 'version_conflict (with currentVersion), invalid_state, deadline_passed, legal_hold';

export const fileObjection = route({
  operationId: 'fileObjection',
  method: 'post',
  path: '/decisions/:id/objections',
  summary: 'Object to a decision (member), or register one received by phone or post (reviewer)',
  caller: 'person',
  permissions: ['decisions.readOwn', 'cases.review'],
  params: DecisionIdParams,
  body: NewObjection,
  responses: { 201: json(CaseDetail, 'The new case') },
  problems: {
    409: "case_already_open (with caseId), deadline_passed, legal_hold, decision_already_in_favour (a staff member changed it in the member's favour)",
    400: 'validation_failed; field `restrict` when a restriction is asked on a decision that is not a renewal price',
  },
});

export const listCases = route({
  operationId: 'listCases',
  method: 'get',
  path: '/cases',
  summary: 'Case queue, earliest due date first (members: their own objections; reviewers: their scopes)',
  caller: 'person',
  query: CaseListQuery,
  responses: { 200: json(CasePage) },
  problems: { 400: 'validation_failed, invalid_cursor' },
});

export const countCases = route({
  operationId: 'countCases',
  method: 'get',
  path: '/cases/counts',
  summary: "How many cases each view of the queue holds (per status, overdue, mine, awaiting my approval), in the reader's scopes",
  caller: 'person',
  permissions: ['cases.review'],
  query: CaseCountsQuery,
  responses: { 200: json(CaseCounts) },
  problems: { 400: 'validation_failed' },
});

export const listColleagues = route({
  operationId: 'listColleagues',
  method: 'get',
  path: '/cases/colleagues',
  summary: 'Reviewers a case can be given to, by name (id, user name, display name, scopes); never members',
  caller: 'person',
  permissions: ['cases.openPage'],
  responses: { 200: json(ColleagueList) },
});

export const getCase = route({
  operationId: 'getCase',
  method: 'get',
  path: '/cases/:id',
  summary: 'A case with its decision and the timeline the reader may see',
  caller: 'person',
  params: CaseIdParams,
  responses: { 200: json(CaseDetail) },
});

const caseCommand = <const Id extends string, const Path extends `/${string}`>(operationId: Id, path: Path, summary: string) =>
  ({ operationId, method: 'post', path, summary, caller: 'person', params: CaseIdParams, problems: { 409: CASE_CONFLICTS } }) as const;

export const claimCase = route({
  ...caseCommand('claimCase', '/cases/:id/claim', 'Claim an open case (open → in_review, assigned to me)'),
  permissions: ['cases.review'],
  body: ClaimCase,
  responses: { 200: json(CaseDetail) },
});

export const assignCase = route({
  ...caseCommand('assignCase', '/cases/:id/assign', 'Assign a case to a reviewer, or unassign it with userId null (approver)'),
  permissions: ['cases.approve'],
  body: AssignCase,
  responses: { 200: json(CaseDetail) },
});

export const commentOnCase = route({
  ...caseCommand('commentOnCase', '/cases/:id/comments', 'Comment, internal or to the member'),
  permissions: ['cases.review'],
  body: CommentOnCase,
  responses: { 201: json(CaseDetail) },
});

export const resolveCase = route({
  ...caseCommand('resolveCase', '/cases/:id/resolve', 'Confirm, or propose an override (within the overrides policy, GET /api/policies)'),
  permissions: ['cases.review'],
  body: ResolveCase,
  responses: { 200: json(CaseDetail) },
  problems: { 400: 'validation_failed, or override_out_of_range (naming the allowed range in allowedRange)', 409: CASE_CONFLICTS },
});

export const approveCase = route({
  ...caseCommand('approveCase', '/cases/:id/approve', 'Approve or reject a proposed override (four-eyes: not the proposer)'),
  permissions: ['cases.approve'],
  body: ApproveCase,
  responses: { 200: json(CaseDetail) },
  problems: { 403: 'forbidden, four_eyes_violation, cross_origin_refused', 409: CASE_CONFLICTS },
});

export const extendCase = route({
  ...caseCommand('extendCase', '/cases/:id/extend', 'Extend the deadline once, by one or two months, with a reason the member reads'),
  permissions: ['cases.review'],
  body: ExtendCase,
  responses: { 200: json(CaseDetail) },
});

export const withdrawCase = route({
  ...caseCommand('withdrawCase', '/cases/:id/withdraw', 'Withdraw an objection (member)'),
  permissions: ['decisions.readOwn'],
  body: WithdrawCase,
  bodyOptional: true,
  responses: { 200: json(CaseDetail) },
});

export const decideCorrection = route({
  operationId: 'decideCorrection',
  method: 'post',
  path: '/cases/:id/corrections/:feature',
  summary:
    'Accept or reject one correction the member claimed (GDPR Art. 16), with a reason the member reads; an accepted one asks the scoring service for a new decision (decision.redecision_requested)',
  caller: 'person',
  permissions: ['cases.review'],
  params: CorrectionParams,
  body: DecideCorrection,
  responses: { 200: json(CaseDetail) },
  problems: {
    404: 'not_found: no such case for the caller, or no correction of that feature on it',
    409: 'version_conflict (with currentVersion), invalid_state (the correction was already decided, or the case is not in review)',
  },
});

export const restrictCase = route({
  ...caseCommand(
    'restrictCase',
    '/cases/:id/restriction',
    'Ask that the contested renewal price not be applied until this objection is resolved (GDPR Art. 18; the member, or a reviewer on their word)',
  ),
  permissions: ['decisions.readOwn', 'cases.review'],
  body: RestrictCase,
  bodyOptional: true,
  responses: { 200: json(CaseDetail) },
  problems: { 409: `${CASE_CONFLICTS} (also: already restricted, closed, or not an objection to a renewal price)` },
});

export const caseRoutes = [
  fileObjection,
  listCases,
  countCases,
  listColleagues,
  getCase,
  claimCase,
  assignCase,
  commentOnCase,
  resolveCase,
  approveCase,
  extendCase,
  withdrawCase,
  decideCorrection,
  restrictCase,
];
