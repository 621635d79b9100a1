import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { WEBHOOK_EVENT_TYPES, webhookPayload } from '@shared/schemas/webhook-events';

const SIGNED = {
  'webhook-id': { required: true, description: 'The message id: the same on every retry, so a consumer dedupes.', schema: { type: 'string' } },
  'webhook-timestamp': { required: true, description: 'Seconds since the epoch when this attempt was signed.', schema: { type: 'string' } },
  'webhook-signature': {
    required: true,
    description: 'Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per active secret (two for 24 hours after a rotation).',
    schema: { type: 'string' },
  },
} as const;

/**
 * The events the insurer's systems receive (OpenAPI 3.1 `webhooks`), signed per Standard
 * Webhooks. A 2xx acknowledges; anything else is retried (410 disables the subscription).
 */
export function webhookDocument(): ZodOpenApiPathsObject {
  return Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          operationId: `webhook_${type.replace('.', '_')}`,
          // A monitor's alert is about a model, not a decision: no sequence to order by.
          summary: type.startsWith('monitor.')
            ? `${type} (signed webhook, once per crossing of a monitor's threshold)`
            : `${type} (signed webhook, in order per decision by data.sequence)`,
          parameters: Object.entries(SIGNED).map(([name, spec]) => ({ name, in: 'header' as const, ...spec })),
          requestBody: { content: { 'application/json': { schema: webhookPayload(type) } } },
          responses: { '200': { description: 'Received (any 2xx)' }, '410': { description: 'Gone: the subscription is disabled' } },
        },
      },
    ]),
  );
}
