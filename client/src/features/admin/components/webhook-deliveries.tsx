import type { WebhookSubscriptionView } from '@shared/schemas/webhooks';
import { ProblemMessage } from '../../../components/problem-message';
import { useI18n } from '../../../i18n';
import { useReplayDeadLetters, useReplayDelivery, useWebhookDeliveries } from '../api/webhooks';

/** The delivery log of one subscription: each event, its attempts and next try; dead letters can be replayed. */
export function WebhookDeliveries({ subscription }: { subscription: WebhookSubscriptionView }) {
  const { t, formatDateTime } = useI18n();
  const deliveries = useWebhookDeliveries(subscription.id);
  const replay = useReplayDelivery();
  const replayAll = useReplayDeadLetters();
  const items = deliveries.data?.items ?? [];
  const dead = items.filter((d) => d.status === 'dead').length;
  return (
    <section aria-labelledby="webhook-deliveries-title">
      <h3 id="webhook-deliveries-title">{t('admin.deliveriesTitle', { url: subscription.url })}</h3>
      {deliveries.isError ? <ProblemMessage error={deliveries.error} /> : null}
      {replay.error || replayAll.error ? <ProblemMessage error={replay.error ?? replayAll.error} /> : null}
      {dead > 0 ? (
        <button type="button" className="button button-secondary" onClick={() => replayAll.mutate(subscription.id)} disabled={replayAll.isPending}>
          {t('admin.deliveriesReplayAll', { count: dead })}
        </button>
      ) : null}
      {deliveries.data && items.length === 0 ? <p className="muted">{t('admin.deliveriesNone')}</p> : null}
      {items.length > 0 ? (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.deliveryEvent')}</th>
              <th scope="col">{t('admin.deliveryState')}</th>
              <th scope="col">{t('admin.deliveryAttempts')}</th>
              <th scope="col">{t('admin.deliveryLast')}</th>
              <th scope="col">{t('admin.deliveryNext')}</th>
              <th scope="col">{t('admin.webhookActions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id} className={d.status === 'dead' ? 'row-warning' : undefined}>
                <td>
                  <code>{d.type}</code>
                  {d.decisionId ? <div className="muted small">{t('admin.deliveryOf', { decisionId: d.decisionId, sequence: d.sequence })}</div> : null}
                </td>
                <td>{t(`admin.deliveryStatus.${d.status}`)}</td>
                <td>{d.attempts}</td>
                <td>{d.log.length ? `${formatDateTime(d.log[d.log.length - 1]!.at)} · ${d.lastStatus ?? d.lastError ?? '—'}` : '—'}</td>
                <td>{d.status === 'pending' && d.nextAttemptAt ? formatDateTime(d.nextAttemptAt) : '—'}</td>
                <td>
                  {d.status === 'dead' ? (
                    <button type="button" className="button button-secondary" onClick={() => replay.mutate({ id: subscription.id, deliveryId: d.id })}>
                      {t('admin.deliveryReplay')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
