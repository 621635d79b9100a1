import { createHash } from 'node:crypto';
import type Mail from 'nodemailer/lib/mailer';
import type { Logger } from 'pino';
import type { Lang } from '@shared/schemas/model';
import type { WebhookEventData } from '@shared/schemas/webhook-events';
import type { Clock } from '../clock';
import type { Channel } from '../domain/delivery-channel';
import { renderAlertMail } from './render-alert-mail';
import { transportFor, type MailChannelConfig } from './mail-channel';
import type { MailTransport } from './transports';

export interface AlertMailConfig extends MailChannelConfig {
  /** MONITOR_ALERT_EMAILS; empty: no mail (the webhook and the dashboard still tell). */
  monitorAlertEmails: readonly string[];
  monitorAlertLanguage: Lang;
}

/** The host part of the sender, which also names our Message-IDs. */
const senderDomain = (from: string) => /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'recourse.localhost';

/**
 * Governance's alert mail as a channel of the delivery engine: one mail per monitor alert to the
 * configured addresses together (one destination, so one delivery and one log line per alert).
 * The Message-ID is the outbox entry's, so a retry is one mail to the reader.
 */
export function alertMailChannel(deps: { config: AlertMailConfig; clock: Clock; logger: Logger; transport?: MailTransport }): Channel & { close(): void } {
  const { config, clock, logger } = deps;
  const transport = deps.transport ?? transportFor(config);
  const domain = senderDomain(config.mailFrom);
  return {
    kind: 'alert_mail',
    fanOut: async (entry) =>
      config.monitorAlertEmails.length === 0
        ? []
        : (entry.events ?? []).flatMap((e, position) =>
            e.type === 'monitor.alert' ? [{ destinationId: 'governance', type: e.type, data: e.data, position }] : [],
          ),
    send: async (delivery) => {
      const alert = delivery.data as unknown as WebhookEventData<'monitor.alert'>;
      const rendered = renderAlertMail({ alert, lang: config.monitorAlertLanguage, appUrl: config.appUrl });
      // Stable across retries (one mail to the reader), and a valid Message-ID whatever the group's name holds.
      const messageId = `<monitor-alert.${createHash('sha256').update(delivery.entryId).digest('hex').slice(0, 32)}@${domain}>`;
      const mail: Mail.Options = {
        from: config.mailFrom,
        to: [...config.monitorAlertEmails],
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        messageId,
        headers: { 'Content-Language': rendered.lang, 'Auto-Submitted': 'auto-generated' },
      };
      const summary = {
        id: delivery.entryId,
        messageId,
        to: config.monitorAlertEmails.join(', '),
        subject: rendered.subject,
        language: rendered.lang,
        kind: 'monitor_alert',
        caseId: '',
        writtenAt: clock.now().toISOString(),
        text: rendered.text,
        html: rendered.html,
      };
      try {
        const { status } = await transport.deliver(mail, summary);
        logger.info({ mail: 'monitor_alert', alertId: alert.alertId, transport: transport.kind, status }, 'governance alert mail sent');
        return { ok: true, status, error: null };
      } catch (error) {
        const failure = (typeof error === 'object' && error !== null ? error : {}) as { responseCode?: number; code?: string; message?: string };
        const status = typeof failure.responseCode === 'number' ? failure.responseCode : null;
        logger.warn({ mail: 'monitor_alert', alertId: alert.alertId, transport: transport.kind, status, code: failure.code }, 'governance alert mail failed');
        return {
          ok: false,
          status,
          error: `${failure.code ?? 'send_failed'}: ${failure.message ?? 'the mail could not be sent'}`.slice(0, 300),
          final: status !== null && status >= 500 && status < 600,
        };
      }
    },
    close: () => transport.close(),
  };
}
