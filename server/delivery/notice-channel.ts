import type { Delivery, OutboxMessage } from '../storage/store';
import type { Channel } from '../domain/delivery-channel';

type NoticeKind = NonNullable<OutboxMessage['kind']>;

/** Delivers one member notification. */
export type NotificationSender = (notice: { kind: NoticeKind; caseId: string | null; memberId: string | null }) => Promise<void>;

/**
 * The member notifications as a channel of the engine: one destination (the member), one
 * delivery per entry that has a notification. The mail channel takes its place.
 */
export function noticeChannel(send: NotificationSender): Channel {
  return {
    kind: 'notice',
    fanOut: async (entry) =>
      entry.kind
        ? [{ destinationId: 'member', type: `member.${entry.kind}`, data: { kind: entry.kind, caseId: entry.caseId, memberId: entry.memberId }, position: 0 }]
        : [],
    send: async (delivery: Delivery) => {
      const data = delivery.data as { kind: NoticeKind; caseId: string | null; memberId: string | null };
      await send({ kind: data.kind, caseId: data.caseId, memberId: data.memberId });
      return { ok: true, status: null, error: null };
    },
  };
}
