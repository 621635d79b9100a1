import { DecisionType } from '@shared/schemas/common';
import type { MetricsOverview } from '@shared/schemas/metrics';
import { lazy, Suspense } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { overviewCsvUrl, useOverview } from '../api/get-overview';
import type { MetricsFilter } from '../api/metrics-filter';
import { useGovernanceI18n } from '../i18n';
import { ChartFigure, LegendItem } from './chart-figure';
import { TYPE_COLOURS } from './chart-colours';
import type { TimeBucket } from './decisions-time-chart';
import { BlockError, BlockLoading, QueryBlock, Section } from './section';
import { bucketDays, bucketSizeFor, daysBetween, type BucketSize } from './time-buckets';

const DecisionsTimeChart = lazy(() => import('./decisions-time-chart'));

/** Headline numbers of the period, then decisions over time by type. */
export function OverviewSection({ filter }: { filter: MetricsFilter }) {
  const { t } = useGovernanceI18n();
  const overview = useOverview(filter);
  return (
    <Section title={t('overview.title')} csvHref={overviewCsvUrl(filter)}>
      <QueryBlock query={overview}>{(data) => <Headlines overview={data} />}</QueryBlock>
      <DecisionsOverTime filter={filter} overview={overview} />
    </Section>
  );
}

function Headlines({ overview: o }: { overview: MetricsOverview }) {
  const { t, formatNumber, formatRate, count } = useGovernanceI18n();
  const days = (value: number | null) => (value === null ? '—' : t('overview.days', { days: formatNumber(value, 1) }));
  return (
    <>
      <dl className="gov-stats">
        <Stat label={t('overview.decisions')} value={formatNumber(o.decisions, 0)} />
        <Stat
          label={t('overview.contestRate')}
          value={formatRate(o.contestRate)}
          detail={t('overview.contestedDetail', { contested: formatNumber(o.contested, 0) })}
        />
        <Stat
          label={t('overview.overrideRate')}
          value={formatRate(o.overrideRate)}
          detail={t('overview.overriddenDetail', { overridden: formatNumber(o.overridden, 0), resolved: count('count.cases', o.resolved) })}
        />
        <Stat label={t('overview.openCases')} value={formatNumber(o.openCases, 0)} detail={t('overview.nowDetail')} />
        <Stat
          label={t('overview.overdueCases')}
          value={formatNumber(o.overdueCases, 0)}
          detail={o.overdueCases > 0 ? t('overview.overdueDetail') : t('overview.nowDetail')}
          tone={o.overdueCases > 0 ? 'bad' : undefined}
        />
        <Stat
          label={t('overview.openRestrictions')}
          value={formatNumber(o.openRestrictions, 0)}
          detail={t('overview.restrictionsDetail', { requested: formatNumber(o.restrictions, 0) })}
        />
        <Stat label={t('overview.resolution')} value={days(o.medianResolutionDays)} detail={t('overview.p90Detail', { p90: days(o.p90ResolutionDays) })} />
      </dl>
      <p className="gov-note">{t('overview.note')}</p>
    </>
  );
}

export function Stat({ label, value, detail, tone }: { label: string; value: string; detail?: string; tone?: 'bad' }) {
  return (
    <div className={`gov-stat${tone ? ` gov-stat-${tone}` : ''}`}>
      <dt>{label}</dt>
      <dd>
        <span className="gov-stat-value">{value}</span>
        {detail ? <span className="gov-stat-detail">{detail}</span> : null}
      </dd>
    </div>
  );
}

/**
 * The overview counts all types together; by type means one overview per type (three small
 * reads of the rollups) unless the filter already names one.
 */
function DecisionsOverTime({ filter, overview }: { filter: MetricsFilter; overview: UseQueryResult<MetricsOverview> }) {
  const { t } = useGovernanceI18n();
  const types = filter.type ? [filter.type] : DecisionType.options;
  const perType = {
    renewal_price: useOverview({ ...filter, type: 'renewal_price' }, !filter.type),
    fraud_flag: useOverview({ ...filter, type: 'fraud_flag' }, !filter.type),
    risk_score: useOverview({ ...filter, type: 'risk_score' }, !filter.type),
  };
  const queries = types.map((type) => (filter.type ? overview : perType[type]));
  const failed = queries.find((q) => q.isError);

  return (
    <>
      <h3 className="gov-subtitle">{t('overview.overTime')}</h3>
      {failed ? (
        <BlockError error={failed.error} onRetry={() => queries.forEach((q) => void q.refetch())} />
      ) : queries.some((q) => !q.data) ? (
        <BlockLoading />
      ) : (
        <TimeFigure filter={filter} types={types} series={Object.fromEntries(types.map((type, i) => [type, queries[i]!.data!.byDay]))} />
      )}
    </>
  );
}

function TimeFigure({
  filter,
  types,
  series,
}: {
  filter: MetricsFilter;
  types: DecisionType[];
  series: Partial<Record<DecisionType, MetricsOverview['byDay']>>;
}) {
  const { t, typeName, formatNumber, formatDay, formatDayShort, formatMonth, formatList, count } = useGovernanceI18n();
  const size: BucketSize = bucketSizeFor(daysBetween(filter.from, filter.to));
  const buckets: TimeBucket[] = bucketDays(filter.from, filter.to, size, series).map((b) => ({
    key: b.start,
    label: size === 'month' ? formatMonth(b.start) : formatDayShort(b.start),
    longLabel: size === 'month' ? formatMonth(b.start) : size === 'week' ? t('overview.weekOf', { day: formatDay(b.start) }) : formatDay(b.start),
    counts: b.counts,
    total: b.total,
  }));
  const total = buckets.reduce((sum, b) => sum + b.total, 0);
  const byType = types.map((type) => ({ type, count: buckets.reduce((sum, b) => sum + (b.counts[type] ?? 0), 0) }));
  const busiest = buckets.reduce<TimeBucket | undefined>((best, b) => (!best || b.total > best.total ? b : best), undefined);
  const summary =
    total === 0
      ? t('overview.summaryNone', { from: formatDay(filter.from), to: formatDay(filter.to) })
      : t(`overview.summary.${size}`, {
          total: formatNumber(total, 0),
          from: formatDay(filter.from),
          to: formatDay(filter.to),
          breakdown: formatList(byType.map((b) => t('overview.typeCount', { type: typeName(b.type), count: formatNumber(b.count, 0) }))),
          busiest: busiest ? (size === 'week' ? formatDay(busiest.key) : busiest.longLabel) : '',
          busiestCount: count('count.decisions', busiest?.total ?? 0),
        });
  return (
    <ChartFigure
      label={t('overview.overTime')}
      legend={types.map((type) => (
        <LegendItem key={type} colour={TYPE_COLOURS[type]} label={typeName(type)} />
      ))}
      chart={
        <Suspense fallback={<BlockLoading label={t('common.drawing')} />}>
          <DecisionsTimeChart buckets={buckets} types={types} typeName={typeName} />
        </Suspense>
      }
      summary={summary}
      table={
        <table className="data-table gov-table">
          <caption className="visually-hidden">{t('overview.overTime')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(`overview.bucket.${size}`)}</th>
              {types.map((type) => (
                <th scope="col" key={type} className="gov-num">
                  {typeName(type)}
                </th>
              ))}
              {types.length > 1 ? (
                <th scope="col" className="gov-num">
                  {t('common.total')}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {buckets.map((b) => (
              <tr key={b.key}>
                <th scope="row">{b.longLabel}</th>
                {types.map((type) => (
                  <td key={type} className="gov-num">
                    {formatNumber(b.counts[type] ?? 0, 0)}
                  </td>
                ))}
                {types.length > 1 ? <td className="gov-num">{formatNumber(b.total, 0)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
