import { z } from 'zod';
import { DecisionType, Identifier, withOrderedPeriod } from './common';
import { FeatureName } from './decision';

/** A calendar day in UTC, the grain of the rollups (the day of a decision's `decidedAt`). */
export const MetricsDay = z.iso.date({ error: 'not a calendar date (YYYY-MM-DD)' });

/** `?format=csv` or `Accept: text/csv` asks for CSV; JSON otherwise. */
export const MetricsFormat = z.enum(['json', 'csv']);

const selection = {
  /** Inclusive, by the UTC day of `decidedAt`. */
  from: MetricsDay.optional(),
  to: MetricsDay.optional(),
  type: DecisionType.optional(),
  modelId: Identifier.optional(),
  modelVersion: Identifier.optional(),
  format: MetricsFormat.optional(),
};

export const MetricsQuery = withOrderedPeriod(z.strictObject(selection));
export type MetricsQuery = z.infer<typeof MetricsQuery>;

/** Favourable rates on the model's output, or on the effective outcome after overrides. */
export const FairnessBasis = z.enum(['model', 'final']);
export type FairnessBasis = z.infer<typeof FairnessBasis>;

export const FairnessQuery = withOrderedPeriod(
  z.strictObject({
    ...selection,
    /** One of the monitored attributes (MONITORING_ATTRIBUTES); the first of them when left out. */
    attribute: FeatureName.optional(),
    basis: FairnessBasis.default('model'),
    /**
     * `true` pools every type and model of the selection into one comparison. Off by default:
     * pooled figures mix fraud flags with renewals, which no one can defend.
     */
    pooled: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
  }),
);
export type FairnessQuery = z.infer<typeof FairnessQuery>;

/**
 * A 95% interval, [low, high]. An array of two numbers, not a tuple: the tuple's JSON Schema
 * (`items` as a list) is not valid in OpenAPI 3.1 (found by Schemathesis).
 */
export const Interval = z.array(z.number()).length(2);

/** A share; null when its denominator is zero (nothing to divide, not a rate of 0). */
const Rate = z.number().nullable();

export const OverviewDay = z.object({
  day: z.string(),
  decisions: z.number(),
  contested: z.number(),
  resolved: z.number(),
  overridden: z.number(),
});
export type OverviewDay = z.infer<typeof OverviewDay>;

export const MetricsOverview = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  decisions: z.number(),
  /** Objection cases filed against decisions of the period (sample cases are not contests). */
  contested: z.number(),
  contestRate: Rate,
  /** Cases resolved (confirmed or overridden), objection and sample alike. */
  resolved: z.number(),
  overridden: z.number(),
  overrideRate: Rate,
  /** Current counts, per type; the period and model do not apply to them. */
  openCases: z.number().meta({ description: 'Period-independent gauge: active cases now (only `type` narrows it).' }),
  overdueCases: z.number().meta({ description: 'Period-independent gauge: active cases now whose dueAt has passed (only `type` narrows it).' }),
  /** Art. 18 restrictions asked on decisions of the period. */
  restrictions: z.number(),
  openRestrictions: z.number().meta({ description: 'Period-independent gauge: Art. 18 restrictions in force now (only `type` narrows it).' }),
  /** Whole days from receipt to resolution, nearest-rank percentiles. */
  medianResolutionDays: z.number().nullable(),
  p90ResolutionDays: z.number().nullable(),
  byDay: z.array(OverviewDay),
});
export type MetricsOverview = z.infer<typeof MetricsOverview>;

export const HistogramBin = z.object({
  from: z.number().meta({ description: 'Lower edge, included.' }),
  to: z.number().meta({ description: 'Upper edge, excluded; included in the last bin.' }),
  count: z.number(),
});
export const ScoreHistogram = z.object({
  /** Renewals are binned by relative premium change, clamped to the outer bins. */
  unit: z.enum(['score', 'relative_premium_change']),
  bins: z.array(HistogramBin),
});
export type ScoreHistogram = z.infer<typeof ScoreHistogram>;

export const ModelVersionMetrics = z.object({
  modelId: z.string(),
  modelVersion: z.string(),
  type: DecisionType,
  firstDay: z.string(),
  decisions: z.number(),
  contested: z.number(),
  contestRate: Rate,
  resolved: z.number(),
  overridden: z.number(),
  overrideRate: Rate,
  histogram: ScoreHistogram,
  /** Population stability index against `psiAgainst`; null for a model's first version, or when that version has no decisions in the selection. */
  psi: z.number().nullable(),
  /**
   * The version compared against: the predecessor the model registry names, or else the version
   * of the same model that went live before this one in the period (by the day of its first
   * decision, then that decision's instant, then natural version order: '9' before '10').
   */
  psiAgainst: z.string().nullable(),
  /** The chance of a PSI this large without drift (x-metric-definitions, drift); null when PSI is. */
  psiPValue: z.number().nullable(),
  /** How PSI reads once sample size and chance are taken into account (x-metric-definitions, drift). */
  drift: z.enum(['baseline', 'too_few', 'stable', 'moderate', 'significant']),
});
export type ModelVersionMetrics = z.infer<typeof ModelVersionMetrics>;

export const ModelMetricsList = z.object({ items: z.array(ModelVersionMetrics) });
export type ModelMetricsList = z.infer<typeof ModelMetricsList>;

/**
 * Where a group stands: the reference the others are compared with; ok; flagged (its ratio to the
 * reference is below the threshold and the difference is significant); or too few decisions to judge.
 */
export const FairnessStatus = z.enum(['reference', 'ok', 'flagged', 'too_few']);
export type FairnessStatus = z.infer<typeof FairnessStatus>;

export const FairnessGroup = z.object({
  group: z.string(),
  /** Decisions of this group in the section. */
  n: z.number(),
  /** Of them, with a favourable outcome on the report's basis. */
  favourable: z.number(),
  /** favourable ÷ n; null without decisions. */
  rate: Rate,
  /** Wilson 95% interval of the rate; null without decisions. */
  ci: Interval.nullable(),
  /** rate ÷ the reference group's rate; null for a group too small to judge, or without a reference. */
  ratio: z.number().nullable(),
  /** Two-sided p-value of the difference from the reference (z-test, or Fisher's exact test for small counts). */
  pValue: z.number().nullable(),
  test: z.enum(['z', 'fisher']).nullable(),
  status: FairnessStatus,
  /** Of this group's fraud checks, flagged by the model; null without any. */
  flagRate: Rate,
  /** Mean relative premium change of this group's renewals (the model's); null without any. */
  meanPremiumChange: z.number().nullable(),
  /** Overridden ÷ resolved cases of this group; null without resolved cases. */
  overrideRate: Rate,
});
export type FairnessGroup = z.infer<typeof FairnessGroup>;

/** One comparison: one decision type and model (or everything pooled, on request). */
export const FairnessSection = z.object({
  /** Null only when pooled. */
  type: DecisionType.nullable(),
  modelId: z.string().nullable(),
  /** The group the others are compared with; null when no group has enough decisions. */
  reference: z.string().nullable(),
  /** How the reference was chosen: configured (FAIRNESS_REFERENCE_GROUPS) or the most favoured group with enough decisions. */
  referenceChosen: z.enum(['configured', 'most_favoured']).nullable(),
  groups: z.array(FairnessGroup),
});
export type FairnessSection = z.infer<typeof FairnessSection>;

export const FairnessReport = z.object({
  attribute: z.string(),
  /** The attributes that can be asked for (MONITORING_ATTRIBUTES). */
  attributes: z.array(z.string()),
  basis: FairnessBasis,
  pooled: z.boolean(),
  /** A ratio below this is flagged when significant (the four-fifths rule). */
  threshold: z.number(),
  /** The significance level of the test. */
  alpha: z.number(),
  /** Groups with fewer decisions are "too few to judge" (FAIRNESS_MIN_GROUP). */
  minGroup: z.number(),
  /** What counts as a favourable outcome, per decision type. */
  favourable: z.record(DecisionType, z.string()),
  /** One per decision type and model of the selection (one in all when pooled), by type, then model. */
  sections: z.array(FairnessSection),
  /** The groups when the answer has exactly one section (a type and model asked for, or pooled); null otherwise. */
  groups: z.array(FairnessGroup).nullable(),
});
export type FairnessReport = z.infer<typeof FairnessReport>;

export const OverrideByReason = z.object({ code: z.string(), resolved: z.number(), overridden: z.number(), overrideRate: Rate });
export const OverrideByReviewer = z.object({
  /** Who decided the outcome: the proposer of an approved override, the resolver otherwise. */
  reviewerId: z.string(),
  username: z.string().nullable(),
  resolved: z.number(),
  overridden: z.number(),
  overrideRate: Rate,
  /** Overrides this person approved as the second pair of eyes. */
  approved: z.number(),
});
export const OverrideReport = z.object({
  resolved: z.number(),
  overridden: z.number(),
  overrideRate: Rate,
  byReasonCode: z.array(OverrideByReason),
  byReviewer: z.array(OverrideByReviewer),
});
export type OverrideReport = z.infer<typeof OverrideReport>;

export const FindingCount = z.object({
  code: z.string(),
  type: DecisionType,
  modelId: z.string(),
  modelVersion: z.string(),
  count: z.number(),
});
const PerType = z.object({ renewal_price: z.number(), fraud_flag: z.number(), risk_score: z.number() });
export const FindingsReport = z.object({
  decisions: z.number(),
  total: z.number(),
  items: z.array(FindingCount),
  /**
   * Issue 18: per type, members with a standing request for a person in force now and members who
   * withdrew consent; and the mandatory review cases these opened at ingest in the period.
   */
  memberRequests: z.object({ humanReview: PerType, consentWithdrawn: PerType, humanReviewCases: PerType }),
});
export type FindingsReport = z.infer<typeof FindingsReport>;

/** Explanation coverage: how much of what the models use has member-facing texts in every language. */
export const CoverageGapRow = z.object({
  modelId: z.string(),
  modelVersion: z.string(),
  kind: z.enum(['model', 'feature_label', 'reason_code']),
  key: z.string(),
  /** Decisions in the period that used it. */
  decisions: z.number(),
});
export const CoverageReport = z.object({
  decisions: z.number(),
  /** Share of decisions whose features and reason codes all have texts in en, nl and fr. */
  fullyExplainedShare: z.number().nullable(),
  models: z.array(z.object({ modelId: z.string(), modelVersion: z.string(), decisions: z.number(), registered: z.boolean(), gaps: z.number() })),
  gaps: z.array(CoverageGapRow),
});
export type CoverageReport = z.infer<typeof CoverageReport>;

/** GET /api/metrics/deliveries: how well what leaves Recourse (webhooks, mail) reaches its destinations. */
export const DeliveryFigures = z.object({
  pending: z.int().min(0),
  delivered: z.int().min(0),
  /** Dead letters: an admin replays them. */
  dead: z.int().min(0),
  /** Delivered among finished deliveries; null when none finished. */
  successRate: z.number().min(0).max(1).nullable(),
  oldestPendingAt: z.string().nullable(),
  /** How long the oldest waiting delivery has waited, in seconds; 0 when none waits. */
  oldestPendingAgeSeconds: z.number().min(0),
});
export type DeliveryFigures = z.infer<typeof DeliveryFigures>;

/**
 * GET /api/metrics/corrections: rectification per input feature, per decision type and model (all
 * versions of the period together). Accepted corrections are a data-quality signal for the source
 * that fed the feature.
 */
export const CorrectionCount = z.object({
  type: DecisionType,
  modelId: z.string(),
  feature: z.string(),
  claimed: z.int().min(0),
  accepted: z.int().min(0),
  rejected: z.int().min(0),
  /** Accepted among decided; null when none was decided. */
  acceptedRate: Rate,
});
export const CorrectionsReport = z.object({
  claimed: z.int().min(0),
  accepted: z.int().min(0),
  rejected: z.int().min(0),
  /** Most accepted first. */
  items: z.array(CorrectionCount),
});
export type CorrectionsReport = z.infer<typeof CorrectionsReport>;
