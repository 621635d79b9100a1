import { randomBytes } from 'node:crypto';
import type { User } from '@shared/schemas/session';
import type { WebhookEventType } from '@shared/schemas/webhook-events';
import type { WebhookSubscriptionView } from '@shared/schemas/webhooks';
import { can } from '@shared/auth/permissions';
import type { Clock } from '../clock';
import { badRequest, conflict, forbidden, notFound } from '../domain/errors';
import { pendingDelivery, replayDelivery } from '../domain/delivery-channel';
import type { Delivery, Store, WebhookSubscription } from '../storage/store';
import { destinationProblem, resolveAll, type Resolve } from './destination-guard';
import { messageId, newSecret } from './signing';

/** How long an old secret keeps signing beside the new one after a rotation. */
export const SECRET_OVERLAP_MS = 24 * 3_600_000;

const view = ({ secrets: _secrets, ...rest }: WebhookSubscription): WebhookSubscriptionView => rest;

const deliveryView = (d: Delivery) => ({
  id: d.id,
  messageId: messageId(d.id),
  type: d.type,
  decisionId: d.decisionId,
  sequence: d.seq,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null,
  lastStatus: d.lastStatus,
  lastError: d.lastError,
  createdAt: d.createdAt,
  deliveredAt: d.deliveredAt,
  log: d.log,
});

/**
 * Admins' webhook subscriptions: made, changed, tested, and their deliveries and dead letters.
 * A secret is answered when it is made and never again; nothing here sends: the engine does.
 */
export function createWebhookService(deps: { store: Store; clock: Clock; allowedHosts: readonly string[]; resolve?: Resolve }) {
  const { store, clock } = deps;
  const resolve = deps.resolve ?? resolveAll;
  const requireAdmin = (user: User) => {
    if (!can(user, 'webhooks.manage')) throw forbidden('forbidden', 'Only admin manages webhook subscriptions.');
  };
  const requireSafe = async (url: string) => {
    const problem = await destinationProblem(url, deps.allowedHosts, resolve);
    if (problem) throw badRequest('unsafe_destination', `This URL cannot receive webhooks: ${problem}.`, [{ path: 'url', message: problem }]);
  };
  const existing = async (id: string) => {
    const found = await store.webhooks.get(id);
    if (!found) throw notFound('No such webhook subscription.');
    return found;
  };

  return {
    async create(user: User, body: { url: string; events: WebhookEventType[]; description: string }) {
      requireAdmin(user);
      await requireSafe(body.url);
      const now = clock.now().toISOString();
      const secret = newSecret();
      const subscription: WebhookSubscription = {
        id: `wh_${randomBytes(12).toString('hex')}`,
        url: body.url,
        events: [...new Set(body.events)],
        description: body.description,
        enabled: true,
        disabledReason: null,
        secrets: [{ secret, createdAt: now, expiresAt: null }],
        createdAt: now,
        updatedAt: now,
      };
      await store.webhooks.add(subscription);
      return { ...view(subscription), secret };
    },

    async list(user: User) {
      requireAdmin(user);
      return { items: (await store.webhooks.list()).map(view) };
    },

    async update(user: User, id: string, body: { enabled?: boolean; events?: WebhookEventType[]; description?: string; rotateSecret?: true }) {
      requireAdmin(user);
      const current = await existing(id);
      const now = clock.now();
      let secrets = current.secrets.filter((s) => s.expiresAt === null || Date.parse(s.expiresAt) > now.getTime());
      const secret = body.rotateSecret ? newSecret() : undefined;
      if (secret) {
        const until = new Date(now.getTime() + SECRET_OVERLAP_MS).toISOString();
        secrets = [{ secret, createdAt: now.toISOString(), expiresAt: null }, ...secrets.map((s) => ({ ...s, expiresAt: s.expiresAt ?? until }))];
      }
      const next: WebhookSubscription = {
        ...current,
        ...(body.events ? { events: [...new Set(body.events)] } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.enabled !== undefined ? { enabled: body.enabled, disabledReason: body.enabled ? null : current.disabledReason } : {}),
        secrets,
        updatedAt: now.toISOString(),
      };
      await store.webhooks.put(next);
      return { ...view(next), ...(secret ? { secret } : {}) };
    },

    /** A test event through the engine like any other: signed, logged, retried. */
    async test(user: User, id: string) {
      requireAdmin(user);
      const subscription = await existing(id);
      const now = clock.now().toISOString();
      const entryId = `test#${randomBytes(8).toString('hex')}`;
      const delivery = pendingDelivery(
        {
          entryId,
          channel: 'webhook',
          destinationId: subscription.id,
          decisionId: null,
          lane: `webhook:${subscription.id}:${entryId}`,
          seq: 0,
          position: 0,
          type: 'webhook.test',
          data: { subscriptionId: subscription.id },
          createdAt: now,
        },
        now,
      );
      await store.deliveries.add(delivery);
      return deliveryView(delivery);
    },

    async deliveries(user: User, id: string, status: Delivery['status'] | undefined) {
      requireAdmin(user);
      await existing(id);
      return { items: (await store.deliveries.forDestination('webhook', id, status ?? null, 200)).map(deliveryView) };
    },

    async replay(user: User, id: string, deliveryId: string) {
      requireAdmin(user);
      await existing(id);
      const delivery = await store.deliveries.get(deliveryId);
      if (!delivery || delivery.channel !== 'webhook' || delivery.destinationId !== id) throw notFound('No such delivery.');
      if (delivery.status !== 'dead') throw conflict('invalid_state', 'Only a dead letter is replayed.');
      return deliveryView(await replayDelivery(store, clock, delivery));
    },

    async replayAll(user: User, id: string) {
      requireAdmin(user);
      await existing(id);
      const dead = await store.deliveries.forDestination('webhook', id, 'dead', 10_000);
      for (const d of dead) await replayDelivery(store, clock, d);
      return { replayed: dead.length };
    },
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
