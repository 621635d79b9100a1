import {
  AutomationPreferences,
  AutomationPreferencesUpdate,
  ConsentWithdrawalBody,
  RegisteredAutomationPreferences,
  ScoringPreferences,
} from '../schemas/automation-preferences';
import { MemberIdParams } from '../schemas/session';
import { json, route } from './route';

export const getMyAutomationPreferences = route({
  operationId: 'getMyAutomationPreferences',
  method: 'get',
  path: '/me/automation-preferences',
  summary: 'My standing requests for a person in future decisions, my consent withdrawals and their history (members)',
  caller: 'person',
  permissions: ['decisions.readOwn'],
  responses: { 200: json(AutomationPreferences) },
});

export const setMyAutomationPreferences = route({
  operationId: 'setMyAutomationPreferences',
  method: 'put',
  path: '/me/automation-preferences',
  summary:
    'Ask that future decisions of a type about me involve a person (true), or take that back (false), per type; effective at once (GDPR Art. 21, 22; members)',
  description:
    'Types left out stay as they are. Decisions of a type set to true that are decided after this request open a review by a person when they are recorded.',
  caller: 'person',
  permissions: ['decisions.readOwn'],
  body: AutomationPreferencesUpdate,
  responses: { 200: json(AutomationPreferences, 'The preferences as they stand now') },
});

export const withdrawMyConsent = route({
  operationId: 'withdrawMyConsent',
  method: 'post',
  path: '/me/consent-withdrawals',
  summary: 'Withdraw my consent for decisions of these types made on consent (GDPR Art. 7(3); members)',
  description:
    'Effective at once and for the future only: decisions made before stay as they are. A later decision of these types made on consent is recorded with the finding consent_withdrawn and opens a review by a person.',
  caller: 'person',
  permissions: ['decisions.readOwn'],
  body: ConsentWithdrawalBody,
  responses: { 201: json(AutomationPreferences, 'The preferences as they stand now') },
});

export const getMemberAutomationPreferences = route({
  operationId: 'getMemberAutomationPreferences',
  method: 'get',
  path: '/members/:memberId/automation-preferences',
  summary:
    "What the scoring service must respect before deciding about a member: the member's standing requests for a person and consent withdrawals (ingest key)",
  description: 'An unknown member reads as all false: the answer does not tell whether the member exists.',
  caller: 'ingest',
  params: MemberIdParams,
  responses: { 200: json(ScoringPreferences) },
});

export const registerAutomationPreferences = route({
  operationId: 'registerAutomationPreferences',
  method: 'put',
  path: '/members/:memberId/automation-preferences',
  summary:
    "Register a member's request for a person in future decisions (or taking it back) received by phone or post (reviewers, for the types in their scopes)",
  description: 'It applies from `receivedAt`: decisions of the type decided after it open a review by a person when they are recorded.',
  caller: 'person',
  permissions: ['cases.review'],
  params: MemberIdParams,
  body: RegisteredAutomationPreferences,
  responses: { 200: json(AutomationPreferences, 'The member’s preferences as they stand now') },
  problems: { 404: 'not_found: a type outside the reviewer’s scopes' },
});

export const automationPreferenceRoutes = [
  getMyAutomationPreferences,
  setMyAutomationPreferences,
  withdrawMyConsent,
  getMemberAutomationPreferences,
  registerAutomationPreferences,
];
