import { lazy, Suspense } from 'react';
import type { ModelVersionMetrics } from '@shared/schemas/metrics';
import { modelMetricsCsvUrl, useModelMetrics } from '../api/get-model-metrics';
import type { MetricsFilter } from '../api/metrics-filter';
import { useGovernanceI18n } from '../i18n';
import { ChartFigure, LegendItem } from './chart-figure';
import { TONE_COLOURS, type Tone } from './chart-colours';
import type { HorizontalBar } from './horizontal-bar-chart';
import { BlockEmpty, BlockLoading, QueryBlock, Section } from './section';
import { niceCeil, PSI_ACT, PSI_WATCH, type DriftLevel } from './scale';

const HorizontalBarChart = lazy(() => import('./horizontal-bar-chart'));

const versionLabel = (m: ModelVersionMetrics) => `${m.modelId} ${m.modelVersion}`;
const DRIFT_TONE: Record<DriftLevel, Tone> = { baseline: 'neutral', too_few: 'neutral', stable: 'good', moderate: 'warn', significant: 'bad' };

/** Per model version: how often people contest it, how often reviewers overturn it, and how its scores drift. */
export function ModelsSection({ filter }: { filter: MetricsFilter }) {
  const { t } = useGovernanceI18n();
  const models = useModelMetrics(filter);
  return (
    <Section title={t('models.title')} intro={t('models.intro')} csvHref={modelMetricsCsvUrl(filter)}>
      <QueryBlock query={models}>
        {({ items }) =>
          items.length === 0 ? (
            <BlockEmpty>{t('models.empty')}</BlockEmpty>
          ) : (
            <>
              <div className="gov-grid-2">
                <ContestFigure items={items} />
                <OverrideFigure items={items} />
              </div>
              <PsiFigure items={items} />
            </>
          )
        }
      </QueryBlock>
    </Section>
  );
}

function VersionHeader() {
  const { t } = useGovernanceI18n();
  return (
    <>
      <th scope="col">{t('models.model')}</th>
      <th scope="col">{t('models.version')}</th>
    </>
  );
}

function VersionCells({ m }: { m: ModelVersionMetrics }) {
  return (
    <>
      <th scope="row">{m.modelId}</th>
      <td>{m.modelVersion}</td>
    </>
  );
}

function ContestFigure({ items }: { items: ModelVersionMetrics[] }) {
  const { t, formatRate } = useGovernanceI18n();
  const highest = items.reduce((a, b) => ((b.contestRate ?? -1) > (a.contestRate ?? -1) ? b : a));
  return (
    <RateFigure
      items={items}
      title={t('models.contestTitle')}
      rate={(m) => m.contestRate}
      rateHeader={t('models.contestRate')}
      noRate={t('models.noDecisions')}
      tone="primary"
      counts={[
        { header: t('models.decisions'), count: (m) => m.decisions },
        { header: t('models.contested'), count: (m) => m.contested },
      ]}
      summary={t('models.contestSummary', { version: versionLabel(highest), rate: formatRate(highest.contestRate) })}
    />
  );
}

function OverrideFigure({ items }: { items: ModelVersionMetrics[] }) {
  const { t, formatRate, formatNumber } = useGovernanceI18n();
  const withResolved = items.filter((m) => m.resolved > 0);
  return (
    <RateFigure
      items={items}
      title={t('models.overrideTitle')}
      rate={(m) => m.overrideRate}
      rateHeader={t('models.overrideRate')}
      noRate={t('models.noneResolved')}
      tone="warn"
      counts={[
        { header: t('models.resolved'), count: (m) => m.resolved },
        { header: t('models.overridden'), count: (m) => m.overridden },
      ]}
      summary={
        withResolved.length === 0
          ? t('models.overrideSummaryNone')
          : t('models.overrideSummary', {
              list: withResolved
                .map((m) => `${versionLabel(m)} ${formatRate(m.overrideRate)} (${formatNumber(m.overridden, 0)}/${formatNumber(m.resolved, 0)})`)
                .join('; '),
            })
      }
    />
  );
}

/** A rate per model version as bars, with its table: the two counts it is made of, then the rate itself. */
function RateFigure({
  items,
  title,
  rate,
  rateHeader,
  noRate,
  tone,
  counts,
  summary,
}: {
  items: ModelVersionMetrics[];
  title: string;
  rate: (m: ModelVersionMetrics) => number | null;
  rateHeader: string;
  /** Written instead of a rate for a version with nothing to divide by. */
  noRate: string;
  tone: Tone;
  counts: { header: string; count: (m: ModelVersionMetrics) => number }[];
  summary: string;
}) {
  const { t, formatRate, formatPercent, formatNumber } = useGovernanceI18n();
  const max = niceCeil(Math.max(...items.map((m) => rate(m) ?? 0)));
  const bars: HorizontalBar[] = items.map((m) => {
    const value = rate(m);
    return {
      key: `${m.modelId}@${m.modelVersion}`,
      label: m.modelId,
      sublabel: t('models.versionShort', { version: m.modelVersion }),
      value,
      valueLabel: value === null ? noRate : formatRate(value),
      tone,
    };
  });
  return (
    <ChartFigure
      title={title}
      chart={
        <Suspense fallback={<BlockLoading label={t('common.drawing')} />}>
          <HorizontalBarChart bars={bars} max={max} formatTick={(v) => formatPercent(v)} />
        </Suspense>
      }
      summary={summary}
      table={
        <table className="data-table gov-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <VersionHeader />
              {counts.map(({ header }, index) => (
                <th key={index} scope="col" className="gov-num">
                  {header}
                </th>
              ))}
              <th scope="col" className="gov-num">
                {rateHeader}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={`${m.modelId}@${m.modelVersion}`}>
                <VersionCells m={m} />
                {counts.map(({ count }, index) => (
                  <td key={index} className="gov-num">
                    {formatNumber(count(m), 0)}
                  </td>
                ))}
                <td className="gov-num">{formatRate(rate(m))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function PsiFigure({ items }: { items: ModelVersionMetrics[] }) {
  const { t, formatNumber } = useGovernanceI18n();
  const psi = (value: number) => formatNumber(value, 3);
  const max = Math.max(0.3, niceCeil(Math.max(...items.map((m) => m.psi ?? 0))));
  const bars: HorizontalBar[] = items.map((m) => ({
    key: `${m.modelId}@${m.modelVersion}`,
    label: m.modelId,
    sublabel: t('models.versionShort', { version: m.modelVersion }),
    value: m.psi,
    valueLabel: m.psi === null ? t('models.baseline') : psi(m.psi),
    tone: DRIFT_TONE[m.drift],
  }));
  const compared = items.filter((m) => m.psi !== null);
  // The API's reading: thresholds, enough decisions on both sides, and more than chance.
  const levels = (level: DriftLevel) => compared.filter((m) => m.drift === level).length;
  const summary =
    compared.length === 0
      ? t('models.psiSummaryNone')
      : t('models.psiSummary', {
          compared: formatNumber(compared.length, 0),
          stable: formatNumber(levels('stable'), 0),
          moderate: formatNumber(levels('moderate'), 0),
          significant: formatNumber(levels('significant'), 0),
          tooFew: formatNumber(levels('too_few'), 0),
        });
  return (
    <ChartFigure
      title={t('models.psiTitle')}
      legend={
        <>
          <LegendItem colour={TONE_COLOURS.good} label={t('models.drift.stable')} />
          <LegendItem colour={TONE_COLOURS.warn} label={t('models.drift.moderate')} />
          <LegendItem colour={TONE_COLOURS.bad} label={t('models.drift.significant')} />
          <LegendItem colour={TONE_COLOURS.warn} label={t('models.watchLine')} dashed />
          <LegendItem colour={TONE_COLOURS.bad} label={t('models.actLine')} dashed />
        </>
      }
      chart={
        <Suspense fallback={<BlockLoading label={t('common.drawing')} />}>
          <HorizontalBarChart
            bars={bars}
            max={max}
            ticks={[0, PSI_WATCH, PSI_ACT, ...(max > 0.4 ? [max] : [])]}
            formatTick={(v) => formatNumber(v, 2)}
            references={[
              { value: PSI_WATCH, label: formatNumber(PSI_WATCH, 2), tone: 'warn' },
              { value: PSI_ACT, label: formatNumber(PSI_ACT, 2), tone: 'bad' },
            ]}
          />
        </Suspense>
      }
      summary={summary}
      table={
        <table className="data-table gov-table">
          <caption className="visually-hidden">{t('models.psiTitle')}</caption>
          <thead>
            <tr>
              <VersionHeader />
              <th scope="col">{t('models.type')}</th>
              <th scope="col">{t('models.firstDay')}</th>
              <th scope="col" className="gov-num">
                {t('models.decisions')}
              </th>
              <th scope="col">{t('models.against')}</th>
              <th scope="col" className="gov-num">
                {t('models.psi')}
              </th>
              <th scope="col">{t('models.reading')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <PsiRow key={`${m.modelId}@${m.modelVersion}`} m={m} />
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function PsiRow({ m }: { m: ModelVersionMetrics }) {
  const { t, formatNumber, formatDay, typeName } = useGovernanceI18n();
  const level = m.drift;
  return (
    <tr>
      <VersionCells m={m} />
      <td>{typeName(m.type)}</td>
      <td className="nowrap">{formatDay(m.firstDay)}</td>
      <td className="gov-num">{formatNumber(m.decisions, 0)}</td>
      <td>{m.psiAgainst ?? '—'}</td>
      <td className="gov-num">{m.psi === null ? '—' : formatNumber(m.psi, 3)}</td>
      <td>
        <span className={`gov-pill gov-pill-${DRIFT_TONE[level]}`}>{t(`models.drift.${level}`)}</span>
      </td>
    </tr>
  );
}
