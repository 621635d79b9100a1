import { lazy, Suspense, useId } from 'react';
import type { FairnessGroup, FairnessReport, FairnessSection as Comparison } from '@shared/schemas/metrics';
import { fairnessCsvUrl, useFairness } from '../api/get-fairness';
import type { MetricsFilter } from '../api/metrics-filter';
import { useGovernanceI18n, type GovernanceI18n } from '../i18n';
import { ChartFigure, LegendItem } from './chart-figure';
import type { IntervalBar } from './fairness-interval-chart';
import { BASIS_COLOURS } from './chart-colours';
import { BlockEmpty, BlockLoading, QueryBlock, Section } from './section';

const FairnessIntervalChart = lazy(() => import('./fairness-interval-chart'));

/** The attributes with a label in the catalogue; any other configured attribute shows its own name. */
const LABELLED_ATTRIBUTES = ['age_band', 'region'] as const;

export function attributeLabel(t: GovernanceI18n['t'], attribute: string) {
  return (LABELLED_ATTRIBUTES as readonly string[]).includes(attribute) ? t(`fairness.attr.${attribute as (typeof LABELLED_ATTRIBUTES)[number]}`) : attribute;
}

/**
 * Per decision type and model, each group of a monitored attribute against a reference group: the
 * favourable rate with its 95% interval, the ratio and a test of the difference, on the model's
 * output and on the final outcome side by side (overrides can repair a disparity or create one).
 * Small groups are "too few to judge", never flagged.
 */
export function FairnessSection({
  filter,
  attribute,
  pooled,
  onChange,
}: {
  filter: MetricsFilter;
  attribute: string | undefined;
  pooled: boolean;
  onChange(changes: { attribute?: string; pooled?: boolean }): void;
}) {
  const { t } = useGovernanceI18n();
  const model = useFairness(filter, attribute, 'model', pooled);
  const final = useFairness(filter, attribute, 'final', pooled);
  const selectId = useId();
  const pooledId = useId();
  const attributes = model.data?.attributes ?? (attribute ? [attribute] : []);
  const shown = model.data?.attribute ?? attribute;
  return (
    <Section
      title={t('fairness.title')}
      intro={t('fairness.intro')}
      csvHref={fairnessCsvUrl(filter, attribute, 'model', pooled)}
      actions={
        <>
          <div className="gov-inline-field">
            <label htmlFor={selectId}>{t('fairness.attribute')}</label>
            <select id={selectId} value={shown ?? ''} onChange={(event) => onChange({ attribute: event.target.value })}>
              {attributes.map((a) => (
                <option key={a} value={a}>
                  {attributeLabel(t, a)}
                </option>
              ))}
            </select>
          </div>
          <div className="gov-inline-field">
            <input id={pooledId} type="checkbox" checked={pooled} onChange={(event) => onChange({ pooled: event.target.checked })} />
            <label htmlFor={pooledId}>{t('fairness.pooledToggle')}</label>
          </div>
        </>
      }
    >
      <QueryBlock query={model}>
        {(report) =>
          report.sections.length === 0 ? (
            <BlockEmpty>{t('fairness.empty')}</BlockEmpty>
          ) : final.data ? (
            <Comparisons model={report} final={final.data} />
          ) : (
            <BlockLoading />
          )
        }
      </QueryBlock>
    </Section>
  );
}

const keyOf = (s: Comparison) => `${s.type ?? ''}/${s.modelId ?? ''}`;

function Comparisons({ model, final }: { model: FairnessReport; final: FairnessReport }) {
  const { t, formatNumber } = useGovernanceI18n();
  const finals = new Map(final.sections.map((s) => [keyOf(s), s]));
  return (
    <>
      {model.sections.map((section) => (
        <ComparisonFigure key={keyOf(section)} report={model} section={section} final={finals.get(keyOf(section)) ?? null} />
      ))}
      <p className="gov-note">
        {t('fairness.rules', { threshold: formatNumber(model.threshold, 2), alpha: formatNumber(model.alpha, 2), min: formatNumber(model.minGroup, 0) })}
      </p>
    </>
  );
}

function ComparisonFigure({ report, section, final }: { report: FairnessReport; section: Comparison; final: Comparison | null }) {
  const { t, typeName, formatNumber, formatPercent, formatList } = useGovernanceI18n();
  const attribute = attributeLabel(t, report.attribute);
  const finalByGroup = new Map(final?.groups.map((g) => [g.group, g]) ?? []);
  const title = section.type ? t('fairness.sectionTitle', { type: typeName(section.type), model: section.modelId ?? '' }) : t('fairness.pooledTitle');
  const threshold = formatNumber(report.threshold, 2);
  const flaggedModel = section.groups.filter((g) => g.status === 'flagged').map((g) => g.group);
  const flaggedFinal = (final?.groups ?? []).filter((g) => g.status === 'flagged').map((g) => g.group);
  const reference = section.groups.find((g) => g.status === 'reference');
  const bars: IntervalBar[] = section.groups.map((g) => {
    const f = finalByGroup.get(g.group);
    return {
      group: g.group,
      note: g.status === 'too_few' ? t('fairness.tooFewNote', { n: formatNumber(g.n, 0) }) : t('fairness.nNote', { n: formatNumber(g.n, 0) }),
      pale: g.status === 'too_few',
      model: g.rate,
      modelCi: g.ci,
      final: f?.rate ?? null,
      finalCi: f?.ci ?? null,
    };
  });
  const summary = [
    flaggedModel.length ? t('fairness.flaggedOn.model', { groups: formatList(flaggedModel), threshold }) : t('fairness.noneFlaggedOn.model', { threshold }),
    flaggedFinal.length ? t('fairness.flaggedOn.final', { groups: formatList(flaggedFinal), threshold }) : t('fairness.noneFlaggedOn.final', { threshold }),
    section.reference
      ? t(section.referenceChosen === 'configured' ? 'fairness.referenceConfigured' : 'fairness.referenceMostFavoured', { group: section.reference })
      : t('fairness.noReference', { min: formatNumber(report.minGroup, 0) }),
  ].join(' ');
  return (
    <ChartFigure
      title={title}
      label={t('fairness.caption', { attribute })}
      legend={
        <>
          <LegendItem colour={BASIS_COLOURS.model} label={t('fairness.basis.model')} />
          <LegendItem colour={BASIS_COLOURS.final} label={t('fairness.basis.final')} />
        </>
      }
      summary={
        <span className={flaggedModel.length || flaggedFinal.length ? 'gov-callout-text-bad' : undefined} role="status">
          {summary}
        </span>
      }
      chart={
        <Suspense fallback={<BlockLoading label={t('common.drawing')} />}>
          <FairnessIntervalChart
            bars={bars}
            formatTick={(v) => formatPercent(v)}
            threshold={reference?.rate ? { value: reference.rate * report.threshold, label: t('fairness.thresholdLine', { threshold }) } : null}
          />
        </Suspense>
      }
      table={<ComparisonTable attribute={attribute} section={section} finalByGroup={finalByGroup} threshold={report.threshold} />}
    />
  );
}

function ComparisonTable({
  attribute,
  section,
  finalByGroup,
  threshold,
}: {
  attribute: string;
  section: Comparison;
  finalByGroup: Map<string, FairnessGroup>;
  threshold: number;
}) {
  const { t } = useGovernanceI18n();
  return (
    <table className="data-table gov-table">
      <caption className="visually-hidden">{t('fairness.caption', { attribute })}</caption>
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            {attribute}
          </th>
          <th scope="col" rowSpan={2} className="gov-num">
            {t('fairness.n')}
          </th>
          <th scope="colgroup" colSpan={3}>
            {t('fairness.basis.model')}
          </th>
          <th scope="colgroup" colSpan={3}>
            {t('fairness.basis.final')}
          </th>
          <th scope="col" rowSpan={2} className="gov-num">
            {section.type === 'renewal_price' ? t('fairness.meanPremiumChange') : t('fairness.overrideRate')}
          </th>
        </tr>
        <tr>
          {['model', 'final'].map((basis) => (
            <BasisHeaders key={basis} />
          ))}
        </tr>
      </thead>
      <tbody>
        {section.groups.map((g) => (
          <GroupRow key={g.group} g={g} final={finalByGroup.get(g.group) ?? null} threshold={threshold} renewal={section.type === 'renewal_price'} />
        ))}
      </tbody>
    </table>
  );
}

function BasisHeaders() {
  const { t } = useGovernanceI18n();
  return (
    <>
      <th scope="col" className="gov-num">
        {t('fairness.rateWithInterval')}
      </th>
      <th scope="col" className="gov-num">
        {t('fairness.ratioAndP')}
      </th>
      <th scope="col">{t('fairness.status')}</th>
    </>
  );
}

function GroupRow({ g, final, threshold, renewal }: { g: FairnessGroup; final: FairnessGroup | null; threshold: number; renewal: boolean }) {
  const { formatNumber, formatRate, formatPercent } = useGovernanceI18n();
  const flagged = g.status === 'flagged' || final?.status === 'flagged';
  return (
    <tr className={flagged ? 'gov-row-flagged' : undefined}>
      <th scope="row">{g.group}</th>
      <td className="gov-num">{formatNumber(g.n, 0)}</td>
      <BasisCells g={g} threshold={threshold} />
      {final ? <BasisCells g={final} threshold={threshold} /> : <td colSpan={3}>—</td>}
      <td className="gov-num">{renewal ? (g.meanPremiumChange === null ? '—' : formatPercent(g.meanPremiumChange, true)) : formatRate(g.overrideRate)}</td>
    </tr>
  );
}

function BasisCells({ g, threshold }: { g: FairnessGroup; threshold: number }) {
  const { t, formatNumber, formatRate } = useGovernanceI18n();
  const p = g.pValue === null ? null : g.pValue < 0.001 ? '< 0.001' : formatNumber(g.pValue, 3);
  return (
    <>
      <td className="gov-num">
        {formatRate(g.rate)}
        {g.ci ? <span className="gov-interval"> {t('fairness.interval', { low: formatRate(g.ci[0] ?? null), high: formatRate(g.ci[1] ?? null) })}</span> : null}
      </td>
      <td className="gov-num">
        {g.ratio === null ? '—' : formatNumber(g.ratio, 2)}
        {p ? <span className="gov-interval"> {t('fairness.p', { p })}</span> : null}
      </td>
      <td>
        <StatusPill status={g.status} threshold={threshold} />
      </td>
    </>
  );
}

function StatusPill({ status, threshold }: { status: FairnessGroup['status']; threshold: number }) {
  const { t, formatNumber } = useGovernanceI18n();
  if (status === 'flagged') return <span className="gov-pill gov-pill-bad">{t('fairness.flagged', { threshold: formatNumber(threshold, 2) })}</span>;
  if (status === 'reference') return <span className="gov-pill">{t('fairness.status.reference')}</span>;
  if (status === 'too_few') return <span className="gov-pill gov-pill-muted">{t('fairness.status.tooFew')}</span>;
  return <span className="gov-pill gov-pill-good">{t('fairness.ok')}</span>;
}
