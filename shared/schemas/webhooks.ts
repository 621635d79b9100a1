import { z } from 'zod';
import { Instant } from './common';
import { WebhookEventType } from './webhook-events';

/** A subscription as admins see it: never its secrets (a new one is shown once, where it is made). */
export const WebhookSubscriptionView = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(WebhookEventType),
  description: z.string(),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type WebhookSubscriptionView = z.infer<typeof WebhookSubscriptionView>;

const Events = z.array(WebhookEventType).min(1, 'choose at least one event').max(WebhookEventType.options.length);

export const CreateWebhook = z.strictObject({
  /** An http(s) URL; that it is https to a public address (or a listed host) is checked against DNS by the server. */
  url: z.url({ protocol: /^https?$/, error: 'not an http or https URL' }).max(2000),
  events: Events,
  description: z.string().max(500).default(''),
});

export const UpdateWebhook = z.strictObject({
  enabled: z.boolean().optional(),
  events: Events.optional(),
  description: z.string().max(500).optional(),
  /** A new secret, shown once; the old one keeps signing for 24 hours beside it. */
  rotateSecret: z.literal(true).optional(),
});

/** The secret in the Standard Webhooks form, answered once: at creation or rotation. */
export const WebhookWithSecret = WebhookSubscriptionView.extend({ secret: z.string().startsWith('whsec_') });
export const WebhookUpdated = WebhookSubscriptionView.extend({ secret: z.string().startsWith('whsec_').optional() });

export const WebhookList = z.object({ items: z.array(WebhookSubscriptionView) });

export const DeliveryAttemptView = z.object({
  at: Instant,
  ok: z.boolean(),
  status: z.int().nullable(),
  latencyMs: z.int().min(0),
  error: z.string().nullable(),
  nextAttemptAt: Instant.nullable(),
});

export const DeliveryView = z.object({
  id: z.string(),
  /** The `webhook-id` the receiver saw on every attempt. */
  messageId: z.string(),
  type: z.string(),
  decisionId: z.string().nullable(),
  sequence: z.int().min(0),
  status: z.enum(['pending', 'delivered', 'dead']),
  attempts: z.int().min(0),
  nextAttemptAt: Instant.nullable(),
  lastStatus: z.int().nullable(),
  lastError: z.string().nullable(),
  createdAt: Instant,
  deliveredAt: Instant.nullable(),
  log: z.array(DeliveryAttemptView),
});
export const DeliveryList = z.object({ items: z.array(DeliveryView) });

export const WebhookIdParams = z.strictObject({ id: z.string().min(1).max(100) });
export const WebhookDeliveryParams = z.strictObject({ id: z.string().min(1).max(100), deliveryId: z.string().min(1).max(400) });
export const DeliveryStatusQuery = z.strictObject({ status: z.enum(['pending', 'delivered', 'dead']).optional() });
export const ReplayResult = z.object({ replayed: z.int().min(0) });
