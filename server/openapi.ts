import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { z } from 'zod';
import { Anchor, VerifyResult } from '@shared/schemas/audit';
import { BatchResult, Decision, DecisionBatch, DecisionIdParams, DecisionListQuery, DecisionPage, NewDecision } from '@shared/schemas/decision';
import { Problem } from '@shared/schemas/problem';
import { Health, SessionInfo, SignIn } from '@shared/schemas/session';

const json = (schema: z.ZodType, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } });

const errors = {
  '400': problem('Invalid input'),
  '401': problem('Not signed in'),
  '404': problem('Not found, or not yours'),
};

const op = (o: ZodOpenApiOperationObject): ZodOpenApiOperationObject => o;

/** The contract of DESIGN §4, generated from the same zod schemas the server validates with. */
export function openApiDocument() {
  const paths: ZodOpenApiPathsObject = {
    '/api/health': { get: op({ summary: 'Liveness and storage kind', responses: { '200': json(Health) } }) },
    '/api/session': {
      post: op({
        summary: 'Sign in; sets an httpOnly session cookie',
        requestBody: { content: { 'application/json': { schema: SignIn } } },
        responses: { '200': json(SessionInfo), '400': problem('Invalid input'), '401': problem('Wrong name or password'), '429': problem('Throttled') },
      }),
      get: op({ summary: 'Who am I', responses: { '200': json(SessionInfo), '401': problem('Not signed in') } }),
      delete: op({ summary: 'Sign out', responses: { '204': { description: 'Signed out' }, '401': problem('Not signed in') } }),
    },
    '/api/decisions': {
      post: op({
        summary: 'Record one decision (ingest key)',
        security: [{ ingestKey: [] }],
        requestBody: { content: { 'application/json': { schema: NewDecision } } },
        responses: {
          '201': json(Decision, 'Recorded'),
          '200': json(Decision, 'Same key and body as before: the recorded decision'),
          '400': problem('Invalid decision'),
          '409': problem('idempotency_conflict'),
        },
      }),
      get: op({
        summary: 'List decisions (members: their own; reviewers: their scopes)',
        requestParams: { query: DecisionListQuery },
        responses: { '200': json(DecisionPage), ...errors },
      }),
    },
    '/api/decisions/batch': {
      post: op({
        summary: 'Record up to 10,000 decisions, all or nothing (JSON or NDJSON)',
        security: [{ ingestKey: [] }],
        requestBody: {
          content: {
            'application/json': { schema: DecisionBatch },
            'application/x-ndjson': { schema: NewDecision },
          },
        },
        responses: { '200': json(BatchResult), '400': problem('Invalid items, each named'), '409': problem('idempotency_conflict'), '413': problem('Too large') },
      }),
    },
    '/api/decisions/{id}': {
      get: op({ summary: 'One decision', requestParams: { path: DecisionIdParams }, responses: { '200': json(Decision), ...errors } }),
    },
    '/api/audit/verify': {
      get: op({ summary: 'Recompute every chain and anchor', responses: { '200': json(VerifyResult), ...errors } }),
    },
    '/api/audit/anchors': {
      get: op({ summary: 'The anchors', responses: { '200': json(z.object({ items: z.array(Anchor) })), ...errors } }),
      post: op({ summary: 'Seal the chain heads now', responses: { '201': json(Anchor), ...errors } }),
    },
  };
  return createDocument({
    openapi: '3.1.0',
    info: { title: 'Recourse API', version: '0.1.0', description: 'Transparency and human review of automated decisions.' },
    components: {
      securitySchemes: {
        ingestKey: { type: 'http', scheme: 'bearer' },
        session: { type: 'apiKey', in: 'cookie', name: 'recourse_session' },
      },
    },
    security: [{ session: [] }],
    paths,
  });
}
