import { Router } from 'express';
import { metricsDrift } from '@shared/contract/drift';
import { serve } from '../http/serve';
import type { DriftService } from './drift.service';

export function driftRouter(drift: DriftService): Router {
  const router = Router();
  serve(router, metricsDrift, ({ user, query }) => drift.drift(user, query));
  return router;
}
