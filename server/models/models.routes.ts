import { Router } from 'express';
import { z } from 'zod';
import { Identifier } from '@shared/schemas/common';
import { ModelEntry } from '@shared/schemas/model';
import { requireUser } from '../http/auth';
import { validate } from '../http/validate';
import type { ModelService } from './models.service';

export const ModelParams = z.strictObject({ modelId: Identifier, version: Identifier });

export function modelsRouter(models: ModelService): Router {
  const router = Router();
  router.get('/models', requireUser, async (req, res) => res.json(await models.list(req.user!)));
  router.get('/models/:modelId/:version', requireUser, validate({ params: ModelParams }), async (req, res) =>
    res.json(await models.get(req.user!, req.params.modelId as string, req.params.version as string)));
  router.put('/models', requireUser, validate({ body: ModelEntry }), async (req, res) => {
    const { created, entry } = await models.put(req.user!, req.body);
    res.status(created ? 201 : 200).json(entry);
  });
  return router;
}
