import type { Clock } from '../clock';
import type { Store } from '../storage/store';
import type { Delivery, DeliveryChannel, OutboxMessage } from './entities';

/** One delivery an outbox entry fans out to: a destination and the event it takes there. */
export interface FanOutItem {
  destinationId: string;
  type: string;
  data: Record<string, unknown>;
  /** The event's place within its entry (entries of one decision go in seq order, then this). */
  position: number;
}

/** What one attempt came to. */
export interface SendResult {
  ok: boolean;
  /** The destination's answer (an HTTP status, an SMTP code), null when none came. */
  status: number | null;
  /** Why it failed, for the delivery log: never a secret, never personal data. */
  error: string | null;
  /** The destination refused for good (a webhook's 410): no retry, the delivery is dead. */
  final?: boolean;
}

/**
 * A way out of Recourse (webhooks, e-mail, the member-notification sender). The engine owns the
 * outbox, the order, the retries and the log; a channel knows only its destinations and how to
 * send one delivery to one of them.
 */
export interface Channel {
  kind: DeliveryChannel;
  /** The deliveries an entry implies on this channel (none is fine). */
  fanOut(entry: OutboxMessage): Promise<FanOutItem[]>;
  /** One attempt; `signal` aborts it at the timeout. May throw: that counts as a failure. */
  send(delivery: Delivery, signal: AbortSignal): Promise<SendResult>;
}

/** Where a delivery goes and what it carries; the rest of a new delivery is always the same. */
export type DeliveryRoute = Pick<
  Delivery,
  'entryId' | 'channel' | 'destinationId' | 'decisionId' | 'lane' | 'seq' | 'position' | 'type' | 'data' | 'createdAt'
>;

/** A new delivery, due now, never tried: its id names the entry, the event and the destination, so fanning out twice writes nothing new. */
export const pendingDelivery = (route: DeliveryRoute, now: string): Delivery => ({
  id: `${route.entryId}|${route.type}|${route.channel}:${route.destinationId}`,
  ...route,
  status: 'pending',
  attempts: 0,
  nextAttemptAt: now,
  lastStatus: null,
  lastError: null,
  deliveredAt: null,
  log: [],
});

/** An admin's replay of a dead letter: pending again, due now, with a fresh schedule; its log stays. */
export async function replayDelivery(store: Store, clock: Clock, delivery: Delivery): Promise<Delivery> {
  const next: Delivery = { ...delivery, status: 'pending', attempts: 0, nextAttemptAt: clock.now().toISOString() };
  await store.deliveries.put(next);
  return next;
}
