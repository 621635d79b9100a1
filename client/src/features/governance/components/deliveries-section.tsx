import { useDeliveries } from '../api/get-deliveries';
import { useGovernanceI18n } from '../i18n';
import { Stat } from './overview-section';
import { QueryBlock, Section } from './section';

/** Whether what reviewers decide reaches billing, claims and the members: the delivery engine's figures, as of now. */
export function DeliveriesSection() {
  const { t, formatRate, formatInstant, formatNumber } = useGovernanceI18n();
  const deliveries = useDeliveries();
  return (
    <Section title={t('deliveries.title')} intro={t('deliveries.intro')}>
      <QueryBlock query={deliveries}>
        {(d) => (
          <dl className="gov-stats">
            <Stat
              label={t('deliveries.successRate')}
              value={formatRate(d.successRate)}
              detail={t('deliveries.successDetail', { delivered: formatNumber(d.delivered, 0) })}
            />
            <Stat label={t('deliveries.waiting')} value={formatNumber(d.pending, 0)} />
            <Stat
              label={t('deliveries.oldest')}
              value={d.oldestPendingAt ? t('deliveries.minutes', { minutes: Math.floor(d.oldestPendingAgeSeconds / 60) }) : '—'}
              detail={d.oldestPendingAt ? t('deliveries.since', { at: formatInstant(d.oldestPendingAt) }) : undefined}
            />
            <Stat label={t('deliveries.dead')} value={formatNumber(d.dead, 0)} detail={t('deliveries.deadDetail')} tone={d.dead > 0 ? 'bad' : undefined} />
          </dl>
        )}
      </QueryBlock>
    </Section>
  );
}
