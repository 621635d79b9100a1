import type { MonitorAlert } from '@shared/schemas/monitors';
import type { WebhookEventData } from '@shared/schemas/webhook-events';
import type { OutboxMessage } from '../domain/entities';

/** What the webhook `monitor.alert` and the governance mail carry: the alert's figures, nothing about a member. */
export function monitorAlertData(alert: MonitorAlert): WebhookEventData<'monitor.alert'> {
  const { id, resolvedAt: _resolvedAt, resolvedValue: _resolvedValue, ...figures } = alert;
  return { alertId: id, ...figures };
}

/**
 * The outbox entry of one crossing. Its id is the alert's, so a second evaluation of the same
 * crossing (another process, a run repeated after a crash) writes nothing new. No decision, no
 * member: the entry is a lane of its own.
 */
export function monitorAlertEntry(alert: MonitorAlert): OutboxMessage {
  return {
    id: `monitor#${alert.id}`,
    decisionId: null,
    seq: 0,
    caseId: null,
    memberId: null,
    kind: null,
    events: [{ type: 'monitor.alert', data: monitorAlertData(alert) }],
    createdAt: alert.raisedAt,
    deliveredAt: null,
  };
}
