import { Router } from 'express';
import { createIngestKey, listIngestKeys, revokeIngestKey, rotateIngestKey } from '@shared/contract/admin';
import { DEFAULT_KEY_OVERLAP_HOURS } from '@shared/schemas/admin';
import { serve } from '../http/serve';
import type { IngestKeyService } from './ingest-keys.service';

export function ingestKeysRouter(s: IngestKeyService): Router {
  const router = Router();
  serve(router, listIngestKeys, ({ user }) => s.list(user));
  serve(router, createIngestKey, ({ user, body }) => s.create(user, body));
  serve(router, rotateIngestKey, ({ user, params, body }) => s.rotate(user, params.id, body?.overlapHours ?? DEFAULT_KEY_OVERLAP_HOURS));
  serve(router, revokeIngestKey, ({ user, params }) => s.revoke(user, params.id));
  return router;
}
