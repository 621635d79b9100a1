import { ACTIVE_STATUSES } from '@shared/schemas/case';
import { DecisionType } from '@shared/schemas/common';
import { DEFAULT_DRIFT_MIN_SAMPLE, DRIFT_CONFIDENCE, PSI_MAJOR, PSI_MODERATE } from '@shared/metrics/drift';
import { MIN_POOLED_PER_BIN } from './drift-rule';
import { MAX_CATEGORIES, MAX_FILLED_WEEKS } from './drift.service';
import { MANTISSA_STEPS, MAX_BUCKET, MAX_EXPONENT, MIN_EXPONENT } from './feature-buckets';
import { MEMBER_TIME_ZONE } from '@shared/time/calendar';
import { binEdges, SCORE_BINS } from './bins';
import { DEFAULT_FAIRNESS_MIN_GROUP, FAIRNESS_ALPHA, FAIRNESS_THRESHOLD } from './fairness';
import { MIN_EXPECTED_FOR_Z } from './statistics';
import { PSI_EPSILON, QUANTILE_BINS } from './psi';
import {
  FAVOURABLE,
  MAX_CATEGORY_LENGTH,
  MAX_GROUP_LENGTH,
  MAX_RELATIVE_CHANGE,
  MAX_RESOLUTION_DAYS,
  MISSING_GROUP,
  OTHER_CATEGORY,
  PPM,
  ROLLUP_TIME_ZONE,
} from './rollups';

/** How a PSI is judged: thresholds, minimum sample and chance (drift-rule.ts). */
const DRIFT_RULE =
  'Under no drift PSI is approximately χ²(k − 1) · (1/n₁ + 1/n₂), n₁ and n₂ the decisions on each side and k the bins. ' +
  `pValue: the chance of a PSI at least as large under that distribution, computed on the bins after merging neighbours until each holds at least ${MIN_POOLED_PER_BIN} decisions of the two sides together ` +
  '(sparse bins make PSI large by chance alone). ' +
  `A shift is judged only when both sides have at least the minimum sample (DRIFT_MIN_SAMPLE, default ${DEFAULT_DRIFT_MIN_SAMPLE}; else too_few), ` +
  `and counts only when pValue is below ${Number((1 - DRIFT_CONFIDENCE).toFixed(10))}: moderate from PSI ${PSI_MODERATE}, significant (major) from PSI ${PSI_MAJOR}; stable otherwise. ` +
  'The thresholds alone flag two random halves of 100 decisions with no drift most of the time; with this rule under 5% of the time.';

const histogramValue: Record<DecisionType, { unit: 'score' | 'relative_premium_change'; value: string }> = {
  renewal_price: {
    unit: 'relative_premium_change',
    value:
      '(output.newPremiumCents − output.previousPremiumCents) ÷ output.previousPremiumCents, compared with the edges exactly (in whole cents, nothing rounded). ' +
      'A premium from 0 counts as above the range, 0 to 0 as no change (0).',
  },
  fraud_flag: { unit: 'score', value: 'output.score' },
  risk_score: { unit: 'score', value: 'output.score' },
};

/**
 * How every figure of /api/metrics is computed, published in the OpenAPI document
 * (`x-metric-definitions`) so that a governance lead can recompute each one from the decisions
 * and case events of the audit export. The numbers are the constants the code computes with.
 */
export function metricDefinitions() {
  return {
    day: {
      timeZone: ROLLUP_TIME_ZONE,
      definition:
        `Figures are counted per calendar day of the decision's decidedAt in ${ROLLUP_TIME_ZONE}, and so is everything that later happens to that decision ` +
        '(its objections, resolutions and overrides): a rate compares the objections and resolutions with the decisions they are about. ' +
        '`from` and `to` select such days, both inclusive.',
    },
    measuredOn: "The model's original output, as recorded; an override changes the effective outcome but not these counts (the override counters show it).",
    decisions: 'Decisions recorded with decidedAt on a day of the period.',
    contested:
      'Objections filed against those decisions, by the member or registered by a reviewer (also one that takes over a sample case). Sample cases alone are not contests.',
    contestRate: 'contested ÷ decisions; null when decisions is 0.',
    resolved:
      'Cases about those decisions resolved, objection and sample alike: confirmed, or overridden (an override approved by a second person, or one that needed no approval).',
    overridden: 'Resolved cases whose outcome was an override.',
    overrideRate:
      'overridden ÷ resolved; null when resolved is 0. Per reviewer: the person who decided the outcome (the proposer of an approved override, the resolver otherwise); per reason code: each distinct reason code of the decision.',
    resolutionDays: {
      definition: `Whole days from the case's receivedAt to its closedAt, floored; ${MAX_RESOLUTION_DAYS} or more count as ${MAX_RESOLUTION_DAYS}.`,
      percentiles:
        'Nearest rank: the median and the 90th percentile are the smallest number of days whose cumulative count reaches ⌈p · n⌉ (p = 0.5, 0.9). Null without resolved cases.',
    },
    gauges: {
      fields: ['openCases', 'overdueCases'],
      definition:
        'Current counts, independent of the period, model and version (only `type` narrows them): ' +
        `openCases are the cases in status ${ACTIVE_STATUSES.join(', ')} now; overdueCases those of them whose dueAt has passed ` +
        `(dueAt is the end of the due day in ${MEMBER_TIME_ZONE}).`,
    },
    histogram: {
      bins: SCORE_BINS,
      closed: 'left',
      definition:
        'Each bin is [from, to): a value equal to an edge is counted in the bin that edge opens. The last bin is [from, to], closed on both sides. ' +
        'Values below the range are counted in the first bin, values above it in the last.',
      types: Object.fromEntries(DecisionType.options.map((type) => [type, { ...histogramValue[type], bins: binEdges(type) }])) as Record<
        DecisionType,
        { unit: 'score' | 'relative_premium_change'; value: string; bins: { from: number; to: number }[] }
      >,
    },
    psi: {
      formula: 'PSI = Σᵢ (aᵢ − eᵢ) · ln(aᵢ ÷ eᵢ) over the histogram bins, e the shares of the version compared against (psiAgainst), a those of this version.',
      smoothing: "Each share is count ÷ total + epsilon, then divided by the sum of the side's smoothed shares, so that an empty bin gives a finite PSI.",
      epsilon: PSI_EPSILON,
      thresholds: { moderate: PSI_MODERATE, major: PSI_MAJOR },
      reading: `Below ${PSI_MODERATE}: stable; from ${PSI_MODERATE} to below ${PSI_MAJOR}: a moderate shift; ${PSI_MAJOR} or more: a major shift.`,
      comparedWith:
        "The predecessor the model registry names for the version; without one, the version of the same model and type that went live before it in the selection: ordered by the day of their first decision, then that decision's instant, then natural version order (numeric parts as numbers: '9' before '10', '1.2' before '1.10'). " +
        'PSI is null for the first version, and when the version compared with has no decisions in the selection.',
      significance: DRIFT_RULE,
    },
    drift: {
      baseline:
        'A fixed baseline: the decisions of baselineVersion (every version of the model when left out) on the days baselineFrom … baselineTo (all days when left out). ' +
        "vsPrevious: against all decisions of the version before modelVersion (the registry's predecessor, or else the version whose first decision came before).",
      weekly: `The score histogram of each ISO 8601 week (Monday to Sunday, UTC days of decidedAt) of the period against the baseline's; weeks without decisions are listed too, up to ${MAX_FILLED_WEEKS} weeks.`,
      numericFeatures:
        `A numeric input is counted per decision in a fixed log-scale bucket: sign × power of two (2^${MIN_EXPONENT} … 2^${MAX_EXPONENT}) × ${MANTISSA_STEPS} equal mantissa steps, ${2 * MAX_BUCKET + 1} buckets; |x| below 2^${MIN_EXPONENT} shares bucket 0. ` +
        `The bins are the baseline's ${QUANTILE_BINS}-quantiles taken at bucket boundaries (inverted CDF: a bin closes with the bucket where the baseline's cumulative share first reaches j/${QUANTILE_BINS}; ` +
        'a quantile in its highest bucket opens a bin above it, empty in the baseline); both sides are counted on those bins.',
      categoricalFeatures: `A text or boolean input by its value (texts longer than ${MAX_CATEGORY_LENGTH} characters as "${OTHER_CATEGORY}", empty as "${MISSING_GROUP}"); the ${MAX_CATEGORIES} categories largest in the baseline (then in the period) are compared one by one, the rest together as "${OTHER_CATEGORY}". Null inputs are not counted.`,
      significance: DRIFT_RULE,
      minSample: `DRIFT_MIN_SAMPLE, by default ${DEFAULT_DRIFT_MIN_SAMPLE}: each report states the one it used.`,
      levels: `baseline (nothing to compare with); too_few (a side below the minimum sample: never flagged); stable; moderate; significant (a major shift).`,
    },
    fairness: {
      groups: `Per monitored attribute (MONITORING_ATTRIBUTES), the decision's monitoring attribute of that name, else its input of that name, as text (at most ${MAX_GROUP_LENGTH} characters); without it, or once erased, the group "${MISSING_GROUP}".`,
      favourable: FAVOURABLE,
      sections:
        'One comparison per decision type and model of the selection (pooled into one only with pooled=true: pooled figures mix fraud flags with renewals).',
      basis:
        "model: favourable on the model's output as recorded. final: on the effective outcome after approved overrides (an override that made an outcome favourable adds one, the other way takes one off).",
      rate: "n: the group's decisions; rate: those with a favourable outcome (per type, as above) ÷ n; ci: the Wilson score interval at 95% (z = 1.959964).",
      reference:
        'The group configured in FAIRNESS_REFERENCE_GROUPS for the attribute when it has at least the minimum group size; otherwise the group with the highest rate among those with at least the minimum (ties: the larger group). Never "(missing)", never a group under the minimum.',
      ratio: "rate ÷ the reference group's rate; null for groups too small to judge.",
      test: `Two-sided test of the group's rate against the reference's: the two-proportion z-test with the pooled standard error, or Fisher's exact test when an expected cell count of the 2×2 table is below ${MIN_EXPECTED_FOR_Z}.`,
      threshold: FAIRNESS_THRESHOLD,
      alpha: FAIRNESS_ALPHA,
      minGroup: `FAIRNESS_MIN_GROUP, by default ${DEFAULT_FAIRNESS_MIN_GROUP}: each report states the one it used.`,
      status: `reference; too_few (n below the minimum: never flagged); flagged (ratio below ${FAIRNESS_THRESHOLD} AND p below ${FAIRNESS_ALPHA}, so a low rate that chance explains is not flagged); ok otherwise.`,
      flagRate: "The group's flagged fraud checks ÷ its fraud checks; null without any.",
      meanPremiumChange:
        "The mean of its renewals' relative premium changes (new − previous) ÷ previous, " +
        `each capped at ${MAX_RELATIVE_CHANGE} (a premium from 0 counts as ${MAX_RELATIVE_CHANGE}, 0 to 0 as 0) and rounded to millionths (1/${PPM}) before summing; null without renewals.`,
      overrideRate: "The group's overridden ÷ resolved cases; null without resolved cases.",
    },
    findings: 'Compliance findings recorded with the decisions at ingest, per code, type, model and version.',
    coverage:
      'A gap: a model version missing from the registry, or a feature it used without a label or a reason code without a text in en, nl and fr. ' +
      "fullyExplainedShare = 1 − Σ over model versions of min(the version's decisions, the decisions the version's largest gap touches) ÷ decisions: " +
      'an upper bound on the share of decisions whose features and reason codes all have texts. Null without decisions.',
  };
}

const bullets = (lines: string[]) => lines.map((line) => `- ${line}`).join('\n');

/** The definitions each metrics endpoint's figures rest on, as Markdown for its OpenAPI description. */
export function metricDescriptions(d: MetricDefinitions = metricDefinitions()) {
  const footer = 'All definitions, with their numbers, are in `x-metric-definitions` at the top of this document.';
  const period = `Day: ${d.day.definition}`;
  const edges = (type: DecisionType) => {
    const { unit, value, bins } = d.histogram.types[type];
    return `${type} (${unit} = ${value}) edges: ${[...bins.map((b) => b.from), bins[bins.length - 1]!.to].join(', ')}`;
  };
  return {
    overview: bullets([
      period,
      d.measuredOn,
      `decisions: ${d.decisions}`,
      `contested: ${d.contested}`,
      `contestRate: ${d.contestRate}`,
      `resolved: ${d.resolved}`,
      `overridden: ${d.overridden}`,
      `overrideRate: ${d.overrideRate}`,
      `medianResolutionDays, p90ResolutionDays: ${d.resolutionDays.definition} ${d.resolutionDays.percentiles}`,
      `Period-independent gauges (${d.gauges.fields.join(', ')}): ${d.gauges.definition}`,
      footer,
    ]),
    models: bullets([
      period,
      d.measuredOn,
      `contestRate: ${d.contestRate} overrideRate: ${d.overrideRate}`,
      `Histogram: ${d.histogram.bins} bins. ${d.histogram.definition}`,
      ...DecisionType.options.map(edges),
      `PSI: ${d.psi.formula} ${d.psi.smoothing} epsilon = ${d.psi.epsilon}. ${d.psi.reading}`,
      `psiAgainst: ${d.psi.comparedWith}`,
      `drift, psiPValue: ${d.psi.significance}`,
      footer,
    ]),
    drift: bullets([
      period,
      d.measuredOn,
      `Baseline: ${d.drift.baseline}`,
      `PSI: ${d.psi.formula} ${d.psi.smoothing} epsilon = ${d.psi.epsilon}.`,
      `Weekly: ${d.drift.weekly}`,
      `Numeric inputs: ${d.drift.numericFeatures}`,
      `Categorical inputs: ${d.drift.categoricalFeatures}`,
      `When drift is significant: ${d.drift.significance} Minimum sample: ${d.drift.minSample}`,
      `level: ${d.drift.levels}`,
      footer,
    ]),
    fairness: bullets([
      period,
      d.measuredOn,
      `Groups: ${d.fairness.groups}`,
      ...DecisionType.options.map((type) => `Favourable for ${type}: ${d.fairness.favourable[type]}`),
      `Sections: ${d.fairness.sections}`,
      `Basis: ${d.fairness.basis}`,
      `n, rate, ci: ${d.fairness.rate}`,
      `Reference: ${d.fairness.reference}`,
      `ratio: ${d.fairness.ratio} pValue: ${d.fairness.test}`,
      `status: ${d.fairness.status} Minimum group: ${d.fairness.minGroup}`,
      `flagRate: ${d.fairness.flagRate}`,
      `meanPremiumChange: ${d.fairness.meanPremiumChange}`,
      `overrideRate: ${d.fairness.overrideRate}`,
      footer,
    ]),
    overrides: bullets([period, `overrideRate: ${d.overrideRate}`, footer]),
    findings: bullets([period, d.findings, footer]),
    coverage: bullets([period, d.coverage, footer]),
  };
}

export type MetricDefinitions = ReturnType<typeof metricDefinitions>;
