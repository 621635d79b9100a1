import { z } from 'zod';
import { DecisionType, Identifier, withOrderedPeriod } from './common';
import { MetricsDay } from './metrics';

/**
 * Drift of one model: its scores and inputs in a period against a fixed baseline (a chosen
 * version and period) and against the version before it, week by week, and per input feature.
 */
export const DriftQuery = withOrderedPeriod(
  z.strictObject({
    type: DecisionType,
    modelId: Identifier,
    /** The version examined; every version of the model in the period when left out. */
    modelVersion: Identifier.optional(),
    /** The period examined, inclusive, by the UTC day of `decidedAt`. */
    from: MetricsDay.optional(),
    to: MetricsDay.optional(),
    /** The baseline: this version (every version when left out) … */
    baselineVersion: Identifier.optional(),
    /** … in this period (all its days when left out). */
    baselineFrom: MetricsDay.optional(),
    baselineTo: MetricsDay.optional(),
  }),
).refine((q) => !q.baselineFrom || !q.baselineTo || q.baselineFrom <= q.baselineTo, { message: 'must not be before baselineFrom', path: ['baselineTo'] });
export type DriftQuery = z.infer<typeof DriftQuery>;

/**
 * baseline: nothing to compare with; too_few: a side below the minimum sample; stable: below the
 * moderate threshold or within chance; moderate and significant: at or above their threshold and
 * beyond chance (p below 0.01).
 */
export const DriftLevelSchema = z.enum(['baseline', 'too_few', 'stable', 'moderate', 'significant']);

export const DriftFigure = z.object({
  /** Population stability index of this side against the one compared with; null when either has no decisions. */
  psi: z.number().nullable(),
  /** The chance of a PSI this large with no drift (see x-metric-definitions, drift); null when PSI is. */
  pValue: z.number().nullable(),
  level: DriftLevelSchema,
  /** Decisions on the side compared with, and on this side. */
  expected: z.number(),
  actual: z.number(),
});
export type DriftFigure = z.infer<typeof DriftFigure>;

export const DriftWeek = DriftFigure.extend({
  /** ISO 8601 week, e.g. 2026-W46 (Monday to Sunday, UTC days). */
  week: z.string(),
  /** Its first and last day within the period. */
  from: z.string(),
  to: z.string(),
});
export type DriftWeek = z.infer<typeof DriftWeek>;

export const FeatureBin = z.object({
  /** Numeric: the bin's lower edge (included; null: unbounded) and upper edge (excluded; null: unbounded). */
  from: z.number().nullable(),
  to: z.number().nullable(),
  /** Categorical: the category, or "(other)" for the rest. */
  category: z.string().nullable(),
  baseline: z.number(),
  current: z.number(),
});

export const FeatureDrift = DriftFigure.extend({
  feature: z.string(),
  kind: z.enum(['numeric', 'categorical']),
  bins: z.array(FeatureBin),
});
export type FeatureDrift = z.infer<typeof FeatureDrift>;

export const DriftReport = z.object({
  type: DecisionType,
  modelId: z.string(),
  modelVersion: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  decisions: z.number(),
  baseline: z.object({ modelVersion: z.string().nullable(), from: z.string().nullable(), to: z.string().nullable(), decisions: z.number() }),
  /** The rule: thresholds, the minimum sample per side (DRIFT_MIN_SAMPLE) and the confidence. */
  rule: z.object({ moderate: z.number(), major: z.number(), minSample: z.number(), alpha: z.number() }),
  /** The score histogram (relative premium change for renewals) against the baseline. */
  vsBaseline: DriftFigure,
  /** Against the version before modelVersion (all its decisions); null without modelVersion or a previous version. */
  vsPrevious: DriftFigure.extend({ against: z.string() }).nullable(),
  weekly: z.array(DriftWeek),
  features: z.array(FeatureDrift),
});
export type DriftReport = z.infer<typeof DriftReport>;
