import path from 'node:path';
import type { User } from '@shared/schemas/session';
import { WEBHOOK_EVENT_TYPES } from '@shared/schemas/webhook-events';
import { systemClock } from '../../server/clock';
import { AppError } from '../../server/domain/errors';
import { generateDecisions } from '../../server/demo/generator';
import { runDelivery } from '../../server/delivery/engine';
import { openSqliteStore } from '../../server/storage/sqlite/sqlite-store';
import type { Store } from '../../server/storage/store';
import { webhookChannel } from '../../server/webhooks/webhook-channel';
import { startReceiver } from '../support/webhook-receiver';
import { addDemoUsers, startApp, type RunningApp } from './http';
import { nowMs } from './stats';

export interface DeliveryBench {
  /** Webhook deliveries made, and how many per second reached the local receiver, signed and verified. */
  deliveries: number;
  deliveriesPerSec: number;
  /** Time of ingest (and of the case steps) with a subscription to every event, over the time without: the outbox's cost. */
  ingestRatio: number;
  resolveRatio: number;
}

async function asUser(store: Store, username: string): Promise<User> {
  const u = (await store.users.byUsername(username))!;
  return { id: u.id, username: u.username, roles: u.roles, scopes: u.scopes, ...(u.memberId ? { memberId: u.memberId } : {}) };
}

/** Ingests the decisions of anna (M-1001) through the service, then objects, claims and confirms each: the steps that write outbox entries. */
async function workload(app: RunningApp, store: Store, cases: number, now: Date, keyPrefix: string) {
  const decisions = [...generateDecisions({ count: cases, members: 1, now, seed: 7, keyPrefix, chronological: true })].map((d) => ({
    ...d,
    subject: { ...d.subject, memberId: 'M-1001' },
  }));
  const ingestStart = nowMs();
  const { ids } = await app.services.decisions.ingestBatch(decisions);
  const ingestMs = nowMs() - ingestStart;
  const anna = await asUser(store, 'anna');
  const senior = await asUser(store, 'senior.reviewer');
  const stepsStart = nowMs();
  for (const id of ids) {
    // A decision drawn for a sample review already has its case; the member's objection joins nothing here.
    const filed = await app.services.cases.fileObjection(anna, id, { statement: 'Please look at this decision again.' }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'case_already_open') return null;
      throw error;
    });
    if (filed?.case.status !== 'open') continue;
    const claimed = await app.services.cases.claim(senior, filed.case.id, filed.case.version);
    await app.services.cases.resolve(senior, filed.case.id, {
      outcome: 'confirm',
      rationale: 'The inputs were checked against the policy file and are right.',
      expectedVersion: claimed.case.version,
    });
  }
  return { ingestMs, stepsMs: nowMs() - stepsStart };
}

/**
 * The outbound side: the same workload on two stores, one without and one with a subscription to
 * every event (the ratio is the outbox's cost, measured in one run), then the engine delivering
 * the subscribed store's backlog to a verifying receiver on loopback.
 */
export async function measureDelivery(dir: string, cases: number, now: Date): Promise<DeliveryBench> {
  const receiver = await startReceiver();
  const config = { webhookAllowedHosts: ['127.0.0.1'] };
  const plainStore = openSqliteStore(path.join(dir, 'outbox-plain.sqlite'));
  const subscribedStore = openSqliteStore(path.join(dir, 'outbox-subscribed.sqlite'));
  await addDemoUsers(plainStore);
  await addDemoUsers(subscribedStore);
  const plain = await startApp(plainStore, { config });
  const subscribed = await startApp(subscribedStore, { config });
  try {
    const admin = await asUser(subscribedStore, 'admin');
    const { secret } = await subscribed.services.webhooks.create(admin, { url: receiver.url, events: [...WEBHOOK_EVENT_TYPES], description: 'bench' });
    receiver.trust(secret);
    // Alternating halves, so a noisy moment of the machine weighs on both sides alike.
    const half = Math.max(1, Math.floor(cases / 2));
    const a1 = await workload(plain, plainStore, half, now, 'plain-a');
    const b1 = await workload(subscribed, subscribedStore, half, now, 'sub-a');
    const b2 = await workload(subscribed, subscribedStore, half, now, 'sub-b');
    const a2 = await workload(plain, plainStore, half, now, 'plain-b');

    const channel = webhookChannel({ store: subscribedStore, clock: systemClock, allowedHosts: config.webhookAllowedHosts });
    const deliverStart = nowMs();
    let delivered = 0;
    for (;;) {
      const pass = await runDelivery({ store: subscribedStore, clock: systemClock, channels: [channel], retryBaseMs: 1000, timeoutMs: 5000 });
      delivered += pass.delivered;
      if (pass.delivered === 0 && pass.fannedOut === 0) break;
    }
    const deliverMs = nowMs() - deliverStart;
    if (receiver.received.length !== delivered || receiver.received.some((r) => r.verifiedWith.length === 0)) {
      throw new Error(`the receiver verified ${receiver.received.length} of ${delivered} deliveries`);
    }
    return {
      deliveries: delivered,
      deliveriesPerSec: delivered / (deliverMs / 1000),
      ingestRatio: (b1.ingestMs + b2.ingestMs) / (a1.ingestMs + a2.ingestMs),
      resolveRatio: (b1.stepsMs + b2.stepsMs) / (a1.stepsMs + a2.stepsMs),
    };
  } finally {
    await plain.close();
    await subscribed.close();
    await plainStore.close();
    await subscribedStore.close();
    await receiver.close();
  }
}
