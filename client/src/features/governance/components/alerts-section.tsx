import type { MonitorAlert } from '@shared/schemas/monitors';
import { useMonitorAlerts, useMonitors } from '../api/monitors';
import { useGovernanceI18n, type GovernanceI18n } from '../i18n';
import { BlockEmpty, QueryBlock, Section } from './section';
import './monitors.css';

/** A monitor's figure in the reader's words: a PSI to three decimals, a ratio to two, an override rate as a percentage. */
export function formatMonitorFigure(i18n: Pick<GovernanceI18n, 'formatNumber' | 'formatPercent'>, metric: MonitorAlert['metric'], value: number) {
  if (metric === 'override_rate') return i18n.formatPercent(value);
  return i18n.formatNumber(value, metric === 'psi' ? 3 : 2);
}

/**
 * The open alerts, first on the dashboard: which model's figure crossed which threshold, on what,
 * and since when. Each crossing is one alert (also sent by e-mail and webhook); it closes when the
 * figure comes back.
 */
export function AlertsSection() {
  const { t } = useGovernanceI18n();
  const alerts = useMonitorAlerts();
  const monitors = useMonitors();
  return (
    <Section
      title={t('alerts.title')}
      intro={t('alerts.intro')}
      className="gov-alerts"
      actions={
        <a className="button button-quiet-link" href="#monitors">
          {t('alerts.manage')}
        </a>
      }
    >
      <QueryBlock query={alerts}>
        {({ items }) => {
          const open = items.filter((a) => a.resolvedAt === null);
          const resolved = items.length - open.length;
          if (open.length === 0) {
            return (
              <>
                <BlockEmpty>{monitors.data && monitors.data.items.length === 0 ? t('alerts.noMonitors') : t('alerts.none')}</BlockEmpty>
                {resolved > 0 ? <p className="gov-muted">{t('alerts.resolvedCount', { count: resolved })}</p> : null}
              </>
            );
          }
          return (
            <>
              <ul className="gov-alert-list">
                {open.map((alert) => (
                  <AlertItem key={alert.id} alert={alert} />
                ))}
              </ul>
              {resolved > 0 ? <p className="gov-muted">{t('alerts.resolvedCount', { count: resolved })}</p> : null}
            </>
          );
        }}
      </QueryBlock>
    </Section>
  );
}

function AlertItem({ alert }: { alert: MonitorAlert }) {
  const i18n = useGovernanceI18n();
  const { t, typeName, formatDateTime } = i18n;
  const detail =
    alert.metric === 'fairness_ratio'
      ? t('alerts.onGroup', { attribute: alert.attribute ?? '', group: alert.group ?? '', n: alert.n })
      : alert.metric === 'psi'
        ? t('alerts.onVersion', { version: alert.modelVersion ?? '', n: alert.n })
        : t('alerts.onCases', { n: alert.n });
  return (
    <li className="gov-alert">
      <p className="gov-alert-what">
        {t('alerts.item', {
          metric: t('alerts.metric', { metric: alert.metric }),
          modelId: alert.modelId,
          type: alert.type ? typeName(alert.type) : '—',
          value: formatMonitorFigure(i18n, alert.metric, alert.value),
          comparison: alert.comparison,
          threshold: formatMonitorFigure(i18n, alert.metric, alert.threshold),
        })}
      </p>
      <p className="gov-alert-detail">
        {detail} <span className="gov-alert-since">{t('alerts.since', { date: formatDateTime(alert.raisedAt) })}</span>
      </p>
    </li>
  );
}
