import { DecisionDetail } from '../schemas/case';
import { BatchResult, Decision, DecisionBatch, DecisionIdParams, DecisionListQuery, DecisionPage, MAX_BATCH, NewDecision } from '../schemas/decision';
import { Explanation } from '../schemas/explanation';
import { LangQuery } from '../schemas/session';
import { json, route } from './route';

export const recordDecision = route({
  operationId: 'recordDecision',
  method: 'post',
  path: '/decisions',
  summary: 'Record one decision (scoring services, with an ingest key); the same id and body again answers the recorded decision',
  caller: 'ingest',
  body: NewDecision,
  bodyReadByService: true,
  responses: { 200: json(Decision, 'Sent before with the same body: the recorded decision'), 201: json(Decision, 'Recorded') },
  problems: {
    403: 'ingest_type_not_allowed: the key is held to other decision types',
    409: 'idempotency_conflict: this id was recorded with another body',
  },
});

export const recordDecisionBatch = route({
  operationId: 'recordDecisionBatch',
  method: 'post',
  path: '/decisions/batch',
  summary: `Record up to ${MAX_BATCH.toLocaleString('en')} decisions, all or nothing (JSON, or NDJSON with one decision per line)`,
  caller: 'ingest',
  body: DecisionBatch,
  bodyReadByService: true,
  bodyMedia: { 'application/x-ndjson': NewDecision },
  responses: { 200: json(BatchResult, 'Recorded; duplicates (same id and body) are counted, not stored twice') },
  problems: {
    400: 'validation_failed, naming each invalid item by its index',
    403: 'ingest_type_not_allowed: an item is of a type the key may not write (nothing is stored)',
    409: 'idempotency_conflict',
    413: `payload_too_large, or batch_too_large past ${MAX_BATCH} decisions`,
  },
});

export const listDecisions = route({
  operationId: 'listDecisions',
  method: 'get',
  path: '/decisions',
  summary: 'List decisions, newest first (members: their own; reviewers: their scopes)',
  caller: 'person',
  query: DecisionListQuery,
  responses: { 200: json(DecisionPage) },
  problems: { 400: 'validation_failed, invalid_cursor' },
});

export const getDecision = route({
  operationId: 'getDecision',
  method: 'get',
  path: '/decisions/:id',
  summary: 'One decision with its effective outcome and cases',
  caller: 'person',
  params: DecisionIdParams,
  responses: { 200: json(DecisionDetail) },
});

export const explainDecision = route({
  operationId: 'explainDecision',
  method: 'get',
  path: '/decisions/:id/explanation',
  summary: 'Plain-language explanation (GDPR Art. 15(1)(h), AI Act Art. 86)',
  caller: 'person',
  params: DecisionIdParams,
  query: LangQuery,
  responses: { 200: json(Explanation) },
});

export const decisionRoutes = [recordDecision, recordDecisionBatch, listDecisions, getDecision, explainDecision];
