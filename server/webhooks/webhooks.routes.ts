import { Router } from 'express';
import {
  createWebhook,
  listWebhookDeliveries,
  listWebhooks,
  replayWebhookDeadLetters,
  replayWebhookDelivery,
  testWebhook,
  updateWebhook,
} from '@shared/contract/webhooks';
import { serve } from '../http/serve';
import type { WebhookService } from './webhooks.service';

export function webhooksRouter(s: WebhookService): Router {
  const router = Router();
  serve(router, createWebhook, ({ user, body }) => s.create(user, body));
  serve(router, listWebhooks, ({ user }) => s.list(user));
  serve(router, updateWebhook, ({ user, params, body }) => s.update(user, params.id, body));
  serve(router, testWebhook, ({ user, params }) => s.test(user, params.id));
  serve(router, listWebhookDeliveries, ({ user, params, query }) => s.deliveries(user, params.id, query.status));
  serve(router, replayWebhookDelivery, ({ user, params }) => s.replay(user, params.id, params.deliveryId));
  serve(router, replayWebhookDeadLetters, ({ user, params }) => s.replayAll(user, params.id));
  return router;
}
