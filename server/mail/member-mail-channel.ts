import type { Channel } from '../domain/delivery-channel';
import type { OutboxMessage } from '../domain/entities';
import type { MailChannel, RequestMail } from './mail-channel';

type MailKind = Exclude<NonNullable<OutboxMessage['kind']>, RequestMail['kind']>;
const REQUEST_KINDS: readonly string[] = ['request_refused', 'request_extended', 'erasure_done'] satisfies RequestMail['kind'][];
type RequestMailData = Omit<RequestMail, 'id'>;
interface MailData {
  kind: MailKind;
  caseId: string;
  decisionId: string;
  memberId: string;
}

/**
 * E-mail to members as a channel of the delivery engine: one destination (the member) per entry
 * that tells them something. The engine keeps the order per decision, the retries and the log;
 * a member who cannot be e-mailed (no address, or they chose post) is a final failure with its
 * reason, and the case page tells the reviewer to write by post.
 */
export function memberMailChannel(mail: Pick<MailChannel, 'send' | 'sendRequestMail'>): Channel {
  return {
    kind: 'mail',
    fanOut: async (entry) =>
      entry.kind && REQUEST_KINDS.includes(entry.kind) && entry.requestId
        ? [
            {
              destinationId: 'member',
              type: `member.${entry.kind}`,
              data: {
                kind: entry.kind as RequestMail['kind'],
                requestId: entry.requestId,
                memberId: entry.memberId,
                recipient: entry.recipient ?? null,
              } satisfies RequestMailData,
              position: 0,
            },
          ]
        : entry.kind && entry.caseId && entry.memberId && entry.decisionId
          ? [
              {
                destinationId: 'member',
                type: `member.${entry.kind}`,
                data: { kind: entry.kind as MailKind, caseId: entry.caseId, decisionId: entry.decisionId, memberId: entry.memberId } satisfies MailData,
                position: 0,
              },
            ]
          : [],
    send: async (delivery) => {
      if ('requestId' in delivery.data) {
        const request = delivery.data as unknown as RequestMailData;
        const result = await mail.sendRequestMail({ id: delivery.entryId, ...request });
        return { ok: result.ok, status: result.status, error: result.error, final: result.permanent ?? false };
      }
      const data = delivery.data as unknown as MailData;
      // One mail per outbox entry: its id (`decisionId#seq`) is stable across retries, so the
      // Message-ID is too, and a mail sent twice is one mail to the reader.
      const result = await mail.send({
        id: delivery.entryId,
        kind: data.kind,
        memberId: data.memberId,
        caseId: data.caseId,
        decisionId: data.decisionId,
      });
      return { ok: result.ok, status: result.status, error: result.error, final: result.permanent ?? false };
    },
  };
}
