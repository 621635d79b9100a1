import { z } from 'zod';
import { DecisionType } from './common';
import { FeatureName } from './decision';
import { Interval, MetricsDay, MetricsFormat } from './metrics';
import { Identifier, withOrderedPeriod } from './common';

/** The period and model selection of the metrics, plus the attribute of the error-rate parity. */
export const LabelsQuery = withOrderedPeriod(
  z.strictObject({
    from: MetricsDay.optional(),
    to: MetricsDay.optional(),
    type: DecisionType.optional(),
    modelId: Identifier.optional(),
    modelVersion: Identifier.optional(),
    format: MetricsFormat.optional(),
    /** One of the monitored attributes; the first of them when left out. */
    attribute: FeatureName.optional(),
  }),
);
export type LabelsQuery = z.infer<typeof LabelsQuery>;

const Rate = z.number().nullable();
const NullableInterval = Interval.nullable();

/** Resolved and overridden cases of one origin: member objections and proactive samples apart. */
export const OverridesByOrigin = z.object({
  origin: z.string(),
  resolved: z.number(),
  overridden: z.number(),
  overrideRate: Rate,
});

/** A model version's fraud flags as its reviews judged them. */
export const ReviewedFlags = z.object({
  /** Resolved cases on checks the model flagged. */
  reviewed: z.number(),
  /** Of them, the flag kept by the review. */
  upheld: z.number(),
  /** upheld ÷ reviewed: precision as reviewed; with its Wilson 95% interval. */
  precision: Rate,
  precisionCi: NullableInterval,
  /** Flags the review cleared. */
  falsePositives: z.number(),
  /** Reviewed checks that end up not flagged (cleared flags and confirmed clear checks). */
  negatives: z.number(),
  /** falsePositives ÷ negatives, among reviewed checks; with its Wilson 95% interval. */
  falsePositiveRate: Rate,
  falsePositiveRateCi: NullableInterval,
});

export const ReviewedLabelsVersion = z.object({
  type: DecisionType,
  modelId: z.string(),
  modelVersion: z.string(),
  resolved: z.number(),
  overridden: z.number(),
  byOrigin: z.array(OverridesByOrigin),
  /** Overrides proposed and sent back by the second person (four-eyes). */
  rejectedProposals: z.number(),
  /** Fraud checks only; null for other types. */
  flags: ReviewedFlags.nullable(),
});
export type ReviewedLabelsVersion = z.infer<typeof ReviewedLabelsVersion>;

/** Error-rate parity: the false-positive rate among reviewed checks, per group of a monitored attribute. */
export const ErrorRateGroup = z.object({
  group: z.string(),
  negatives: z.number(),
  falsePositives: z.number(),
  falsePositiveRate: Rate,
  ci: NullableInterval,
  /** Groups with fewer reviewed negatives than the minimum group are too few to judge. */
  tooFew: z.boolean(),
});

export const ErrorRateParity = z.object({
  modelId: z.string(),
  groups: z.array(ErrorRateGroup),
});

export const LabelsReport = z.object({
  attribute: z.string(),
  minGroup: z.number(),
  items: z.array(ReviewedLabelsVersion),
  /** Per fraud model, by group of the attribute. */
  errorRateParity: z.array(ErrorRateParity),
});
export type LabelsReport = z.infer<typeof LabelsReport>;
