import { createHash, randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { WebhookSubscription } from '../storage/store';

/** A new signing secret in the Standard Webhooks form. */
export const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** The message id: derived from the delivery, so it is the same on every retry and a consumer dedupes. */
export const messageId = (deliveryId: string) => `msg_${createHash('sha256').update(deliveryId).digest('base64url').slice(0, 32)}`;

/** The secrets that sign now: the newest, and an older one until its overlap ends. */
export const activeSecrets = (subscription: WebhookSubscription, now: Date) =>
  subscription.secrets.filter((s) => s.expiresAt === null || Date.parse(s.expiresAt) > now.getTime());

/** The three Standard Webhooks headers; one `v1,` signature per active secret, space separated. */
export function signedHeaders(subscription: WebhookSubscription, id: string, at: Date, body: string): Record<string, string> {
  const signatures = activeSecrets(subscription, at).map((s) => new Webhook(s.secret).sign(id, at, body));
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
