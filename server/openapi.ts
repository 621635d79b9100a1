import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { z } from 'zod';
import { Anchor, AuditEventPage, AuditEventsQuery, AuditExportQuery, VerifyResult } from '@shared/schemas/audit';
import {
  ApproveCase,
  AssignCase,
  CaseDetail,
  CaseIdParams,
  CaseListQuery,
  CasePage,
  ClaimCase,
  CommentOnCase,
  DecisionDetail,
  ExtendCase,
  NewObjection,
  ResolveCase,
  WithdrawCase,
} from '@shared/schemas/case';
import { BatchResult, Decision, DecisionBatch, DecisionIdParams, DecisionListQuery, DecisionPage, NewDecision } from '@shared/schemas/decision';
import { Explanation } from '@shared/schemas/explanation';
import {
  CoverageReport,
  FairnessQuery,
  FairnessReport,
  FindingsReport,
  MetricsOverview,
  MetricsQuery,
  ModelMetricsList,
  OverrideReport,
} from '@shared/schemas/metrics';
import { ModelEntry, ModelList } from '@shared/schemas/model';
import { Problem } from '@shared/schemas/problem';
import { ErasureResult, Health, HoldReason, LangQuery, LiftHold, Liveness, MemberIdBody, MemberIdParams, Readiness, SessionInfo, SignIn, UsernameParams } from '@shared/schemas/session';
import { metricDefinitions, metricDescriptions } from './metrics/definitions';
import { ModelParams } from './models/models.routes';

const json = (schema: z.ZodType, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } });
const body = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

const readErrors = { '400': problem('Invalid input'), '401': problem('Not signed in'), '403': problem('Not allowed for this role'), '404': problem('Not found, or not yours') };
const writeErrors = { ...readErrors, '409': problem('Conflict: version_conflict, invalid_state, case_already_open, deadline_passed, legal_hold') };

/** No ingest key, or one that is not valid: 401 with a Bearer challenge (RFC 6750). */
const ingestKeyMissing = {
  ...problem('No ingest key, or not a valid one (code unauthenticated)'),
  headers: z.object({ 'WWW-Authenticate': z.string().meta({ description: 'Bearer realm="recourse-ingest", with error="invalid_token" when a key was sent' }) }),
};

const op = (o: ZodOpenApiOperationObject): ZodOpenApiOperationObject => o;
const csvOrJson = (schema: z.ZodType) => ({
  description: 'OK (CSV with ?format=csv or Accept: text/csv)',
  content: { 'application/json': { schema }, 'text/csv': { schema: z.string() } },
});

const caseAction = (summary: string, schema: z.ZodType, ok = '200', badRequest = writeErrors['400']) =>
  op({ summary, requestParams: { path: CaseIdParams }, requestBody: body(schema), responses: { [ok]: json(CaseDetail), ...writeErrors, '400': badRequest } });

/** The HTTP contract, generated from the same zod schemas the server validates with. */
export function openApiDocument() {
  const metrics = metricDescriptions();
  const paths: ZodOpenApiPathsObject = {
    '/api/health': { get: op({ summary: 'Status and storage kind', security: [], responses: { '200': json(Health) } }) },
    '/api/health/live': { get: op({ summary: 'Liveness: the process answers (restart it when not)', security: [], responses: { '200': json(Liveness) } }) },
    '/api/health/ready': {
      get: op({
        summary: 'Readiness: the store answers and its schema is current (send traffic only when 200)',
        security: [],
        responses: { '200': json(Readiness), '503': problem('not_ready: the store does not answer, or its schema is not this version\'s') },
      }),
    },
    '/api/openapi.json': { get: op({ summary: 'This document', security: [], responses: { '200': { description: 'OpenAPI 3.1' } } }) },
    '/api/docs': {
      get: op({ summary: 'This document, browsable (Swagger UI, served from this origin)', security: [], responses: { '200': { description: 'HTML page', content: { 'text/html': { schema: z.string() } } } } }),
    },
    '/api/session': {
      post: op({
        summary: 'Sign in; sets an httpOnly session cookie',
        security: [],
        requestBody: body(SignIn),
        responses: {
          '200': json(SessionInfo),
          '400': problem('Invalid input'),
          '401': problem('Wrong name or password'),
          '429': problem('Throttled: too many failures of this name from this address (a delay that doubles per failure, up to 15 minutes), or from this address at all; see Retry-After'),
        },
      }),
      get: op({ summary: 'Who am I', responses: { '200': json(SessionInfo), '401': problem('Not signed in') } }),
      delete: op({ summary: 'Sign out', responses: { '204': { description: 'Signed out' }, '401': problem('Not signed in') } }),
    },
    '/api/decisions': {
      post: op({
        summary: 'Record one decision (ingest key)',
        security: [{ ingestKey: [] }],
        requestBody: body(NewDecision),
        responses: {
          '201': json(Decision, 'Recorded'),
          '200': json(Decision, 'Same key and body as before: the recorded decision'),
          '400': problem('Invalid decision'),
          '401': ingestKeyMissing,
          '409': problem('idempotency_conflict'),
        },
      }),
      get: op({ summary: 'List decisions (members: their own; reviewers: their scopes)', requestParams: { query: DecisionListQuery }, responses: { '200': json(DecisionPage), ...readErrors } }),
    },
    '/api/decisions/batch': {
      post: op({
        summary: 'Record up to 10,000 decisions, all or nothing (JSON or NDJSON)',
        security: [{ ingestKey: [] }],
        requestBody: { content: { 'application/json': { schema: DecisionBatch }, 'application/x-ndjson': { schema: NewDecision } } },
        responses: { '200': json(BatchResult), '400': problem('Invalid items, each named'), '401': ingestKeyMissing, '409': problem('idempotency_conflict'), '413': problem('Too large') },
      }),
    },
    '/api/decisions/{id}': {
      get: op({ summary: 'One decision with its effective outcome and cases', requestParams: { path: DecisionIdParams }, responses: { '200': json(DecisionDetail), ...readErrors } }),
    },
    '/api/decisions/{id}/explanation': {
      get: op({ summary: 'Plain-language explanation (GDPR Art. 15(1)(h), AI Act Art. 86)', requestParams: { path: DecisionIdParams, query: LangQuery }, responses: { '200': json(Explanation), ...readErrors } }),
    },
    '/api/decisions/{id}/objections': {
      post: op({ summary: 'Object to a decision (member), or register one received by phone or post (reviewer)', requestParams: { path: DecisionIdParams }, requestBody: body(NewObjection), responses: { '201': json(CaseDetail), ...writeErrors } }),
    },
    '/api/cases': { get: op({ summary: 'Case queue, sorted by due date', requestParams: { query: CaseListQuery }, responses: { '200': json(CasePage), ...readErrors } }) },
    '/api/cases/{id}': { get: op({ summary: 'A case with its decision and timeline', requestParams: { path: CaseIdParams }, responses: { '200': json(CaseDetail), ...readErrors } }) },
    '/api/cases/{id}/claim': { post: caseAction('Claim a case', ClaimCase) },
    '/api/cases/{id}/assign': { post: caseAction('Assign a case to a reviewer (approver)', AssignCase) },
    '/api/cases/{id}/comments': { post: caseAction('Comment, internal or to the member', CommentOnCase, '201') },
    '/api/cases/{id}/resolve': {
      post: caseAction(
        'Confirm, or propose an override (within the overrides policy, GET /api/policies)',
        ResolveCase,
        '200',
        problem('Invalid input (validation_failed), or an override outside the overrides policy (override_out_of_range, naming the allowed range in allowedRange)'),
      ),
    },
    '/api/cases/{id}/approve': { post: caseAction('Approve or reject an override (four-eyes)', ApproveCase) },
    '/api/cases/{id}/extend': { post: caseAction('Extend the deadline once, by up to two months', ExtendCase) },
    '/api/cases/{id}/withdraw': { post: caseAction('Withdraw an objection (member)', WithdrawCase) },
    '/api/me/export': { get: op({ summary: 'Everything about me (GDPR Art. 15 and 20)', requestParams: { query: LangQuery }, responses: { '200': { description: 'JSON document' }, ...readErrors } }) },
    '/api/models': {
      get: op({ summary: 'The model registry', responses: { '200': json(ModelList), ...readErrors } }),
      put: op({ summary: 'Register or replace a model version (admin)', requestBody: body(ModelEntry), responses: { '200': json(ModelEntry), '201': json(ModelEntry), ...readErrors } }),
    },
    '/api/models/{modelId}/{version}': { get: op({ summary: 'One model version', requestParams: { path: ModelParams }, responses: { '200': json(ModelEntry), ...readErrors } }) },
    '/api/policies': { get: op({ summary: 'Policies in force (four-eyes, override bounds, sampling, ingest checks)', responses: { '200': { description: 'Policies' }, ...readErrors } }) },
    '/api/audit/verify': { get: op({ summary: 'Recompute every chain and anchor', responses: { '200': json(VerifyResult), ...readErrors } }) },
    '/api/audit/anchors': {
      get: op({ summary: 'The anchors', responses: { '200': json(z.object({ items: z.array(Anchor) })), ...readErrors } }),
      post: op({ summary: 'Seal the chain heads now', responses: { '201': json(Anchor), ...readErrors } }),
    },
    '/api/audit/events': { get: op({ summary: 'Chain events, newest first', requestParams: { query: AuditEventsQuery }, responses: { '200': json(AuditEventPage), ...readErrors } }) },
    '/api/audit/export': {
      get: op({
        summary: 'Decisions or events of a period, streamed (NDJSON or CSV)',
        requestParams: { query: AuditExportQuery },
        responses: { '200': { description: 'Streamed rows', content: { 'application/x-ndjson': { schema: z.string() }, 'text/csv': { schema: z.string() } } }, ...readErrors },
      }),
    },
    '/api/metrics/overview': { get: op({ summary: 'Decisions, contest and override rates, cases, resolution times', description: metrics.overview, requestParams: { query: MetricsQuery }, responses: { '200': csvOrJson(MetricsOverview), ...readErrors } }) },
    '/api/metrics/models': { get: op({ summary: 'Per model version: rates, score histogram, PSI', description: metrics.models, requestParams: { query: MetricsQuery }, responses: { '200': csvOrJson(ModelMetricsList), ...readErrors } }) },
    '/api/metrics/fairness': { get: op({ summary: 'Per group of a monitored attribute', description: metrics.fairness, requestParams: { query: FairnessQuery }, responses: { '200': csvOrJson(FairnessReport), ...readErrors } }) },
    '/api/metrics/overrides': { get: op({ summary: 'Override rate per reason code and per reviewer', description: metrics.overrides, requestParams: { query: MetricsQuery }, responses: { '200': csvOrJson(OverrideReport), ...readErrors } }) },
    '/api/metrics/findings': { get: op({ summary: 'Compliance findings', description: metrics.findings, requestParams: { query: MetricsQuery }, responses: { '200': csvOrJson(FindingsReport), ...readErrors } }) },
    '/api/metrics/coverage': { get: op({ summary: 'Explanation coverage', description: metrics.coverage, requestParams: { query: MetricsQuery }, responses: { '200': csvOrJson(CoverageReport), ...readErrors } }) },
    '/api/admin/members/{memberId}/export': { get: op({ summary: 'A member\'s export, on their request (admin; logged)', requestParams: { path: MemberIdParams, query: LangQuery }, responses: { '200': { description: 'JSON document' }, ...readErrors } }) },
    '/api/admin/erasure': { post: op({ summary: 'Erase a member\'s personal data (GDPR Art. 17)', requestBody: body(MemberIdBody), responses: { '200': json(ErasureResult), ...writeErrors } }) },
    '/api/admin/sign-in-throttles/{username}': {
      delete: op({
        summary: 'Lift every sign-in throttle of a name, from every address (admin; logged)',
        requestParams: { path: UsernameParams },
        responses: { '204': { description: 'Lifted (also when there was none)' }, ...readErrors },
      }),
    },
    '/api/admin/legal-holds': { get: op({ summary: 'Legal holds', responses: { '200': { description: 'Holds' }, ...readErrors } }) },
    '/api/admin/legal-holds/{memberId}': {
      put: op({ summary: 'Set a legal hold', requestParams: { path: MemberIdParams }, requestBody: body(HoldReason), responses: { '200': { description: 'The hold' }, ...readErrors } }),
      delete: op({
        summary: 'Lift a legal hold; no body needed (an optional reason as ?reason=, or in a JSON body)',
        requestParams: { path: MemberIdParams, query: LiftHold },
        requestBody: { required: false, ...body(LiftHold) },
        responses: { '204': { description: 'Lifted' }, ...readErrors },
      }),
    },
  };
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Recourse API',
      version: '0.1.0',
      description:
        'Transparency and human review of automated decisions. Errors are RFC 9457 problem+json. A path called with a method it does not serve answers 405 `method_not_allowed` with an `Allow` header; an unknown path answers 404.',
    },
    components: {
      securitySchemes: {
        ingestKey: { type: 'http', scheme: 'bearer' },
        session: { type: 'apiKey', in: 'cookie', name: 'recourse_session' },
      },
    },
    security: [{ session: [] }],
    paths,
    // How every figure of /api/metrics is computed, from the constants the code computes with.
    'x-metric-definitions': metricDefinitions(),
  });
}
