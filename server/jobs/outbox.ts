import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { OutboxMessage, Store } from '../storage/store';

/** Delivers one member notification; a real mail sender replaces the default. */
export type NotificationSender = (message: OutboxMessage) => Promise<void>;

/** The default sender writes a log line with the kind and case only — no member data. */
export const logSender =
  (logger: Logger): NotificationSender =>
  async (message) => {
    logger.info({ notification: message.kind, caseId: message.caseId }, 'member notification sent');
  };

/** At-least-once delivery: a message is marked delivered only after its sender returned. */
export async function deliverOutbox(store: Store, clock: Clock, send: NotificationSender, batch = 100): Promise<number> {
  let delivered = 0;
  for (const message of await store.outbox.pending(batch)) {
    await send(message);
    await store.outbox.markDelivered(message.id, clock.now().toISOString());
    delivered++;
  }
  return delivered;
}
