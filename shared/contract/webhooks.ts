import {
  CreateWebhook,
  DeliveryList,
  DeliveryStatusQuery,
  ReplayResult,
  UpdateWebhook,
  WebhookDeliveryParams,
  WebhookIdParams,
  WebhookList,
  WebhookUpdated,
  WebhookWithSecret,
  DeliveryView,
} from '../schemas/webhooks';
import { json, route } from './route';

const notFound = { 404: 'not_found: no such subscription' } as const;

export const createWebhook = route({
  operationId: 'createWebhook',
  method: 'post',
  path: '/admin/webhooks',
  summary: "Subscribe an insurer's system to webhook events (admin); the signing secret is answered here only",
  caller: 'person',
  permissions: ['webhooks.manage'],
  body: CreateWebhook,
  responses: { 201: json(WebhookWithSecret, 'The subscription, with its secret (shown once)') },
  problems: { 400: 'unsafe_destination: not https, or the host resolves to a loopback, private, link-local or metadata address' },
});

export const listWebhooks = route({
  operationId: 'listWebhooks',
  method: 'get',
  path: '/admin/webhooks',
  summary: 'Webhook subscriptions (admin; never their secrets)',
  caller: 'person',
  permissions: ['webhooks.manage'],
  responses: { 200: json(WebhookList) },
});

export const updateWebhook = route({
  operationId: 'updateWebhook',
  method: 'patch',
  path: '/admin/webhooks/:id',
  summary: 'Enable, disable, change events or description, or rotate the secret (the old one signs for 24 hours more; admin)',
  caller: 'person',
  permissions: ['webhooks.manage'],
  params: WebhookIdParams,
  body: UpdateWebhook,
  responses: { 200: json(WebhookUpdated, 'The subscription; after a rotation, the new secret (shown once)') },
  problems: notFound,
});

export const testWebhook = route({
  operationId: 'testWebhook',
  method: 'post',
  path: '/admin/webhooks/:id/test',
  summary: 'Queue a signed test event (webhook.test) for a subscription (admin)',
  caller: 'person',
  permissions: ['webhooks.manage'],
  params: WebhookIdParams,
  bodyOptional: true,
  responses: { 202: json(DeliveryView, 'The queued delivery') },
  problems: notFound,
});

export const listWebhookDeliveries = route({
  operationId: 'listWebhookDeliveries',
  method: 'get',
  path: '/admin/webhooks/:id/deliveries',
  summary: "A subscription's deliveries, newest first, each with its attempts (admin)",
  caller: 'person',
  permissions: ['webhooks.manage'],
  params: WebhookIdParams,
  query: DeliveryStatusQuery,
  responses: { 200: json(DeliveryList) },
  problems: notFound,
});

export const replayWebhookDelivery = route({
  operationId: 'replayWebhookDelivery',
  method: 'post',
  path: '/admin/webhooks/:id/deliveries/:deliveryId/replay',
  summary: 'Send a dead letter again, with a fresh schedule (admin)',
  caller: 'person',
  permissions: ['webhooks.manage'],
  params: WebhookDeliveryParams,
  bodyOptional: true,
  responses: { 200: json(DeliveryView, 'The delivery, pending again') },
  problems: { 404: 'not_found: no such subscription or delivery', 409: 'invalid_state: only a dead letter is replayed' },
});

export const replayWebhookDeadLetters = route({
  operationId: 'replayWebhookDeadLetters',
  method: 'post',
  path: '/admin/webhooks/:id/dead-letters/replay',
  summary: "Send all of a subscription's dead letters again (admin)",
  caller: 'person',
  permissions: ['webhooks.manage'],
  params: WebhookIdParams,
  bodyOptional: true,
  responses: { 200: json(ReplayResult, 'How many are pending again') },
  problems: notFound,
});

export const webhookRoutes = [createWebhook, listWebhooks, updateWebhook, testWebhook, listWebhookDeliveries, replayWebhookDelivery, replayWebhookDeadLetters];
