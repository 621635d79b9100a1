import { Router } from 'express';
import { getModel, listModels, putModel } from '@shared/contract/models';
import { serve } from '../http/serve';
import type { ModelService } from './models.service';

export function modelsRouter(models: ModelService): Router {
  const router = Router();
  serve(router, listModels, ({ user }) => models.list(user));
  serve(router, getModel, ({ user, params }) => models.get(user, params.modelId, params.version));
  serve(router, putModel, async ({ user, body, reply }) => {
    const { created, entry } = await models.put(user, body);
    return reply(created ? 201 : 200, entry);
  });
  return router;
}
