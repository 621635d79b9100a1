import { lazy, Suspense, useId, useState } from 'react';
import type { DriftFigure, DriftReport, FeatureDrift } from '@shared/schemas/drift';
import type { ModelVersionMetrics } from '@shared/schemas/metrics';
import { useDrift, type DriftSelection } from '../api/get-drift';
import { useModelMetrics } from '../api/get-model-metrics';
import type { MetricsFilter } from '../api/metrics-filter';
import { useGovernanceI18n } from '../i18n';
import { ChartFigure, LegendItem } from './chart-figure';
import { TONE_COLOURS, type Tone } from './chart-colours';
import type { DriftPoint } from './drift-time-chart';
import { Stat } from './overview-section';
import { BlockEmpty, BlockLoading, QueryBlock, ScrollTable, Section } from './section';

const DriftTimeChart = lazy(() => import('./drift-time-chart'));

type Level = DriftFigure['level'];
export const DRIFT_TONE: Record<Level, Tone> = { baseline: 'neutral', too_few: 'neutral', stable: 'good', moderate: 'warn', significant: 'bad' };
const judged = (level: Level) => level !== 'baseline' && level !== 'too_few';

interface ModelChoice {
  key: string;
  type: ModelVersionMetrics['type'];
  modelId: string;
  /** In the order they went live (the models endpoint's order). */
  versions: string[];
}

function modelChoices(items: ModelVersionMetrics[]): ModelChoice[] {
  const out = new Map<string, ModelChoice>();
  for (const m of items) {
    const key = `${m.type}\u0000${m.modelId}`;
    const choice = out.get(key) ?? { key, type: m.type, modelId: m.modelId, versions: [] };
    choice.versions.push(m.modelVersion);
    out.set(key, choice);
  }
  return [...out.values()];
}

/**
 * One model's drift against a baseline the reader chooses (by default its first version in the
 * period) and against the version before the one examined (by default its latest): week by week
 * as a line with the thresholds marked, and per input feature. "Significant" follows the rule the
 * API publishes: enough decisions on both sides, and more than chance.
 */
export function DriftSection({ filter }: { filter: MetricsFilter }) {
  const { t } = useGovernanceI18n();
  const models = useModelMetrics(filter);
  const choices = modelChoices(models.data?.items ?? []);
  const [picked, setPicked] = useState<{ model?: string; baseline?: string; examined?: string }>({});
  const model = choices.find((c) => c.key === picked.model) ?? choices.find((c) => c.versions.length > 1) ?? choices[0];
  const baseline = model && picked.baseline && model.versions.includes(picked.baseline) ? picked.baseline : model?.versions[0];
  const examined = model && picked.examined && model.versions.includes(picked.examined) ? picked.examined : model?.versions[model.versions.length - 1];
  const selection: DriftSelection | null = model ? { type: model.type, modelId: model.modelId, modelVersion: examined, baselineVersion: baseline } : null;
  const drift = useDrift(filter, selection);
  const modelId = useId();
  const baselineId = useId();
  const examinedId = useId();
  return (
    <Section
      title={t('drift.title')}
      intro={t('drift.intro')}
      actions={
        model ? (
          <>
            <div className="gov-inline-field">
              <label htmlFor={modelId}>{t('drift.model')}</label>
              <select id={modelId} value={model.key} onChange={(event) => setPicked({ model: event.target.value })}>
                {choices.map((c) => (
                  <option key={c.key} value={c.key}>
                    {c.modelId}
                  </option>
                ))}
              </select>
            </div>
            <VersionSelect
              id={baselineId}
              label={t('drift.baselineVersion')}
              versions={model.versions}
              value={baseline}
              onChange={(v) => setPicked({ ...picked, model: model.key, baseline: v })}
            />
            <VersionSelect
              id={examinedId}
              label={t('drift.examinedVersion')}
              versions={model.versions}
              value={examined}
              onChange={(v) => setPicked({ ...picked, model: model.key, examined: v })}
            />
          </>
        ) : null
      }
    >
      <QueryBlock query={models}>
        {() =>
          !selection ? (
            <BlockEmpty>{t('drift.empty')}</BlockEmpty>
          ) : (
            <QueryBlock query={drift}>
              {(report) => (report.decisions === 0 ? <BlockEmpty>{t('drift.empty')}</BlockEmpty> : <DriftBody report={report} />)}
            </QueryBlock>
          )
        }
      </QueryBlock>
    </Section>
  );
}

function VersionSelect({
  id,
  label,
  versions,
  value,
  onChange,
}: {
  id: string;
  label: string;
  versions: string[];
  value: string | undefined;
  onChange(v: string): void;
}) {
  return (
    <div className="gov-inline-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
        {versions.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </div>
  );
}

function DriftBody({ report }: { report: DriftReport }) {
  const { t, formatNumber } = useGovernanceI18n();
  const { rule } = report;
  return (
    <>
      <dl className="gov-stats">
        <FigureStat label={t('drift.vsBaseline', { version: report.baseline.modelVersion ?? report.modelId })} figure={report.vsBaseline} />
        {report.vsPrevious ? (
          <FigureStat label={t('drift.vsPrevious', { version: report.vsPrevious.against })} figure={report.vsPrevious} />
        ) : (
          <Stat label={t('drift.vsPrevious', { version: '—' })} value="—" detail={t('drift.noPrevious')} />
        )}
      </dl>
      <p className="gov-note">
        {t('drift.rule', {
          minSample: formatNumber(rule.minSample, 0),
          moderate: formatNumber(rule.moderate, 2),
          major: formatNumber(rule.major, 2),
          odds: formatNumber(Math.round(1 / rule.alpha), 0),
          alpha: formatNumber(rule.alpha, 2),
        })}
      </p>
      <WeeklyFigure report={report} />
      <FeatureTable report={report} />
    </>
  );
}

function FigureStat({ label, figure }: { label: string; figure: DriftFigure }) {
  const { t, formatNumber } = useGovernanceI18n();
  return (
    <Stat
      label={label}
      value={`${figure.psi === null ? '—' : formatNumber(figure.psi, 3)} · ${t(`models.drift.${figure.level}`)}`}
      detail={t('drift.figureValue', {
        psi: figure.psi === null ? '—' : formatNumber(figure.psi, 3),
        p: pText(figure.pValue, formatNumber),
        expected: formatNumber(figure.expected, 0),
        actual: formatNumber(figure.actual, 0),
      })}
      tone={figure.level === 'significant' ? 'bad' : undefined}
    />
  );
}

const pText = (p: number | null, formatNumber: (n: number, digits: number) => string) => (p === null ? '—' : p < 0.001 ? '< 0.001' : formatNumber(p, 3));

function LevelPill({ level }: { level: Level }) {
  const { t } = useGovernanceI18n();
  return <span className={`gov-pill gov-pill-${DRIFT_TONE[level]}`}>{t(`models.drift.${level}`)}</span>;
}

function WeeklyFigure({ report }: { report: DriftReport }) {
  const { t, formatNumber, formatDayShort, formatDay } = useGovernanceI18n();
  const { rule, weekly } = report;
  const points: DriftPoint[] = weekly.map((w) => ({ key: w.week, label: formatDayShort(w.from), psi: judged(w.level) ? w.psi : null }));
  const judgedWeeks = weekly.filter((w) => judged(w.level));
  const highest = judgedWeeks.reduce<(typeof weekly)[number] | null>((a, b) => (a === null || (b.psi ?? 0) > (a.psi ?? 0) ? b : a), null);
  const summary = highest
    ? t('drift.weeklySummary', {
        weeks: formatNumber(weekly.length, 0),
        judged: formatNumber(judgedWeeks.length, 0),
        moderate: formatNumber(weekly.filter((w) => w.level === 'moderate').length, 0),
        significant: formatNumber(weekly.filter((w) => w.level === 'significant').length, 0),
        max: formatNumber(highest.psi ?? 0, 3),
        week: highest.week,
      })
    : t('drift.weeklySummaryNone', { minSample: formatNumber(rule.minSample, 0) });
  return (
    <ChartFigure
      title={t('drift.weeklyTitle')}
      legend={
        <>
          <LegendItem colour={TONE_COLOURS.primary} label={t('drift.psi')} />
          <LegendItem colour={TONE_COLOURS.warn} label={t('models.watchLine')} dashed />
          <LegendItem colour={TONE_COLOURS.bad} label={t('models.actLine')} dashed />
        </>
      }
      chart={
        <Suspense fallback={<BlockLoading label={t('common.drawing')} />}>
          <DriftTimeChart
            points={points}
            formatTick={(v) => formatNumber(v, 2)}
            thresholds={[
              { value: rule.moderate, label: formatNumber(rule.moderate, 2), tone: 'warn' },
              { value: rule.major, label: formatNumber(rule.major, 2), tone: 'bad' },
            ]}
          />
        </Suspense>
      }
      summary={`${summary} ${t('drift.pointNote')}`}
      table={
        <table className="data-table gov-table">
          <caption className="visually-hidden">{t('drift.weeklyTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('drift.week')}</th>
              <th scope="col" className="gov-num">
                {t('drift.decisions')}
              </th>
              <th scope="col" className="gov-num">
                {t('drift.psi')}
              </th>
              <th scope="col" className="gov-num">
                {t('drift.p')}
              </th>
              <th scope="col">{t('drift.reading')}</th>
            </tr>
          </thead>
          <tbody>
            {weekly.map((w) => (
              <tr key={w.week}>
                <th scope="row" className="nowrap">
                  {w.week} ({formatDay(w.from)})
                </th>
                <td className="gov-num">{formatNumber(w.actual, 0)}</td>
                <td className="gov-num">{w.psi === null ? '—' : formatNumber(w.psi, 3)}</td>
                <td className="gov-num">{pText(w.pValue, formatNumber)}</td>
                <td>
                  <LevelPill level={w.level} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function FeatureTable({ report }: { report: DriftReport }) {
  const { t, formatNumber } = useGovernanceI18n();
  const { features } = report;
  const count = (level: Level) => features.filter((f) => f.level === level).length;
  return (
    <>
      <h3 className="gov-subtitle">{t('drift.featuresTitle')}</h3>
      {features.length === 0 ? (
        <BlockEmpty>{t('drift.featuresNone')}</BlockEmpty>
      ) : (
        <>
          <p className="gov-note">
            {t('drift.featuresSummary', {
              count: formatNumber(features.length, 0),
              moderate: formatNumber(count('moderate'), 0),
              significant: formatNumber(count('significant'), 0),
            })}
          </p>
          <ScrollTable label={t('drift.featuresTitle')}>
            <table className="data-table gov-table">
              <caption className="visually-hidden">{t('drift.featuresTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('drift.feature')}</th>
                  <th scope="col">{t('drift.kind')}</th>
                  <th scope="col" className="gov-num">
                    {t('drift.baselineDecisions')}
                  </th>
                  <th scope="col" className="gov-num">
                    {t('drift.currentDecisions')}
                  </th>
                  <th scope="col" className="gov-num">
                    {t('drift.psi')}
                  </th>
                  <th scope="col" className="gov-num">
                    {t('drift.p')}
                  </th>
                  <th scope="col">{t('drift.reading')}</th>
                </tr>
              </thead>
              <tbody>
                {features.map((f: FeatureDrift) => (
                  <tr key={`${f.feature}:${f.kind}`}>
                    <th scope="row">{f.feature}</th>
                    <td>{t(`drift.kind.${f.kind}`)}</td>
                    <td className="gov-num">{formatNumber(f.expected, 0)}</td>
                    <td className="gov-num">{formatNumber(f.actual, 0)}</td>
                    <td className="gov-num">{f.psi === null ? '—' : formatNumber(f.psi, 3)}</td>
                    <td className="gov-num">{pText(f.pValue, formatNumber)}</td>
                    <td>
                      <LevelPill level={f.level} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </>
      )}
    </>
  );
}
