import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { OutboxMessage, Store } from '../storage/store';

/** Delivers one member notification: mailSender below in the server, logSender where no mail is wanted. */
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

/** The channel's side of a mail: what the mail sender hands it and what it answers. */
interface MemberMailChannel {
  send(message: {
    id: string;
    kind: OutboxMessage['kind'];
    memberId: string;
    caseId: string;
    decisionId: string;
  }): Promise<{ ok: boolean; error: string | null; permanent?: boolean }>;
}

/**
 * Delivers each notification as e-mail to the member. A temporary failure throws, so the message
 * stays pending and is tried again on the next run; a permanent one (no address, the member chose
 * post) is done here: the case page tells the reviewer that this member is told by post.
 */
export const mailSender =
  (store: Store, channel: MemberMailChannel, logger: Logger): NotificationSender =>
  async (message) => {
    const c = message.memberId ? await store.cases.get(message.caseId) : null;
    if (!c || !message.memberId)
      return void logger.info({ notification: message.kind, caseId: message.caseId }, 'member notification without a member to mail');
    const result = await channel.send({ id: message.id, kind: message.kind, memberId: message.memberId, caseId: message.caseId, decisionId: c.decisionId });
    if (result.ok) return;
    if (!result.permanent) throw new Error(`member mail not sent, tried again later: ${result.error ?? 'unknown'}`);
    logger.info({ notification: message.kind, caseId: message.caseId, reason: result.error?.split(':')[0] }, 'member notification goes by post');
  };
