import { Router } from 'express';
import { getDecision, listDecisions, recordDecision, recordDecisionBatch } from '@shared/contract/decisions';
import { DecisionBatch } from '@shared/schemas/decision';
import { isNdjsonType } from '../http/body';
import { readNdjson } from '../http/ndjson';
import { parseOrThrow } from '../domain/parse';
import { serve } from '../http/serve';
import type { DecisionService } from './decisions.service';

export const BATCH_JSON_LIMIT = 64 * 1024 * 1024;

/** The array as sent; the service counts it and answers 413 past the batch limit. */
function batchItems(body: unknown): unknown[] {
  const decisions = typeof body === 'object' && body !== null && 'decisions' in body ? body.decisions : undefined;
  return Array.isArray(decisions) ? decisions : parseOrThrow(DecisionBatch, body).decisions;
}

export function decisionsRouter(decisions: DecisionService): Router {
  const router = Router();

  serve(router, recordDecision, async ({ body, reply }) => {
    const { created, decision } = await decisions.ingestOne(body);
    return reply(created ? 201 : 200, decision);
  });

  serve(router, recordDecisionBatch, ({ req, body }) => decisions.ingestBatch(isNdjsonType(req.headers['content-type']) ? readNdjson(req) : batchItems(body)));

  serve(router, listDecisions, ({ user, query }) => decisions.list(user, query));
  serve(router, getDecision, ({ user, params }) => decisions.get(user, params.id));
  return router;
}
