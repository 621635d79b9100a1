import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Store } from '../storage/store';
import { runDelivery, type DeliveryEngineOptions } from '../delivery/engine';
import { noticeChannel, type NotificationSender } from '../delivery/notice-channel';
import type { Channel } from '../domain/delivery-channel';

export type { NotificationSender } from '../delivery/notice-channel';

/** The default sender writes a log line with the kind and case only — no member data. */
export const logSender =
  (logger: Logger): NotificationSender =>
  async (notice) => {
    logger.info({ notification: notice.kind, caseId: notice.caseId }, 'member notification sent');
  };

/**
 * One pass of the delivery engine with the member notifications alone (at least once: a
 * notification counts as delivered only after its sender returned). Returns how many went out.
 */
export async function deliverOutbox(
  store: Store,
  clock: Clock,
  send: NotificationSender,
  options: Partial<Pick<DeliveryEngineOptions, 'retryBaseMs' | 'timeoutMs'>> = {},
): Promise<number> {
  return deliverThrough(store, clock, [noticeChannel(send)], options);
}

/** One pass of the delivery engine through the given channels (the member's mail, webhooks). Returns how many went out. */
export async function deliverThrough(
  store: Store,
  clock: Clock,
  channels: Channel[],
  options: Partial<Pick<DeliveryEngineOptions, 'retryBaseMs' | 'timeoutMs'>> = {},
): Promise<number> {
  const { delivered } = await runDelivery({ store, clock, channels, retryBaseMs: 30_000, timeoutMs: 10_000, ...options });
  return delivered;
}
