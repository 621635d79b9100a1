import { useMemo } from 'react';
import type { Decision } from '@shared/schemas/decision';
import type { ModelEntry } from '@shared/schemas/model';
import type { ModelVersionMetrics } from '@shared/schemas/metrics';
import { describeValue, featureLabel, reasonText, DEFAULT_CURRENCY, type LabelContext } from '@shared/explain/labels';
import { GapLog } from '@shared/explain/gaps';
import { useModel } from '../api/get-model';
import { useModelMetrics } from '../api/get-model-metrics';
import { useI18n, type Lang } from '../i18n';
import { ContributionsFigure, DistributionFigure, type DistributionBin } from './charts';
import { useContributionBars } from './contribution-bars';
import { LoadingState } from './page-states';

/** Labels from the registry in the reader's language, in its staff wording; an unknown model still shows its raw names. */
function labelContext(decision: Decision, model: ModelEntry | null, lang: Lang): LabelContext {
  return {
    model,
    lang,
    currency: decision.type === 'renewal_price' ? decision.output.currency : DEFAULT_CURRENCY,
    gaps: new GapLog(),
    audience: 'staff',
  };
}

/**
 * What a reviewer weighs: the inputs, the model and version, the rationale with its contributions
 * chart, and where the outcome sits among the model's decisions. Staff only (members read the
 * explanation instead). `canReadMetrics`: the reader may see the model's distribution.
 */
export function DecisionEvidence({ decision, canReadMetrics }: { decision: Decision; canReadMetrics: boolean }) {
  const { t, lang } = useI18n();
  const model = useModel(decision.model);
  if (model.isPending) return <LoadingState />;
  // Without a registry entry the evidence is still shown, with raw feature names marked as such.
  const entry = model.data ?? null;
  return <Evidence decision={decision} model={entry} lang={lang} canReadMetrics={canReadMetrics} missingModel={!entry} t={t} />;
}

function Evidence({
  decision,
  model,
  lang,
  canReadMetrics,
  missingModel,
  t,
}: {
  decision: Decision;
  model: ModelEntry | null;
  lang: Lang;
  canReadMetrics: boolean;
  missingModel: boolean;
  t: ReturnType<typeof useI18n>['t'];
}) {
  const ctx = useMemo(() => labelContext(decision, model, lang), [decision, model, lang]);
  const bars = useContributionBars()(decision, (feature) => featureLabel(feature, ctx));
  const inputs = Object.entries(decision.inputs);
  const reasons = decision.rationale.reasonCodes;
  const counterfactuals = decision.rationale.counterfactuals ?? [];

  return (
    <>
      <section className="card" aria-labelledby="evidence-model">
        <h2 id="evidence-model">{t('evidence.modelTitle')}</h2>
        <dl className="details">
          <div>
            <dt>{t('decision.model')}</dt>
            <dd>
              <span className="mono">{decision.model.id}</span> · {t('evidence.version', { version: decision.model.version })}
            </dd>
          </div>
          {model ? (
            <>
              <div>
                <dt>{t('evidence.owner')}</dt>
                <dd>{model.owner}</dd>
              </div>
              <div>
                <dt>{t('evidence.howItWorks')}</dt>
                <dd>{model.staffDescription ? model.staffDescription[lang] : `${model.decides[lang]} ${model.description[lang]}`}</dd>
              </div>
            </>
          ) : null}
          <div>
            <dt>{t('decision.legalBasis')}</dt>
            <dd>{t(`decision.legalBasis.${decision.legalBasis}`)}</dd>
          </div>
          <div>
            <dt>{t('decision.healthData')}</dt>
            <dd>{decision.specialCategoryData ? t('decision.healthData.yes') : t('decision.healthData.no')}</dd>
          </div>
          <div>
            <dt>{t('evidence.hash')}</dt>
            <dd className="mono">{decision.hash.slice(0, 16)}…</dd>
          </div>
        </dl>
        {missingModel ? <p className="notice notice-warning">{t('evidence.modelMissing')}</p> : null}
        {decision.findings.length ? (
          <div className="notice notice-warning">
            <p>
              <strong>{t('evidence.findings')}</strong>
            </p>
            <ul>
              {decision.findings.map((finding, i) => (
                <li key={`${finding.code}-${i}`}>{finding.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <section className="card" aria-labelledby="evidence-rationale">
        <h2 id="evidence-rationale">{t('evidence.rationaleTitle')}</h2>
        {decision.rationale.summary ? <p className="lead">{decision.rationale.summary}</p> : null}
        {reasons.length ? (
          <>
            <h3>{t('evidence.reasonCodes')}</h3>
            <ul className="plain-list">
              {reasons.map((reason) => (
                <li key={reason.code}>
                  <span className="code-chip">{reason.code}</span> {reasonText(reason.code, ctx)}
                  {reason.description ? <span className="muted"> — {reason.description}</span> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h3>{t('evidence.contributions')}</h3>
        {bars.length ? (
          <ContributionsFigure
            bars={bars}
            caption={decision.type === 'renewal_price' ? t('evidence.contributionsCaptionMoney') : t('evidence.contributionsCaptionScore')}
            labelHeader={t('chart.factor')}
            valueHeader={t('chart.effect')}
          />
        ) : (
          <p className="muted">{t('evidence.noContributions')}</p>
        )}
        {counterfactuals.length ? (
          <>
            <h3>{t('evidence.counterfactuals')}</h3>
            <ul className="plain-list">
              {counterfactuals.map((c, i) => (
                <li key={`${c.feature}-${i}`}>
                  {t('evidence.counterfactual', {
                    feature: featureLabel(c.feature, ctx),
                    from: describeValue(c.feature, c.from, ctx).text,
                    to: describeValue(c.feature, c.to, ctx).text,
                    outcome: c.outcome,
                  })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="card" aria-labelledby="evidence-inputs">
        <h2 id="evidence-inputs">{t('evidence.inputsTitle')}</h2>
        {inputs.length ? (
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('evidence.feature')}</th>
                  <th scope="col">{t('evidence.value')}</th>
                </tr>
              </thead>
              <tbody>
                {inputs.map(([feature, value]) => (
                  <tr key={feature}>
                    <th scope="row">
                      {featureLabel(feature, ctx)}
                      <span className="mono muted feature-key">{feature}</span>
                    </th>
                    <td>{describeValue(feature, value, ctx).text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t('evidence.noInputs')}</p>
        )}
      </section>

      <OutcomePosition decision={decision} canReadMetrics={canReadMetrics} />
    </>
  );
}

/** The value a histogram bins this decision by: its score, or a renewal's relative premium change. */
function binnedValue(decision: Decision): number {
  if (decision.type === 'renewal_price') {
    const { previousPremiumCents: before, newPremiumCents: after } = decision.output;
    return before > 0 ? (after - before) / before : 0;
  }
  return decision.output.score;
}

function OutcomePosition({ decision, canReadMetrics }: { decision: Decision; canReadMetrics: boolean }) {
  const { t, formatScorePoints, formatPercent, formatMoney, formatNumber } = useI18n();
  const metrics = useModelMetrics(decision.model, canReadMetrics);
  const version = metrics.data?.items.find((m) => m.modelId === decision.model.id && m.modelVersion === decision.model.version);
  const value = binnedValue(decision);

  let position: string;
  if (decision.type === 'fraud_flag') {
    const { score, threshold, flagged } = decision.output;
    position = t(flagged ? 'evidence.fraudAbove' : 'evidence.fraudBelow', {
      score: formatScorePoints(score),
      threshold: formatScorePoints(threshold),
      gap: formatScorePoints(Math.abs(score - threshold)),
    });
  } else if (decision.type === 'risk_score') {
    position = t('evidence.riskPosition', { score: formatScorePoints(decision.output.score), band: t(`riskBand.${decision.output.band}`) });
  } else {
    const { previousPremiumCents: before, newPremiumCents: after, currency } = decision.output;
    position = t('evidence.renewalPosition', { change: formatPercent(value, true), amount: formatMoney(Math.abs(after - before), currency) });
  }

  return (
    <section className="card" aria-labelledby="evidence-position">
      <h2 id="evidence-position">{t('evidence.positionTitle')}</h2>
      <p>{position}</p>
      {decision.type === 'risk_score' ? <BandScale band={decision.output.band} /> : null}
      {decision.type === 'fraud_flag' ? <ThresholdGauge score={decision.output.score} threshold={decision.output.threshold} /> : null}
      {!canReadMetrics ? (
        <p className="muted small">{t('evidence.distributionUnavailable')}</p>
      ) : metrics.isPending ? (
        <LoadingState />
      ) : metrics.isError || !version ? (
        <p className="muted small">{t('evidence.distributionMissing')}</p>
      ) : (
        <Distribution
          metrics={version}
          value={value}
          formatBin={(from, to) => binLabel(decision, from, to, formatScorePoints, formatNumber)}
          formatTick={(from) => (decision.type === 'renewal_price' ? formatPercent(from, true) : formatScorePoints(from))}
        />
      )}
    </section>
  );
}

function binLabel(decision: Decision, from: number, to: number, points: (n: number) => string, number: (n: number, d?: number) => string) {
  if (decision.type === 'renewal_price') return `${number(from * 100, 0)} % – ${number(to * 100, 0)} %`;
  return `${points(from)}–${points(to)}`;
}

function Distribution({
  metrics,
  value,
  formatBin,
  formatTick,
}: {
  metrics: ModelVersionMetrics;
  value: number;
  formatBin: (from: number, to: number) => string;
  formatTick: (from: number) => string;
}) {
  const { t, formatPercent, formatNumber } = useI18n();
  const all = metrics.histogram.bins;
  // Values outside the range are counted in the outer bins (the rollups clamp them).
  const index = Math.max(
    0,
    Math.min(
      all.length - 1,
      all.findIndex((bin, i) => value < bin.to || i === all.length - 1),
    ),
  );
  const total = all.reduce((sum, bin) => sum + bin.count, 0);
  const below = all.slice(0, index).reduce((sum, bin) => sum + bin.count, 0);
  const bins: DistributionBin[] = all.map((bin, i) => ({
    key: String(i),
    label: formatBin(bin.from, bin.to),
    tick: formatTick(bin.from),
    count: bin.count,
    current: i === index,
  }));
  const current = all[index];
  return (
    <DistributionFigure
      bins={bins}
      caption={t('evidence.distributionCaption', {
        version: metrics.modelVersion,
        total: formatNumber(total, 0),
        range: current ? formatBin(current.from, current.to) : '',
        inBin: formatNumber(current?.count ?? 0, 0),
        below: total ? formatPercent(below / total) : '—',
      })}
      rangeHeader={t('chart.range')}
      countHeader={t('chart.decisions')}
    />
  );
}

function BandScale({ band }: { band: 'low' | 'medium' | 'high' | 'very_high' }) {
  const { t } = useI18n();
  const bands = ['low', 'medium', 'high', 'very_high'] as const;
  return (
    <ol className="band-scale" aria-label={t('evidence.bandScale')}>
      {bands.map((b) => (
        <li key={b} className={b === band ? 'band-current' : undefined} aria-current={b === band ? 'true' : undefined}>
          {t(`riskBand.${b}`)}
        </li>
      ))}
    </ol>
  );
}

/** Score and threshold on one 0–100 line; the numbers are in the sentence above, this is a picture of them. */
function ThresholdGauge({ score, threshold }: { score: number; threshold: number }) {
  return (
    <div className="gauge" aria-hidden="true">
      <div className="gauge-track">
        <div className={`gauge-fill${score >= threshold ? ' gauge-fill-over' : ''}`} style={{ width: `${Math.min(100, score * 100)}%` }} />
        <div className="gauge-threshold" style={{ left: `${Math.min(100, threshold * 100)}%` }} />
      </div>
      <div className="gauge-scale">
        <span>0</span>
        <span>100</span>
      </div>
    </div>
  );
}
