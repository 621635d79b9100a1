import type { Clock } from '../clock';
import type { Channel, SendResult } from '../domain/delivery-channel';
import type { Delivery, Store, WebhookSubscription } from '../storage/store';
import { destinationProblem, resolveAll, type Resolve } from './destination-guard';
import { guardedPost } from './guarded-post';
import { messageId, signedHeaders } from './signing';

export interface WebhookChannelOptions {
  store: Store;
  clock: Clock;
  allowedHosts: readonly string[];
  resolve?: Resolve;
}

/** The body Standard Webhooks recommends: the type, when it happened, and its data. */
export const webhookBody = (delivery: Delivery) => JSON.stringify({ type: delivery.type, timestamp: delivery.createdAt, data: delivery.data });

/** Disables a subscription its receiver says is gone for good. */
async function disable(store: Store, clock: Clock, subscription: WebhookSubscription, reason: string) {
  await store.webhooks.put({ ...subscription, enabled: false, disabledReason: reason, updatedAt: clock.now().toISOString() });
}

/**
 * Signed webhooks to the insurer's systems. Every enabled subscription that lists an entry's
 * event gets it. Redirects are not followed; a 410 switches the subscription off; the URL is
 * checked again before every attempt.
 */
export function webhookChannel(opts: WebhookChannelOptions): Channel {
  const { store, clock } = opts;
  const resolve = opts.resolve ?? resolveAll;
  return {
    kind: 'webhook',
    fanOut: async (entry) => {
      const events = entry.events ?? [];
      if (events.length === 0) return [];
      // A subscription hears of what happens from its creation on, not of entries that merely
      // waited for fan-out when it was made (they happened before anyone asked for them).
      const subscriptions = (await store.webhooks.list()).filter((s) => s.enabled && s.createdAt <= entry.createdAt);
      return subscriptions.flatMap((s) =>
        events.flatMap((e, position) => (s.events.includes(e.type) ? [{ destinationId: s.id, type: e.type, data: e.data, position }] : [])),
      );
    },
    send: async (delivery, signal): Promise<SendResult> => {
      const subscription = await store.webhooks.get(delivery.destinationId);
      if (!subscription) return { ok: false, status: null, error: 'the subscription no longer exists', final: true };
      if (!subscription.enabled) return { ok: false, status: null, error: 'the subscription is disabled', final: true };
      const problem = await destinationProblem(subscription.url, opts.allowedHosts, resolve);
      if (problem) return { ok: false, status: null, error: `destination refused: ${problem}` };
      const body = webhookBody(delivery);
      const url = new URL(subscription.url);
      const headers = { 'content-type': 'application/json', ...signedHeaders(subscription, messageId(delivery.id), clock.now(), body) };
      const status = await guardedPost(url, headers, body, signal, opts.allowedHosts.includes(url.hostname.toLowerCase()));
      if (status >= 200 && status < 300) return { ok: true, status, error: null };
      if (status === 410) {
        await disable(store, clock, subscription, 'the receiver answered 410 Gone');
        return { ok: false, status: 410, error: 'HTTP 410: the subscription was disabled', final: true };
      }
      if (status >= 300 && status < 400) return { ok: false, status, error: `HTTP ${status}: redirects are not followed` };
      return { ok: false, status, error: `HTTP ${status}` };
    },
  };
}
