import { Router } from 'express';
import { getDecision, listDecisions, recordDecision, recordDecisionBatch } from '@shared/contract/decisions';
import { z } from 'zod';
import { isNdjsonType } from '../http/body';
import { readNdjson } from '../http/ndjson';
import { parseOrThrow } from '../domain/parse';
import { serve } from '../http/serve';
import type { DecisionService } from './decisions.service';

export const BATCH_JSON_LIMIT = 64 * 1024 * 1024;

/**
 * The envelope of a JSON batch, nothing beside its array. The items are left to the service,
 * which names each invalid one by its index and answers 413 past the batch limit.
 */
const BatchEnvelope = z.strictObject({ decisions: z.array(z.unknown()) });

export function decisionsRouter(decisions: DecisionService): Router {
  const router = Router();

  serve(router, recordDecision, async ({ req, body, reply }) => {
    const { created, decision } = await decisions.ingestOne(body, req.ingestTypes ?? null);
    return reply(created ? 201 : 200, decision);
  });

  serve(router, recordDecisionBatch, ({ req, body }) =>
    decisions.ingestBatch(isNdjsonType(req.headers['content-type']) ? readNdjson(req) : parseOrThrow(BatchEnvelope, body).decisions, req.ingestTypes ?? null),
  );

  serve(router, listDecisions, ({ user, query }) => decisions.list(user, query));
  serve(router, getDecision, ({ user, params }) => decisions.get(user, params.id));
  return router;
}
