import { Router, type Request } from 'express';
import { DecisionBatch, DecisionIdParams, DecisionListQuery, type DecisionListQuery as ListQuery } from '@shared/schemas/decision';
import { isNdjsonType } from '../http/body';
import { requireIngestKey, requireUser } from '../http/auth';
import { readNdjson } from '../http/ndjson';
import { parseOrThrow } from '../domain/parse';
import { validate } from '../http/validate';
import type { DecisionService } from './decisions.service';

export const BATCH_JSON_LIMIT = 64 * 1024 * 1024;

/** The array as sent; the service counts it and answers 413 past the batch limit. */
function batchItems(body: unknown): unknown[] {
  const decisions = (body as { decisions?: unknown } | null)?.decisions;
  return Array.isArray(decisions) ? decisions : parseOrThrow(DecisionBatch, body).decisions;
}

export function decisionsRouter(decisions: DecisionService): Router {
  const router = Router();

  router.post('/decisions', requireIngestKey, async (req, res) => {
    const { created, decision } = await decisions.ingestOne(req.body);
    res.status(created ? 201 : 200).json(decision);
  });

  router.post('/decisions/batch', requireIngestKey, async (req: Request, res) => {
    const items = isNdjsonType(req.headers['content-type'])
      ? readNdjson(req)
      : batchItems(req.body);
    res.status(200).json(await decisions.ingestBatch(items));
  });

  router.get('/decisions', requireUser, validate({ query: DecisionListQuery }), async (req, res) => {
    res.json(await decisions.list(req.user!, req.query as unknown as ListQuery));
  });

  router.get('/decisions/:id', requireUser, validate({ params: DecisionIdParams }), async (req, res) => {
    res.json(await decisions.get(req.user!, req.params.id as string));
  });

  return router;
}
