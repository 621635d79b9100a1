import type { Clock } from '../clock';
import type { Delivery, DeliveryAttempt, OutboxMessage, Store } from '../storage/store';
import { pendingDelivery, type Channel, type SendResult } from '../domain/delivery-channel';
import { dataKeptAfterDelivery, erasureNoticeHandedOver } from '../domain/outbound-events';
import { retryDelayMs } from './schedule';

export interface DeliveryEngineOptions {
  store: Store;
  clock: Clock;
  channels: Channel[];
  retryBaseMs: number;
  timeoutMs: number;
  /** Jitter's source; tests pin it. */
  random?: () => number;
  /** How many lanes (destination × decision) are served at once. */
  concurrency?: number;
  /**
   * How long a run may start new attempts (its lease lasts longer by at least one timeout), so a
   * run never outlives its lease and another process never sends the same delivery meanwhile.
   */
  budgetMs?: number;
}

const laneOf = (channel: string, destinationId: string, entry: OutboxMessage) => `${channel}:${destinationId}:${entry.decisionId ?? entry.id}`;

/**
 * Turns outbox entries into deliveries, one per (entry, event, destination), then marks the entry
 * handed over. Ids are derived, so a crash in between repeats the fan-out harmlessly.
 */
export async function fanOut(opts: DeliveryEngineOptions, batch = 100): Promise<number> {
  const { store, clock, channels } = opts;
  const entries = await store.outbox.pending(batch);
  for (const entry of entries) {
    const now = clock.now().toISOString();
    for (const channel of channels) {
      for (const item of await channel.fanOut(entry)) {
        await store.deliveries.add(
          pendingDelivery(
            {
              entryId: entry.id,
              channel: channel.kind,
              destinationId: item.destinationId,
              decisionId: entry.decisionId ?? null,
              lane: laneOf(channel.kind, item.destinationId, entry),
              seq: entry.seq ?? 0,
              position: item.position,
              type: item.type,
              data: item.data,
              createdAt: entry.createdAt,
            },
            now,
          ),
        );
      }
    }
    const forgotten = erasureNoticeHandedOver(entry, now);
    if (forgotten) await store.outbox.replace(forgotten);
    else await store.outbox.markDelivered(entry.id, now);
  }
  return entries.length;
}

async function attempt(opts: DeliveryEngineOptions, channel: Channel, delivery: Delivery): Promise<Delivery> {
  const { store, clock } = opts;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  const started = performance.now();
  let result: SendResult;
  try {
    result = await Promise.race([
      channel.send(delivery, controller.signal),
      new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(new Error(`timed out after ${opts.timeoutMs} ms`)))),
    ]);
  } catch (error) {
    result = { ok: false, status: null, error: error instanceof Error ? error.message : 'failed' };
  } finally {
    clearTimeout(timer);
  }
  const latencyMs = Math.round(performance.now() - started);
  const now = clock.now();
  const attempts = delivery.attempts + 1;
  const delay = result.ok || result.final ? null : retryDelayMs(attempts, opts.retryBaseMs, opts.random);
  const nextAttemptAt = delay === null ? null : new Date(now.getTime() + delay).toISOString();
  const entry: DeliveryAttempt = { at: now.toISOString(), ok: result.ok, status: result.status, latencyMs, error: result.error, nextAttemptAt };
  const next: Delivery = {
    ...delivery,
    status: result.ok ? 'delivered' : nextAttemptAt ? 'pending' : 'dead',
    attempts,
    nextAttemptAt: nextAttemptAt ?? delivery.nextAttemptAt,
    lastStatus: result.status,
    lastError: result.error,
    deliveredAt: result.ok ? entry.at : null,
    data: result.ok ? dataKeptAfterDelivery(delivery.type, delivery.data) : delivery.data,
    log: [...delivery.log, entry],
  };
  await store.deliveries.put(next);
  return next;
}

/** The rest of a lane waits for its head: moved to the head's time, so they do not fill every batch meanwhile. */
async function deferBehind(store: Store, waiting: Delivery[], until: string) {
  for (const d of waiting) if (d.nextAttemptAt < until) await store.deliveries.put({ ...d, nextAttemptAt: until });
}

/**
 * Serves one lane in order: its head goes out, and while that succeeds (or dies) the next one,
 * as long as it is due. Returns how many went out.
 */
async function serveLane(opts: DeliveryEngineOptions, lane: string, waiting: Delivery[], startedAt: number): Promise<number> {
  const { store } = opts;
  const now = opts.clock.now().toISOString();
  let delivered = 0;
  for (;;) {
    if (opts.budgetMs !== undefined && performance.now() > startedAt + opts.budgetMs) return delivered;
    const head = await store.deliveries.head(lane);
    if (!head) return delivered;
    const channel = opts.channels.find((c) => c.kind === head.channel);
    if (!channel || head.nextAttemptAt > now) {
      await deferBehind(
        store,
        waiting.filter((d) => d.id !== head.id),
        head.nextAttemptAt,
      );
      return delivered;
    }
    const done = await attempt(opts, channel, head);
    waiting = waiting.filter((d) => d.id !== head.id);
    if (done.status === 'delivered') delivered++;
    if (done.status !== 'pending') continue;
    await deferBehind(store, waiting, done.nextAttemptAt);
    return delivered;
  }
}

/** One pass over the due deliveries, lanes side by side, each lane strictly in order. */
export async function deliverDue(opts: DeliveryEngineOptions, batch = 100): Promise<number> {
  const startedAt = performance.now();
  const due = await opts.store.deliveries.due(opts.clock.now().toISOString(), batch);
  const lanes = new Map<string, Delivery[]>();
  for (const d of due) lanes.set(d.lane, [...(lanes.get(d.lane) ?? []), d]);
  const queue = [...lanes.entries()];
  let delivered = 0;
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const n = await serveLane(opts, next[0], next[1], startedAt);
      delivered += n;
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 8, queue.length) }, worker));
  return delivered;
}

/** One run of the outbox job: hand new entries over, then deliver what is due. */
export async function runDelivery(opts: DeliveryEngineOptions): Promise<{ fannedOut: number; delivered: number }> {
  const fannedOut = await fanOut(opts);
  const delivered = await deliverDue(opts);
  return { fannedOut, delivered };
}
