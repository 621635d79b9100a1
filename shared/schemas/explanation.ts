import { z } from 'zod';
import { Lang } from './model';

/** Which way a factor pushed the outcome: a higher premium or score is `raised`. */
export const FactorImpact = z.enum(['raised', 'lowered', 'none']);
export type FactorImpact = z.infer<typeof FactorImpact>;

export const ExplanationFactor = z.object({
  /** The feature key, for linking and tests; the member reads `label` and `text`. */
  feature: z.string(),
  label: z.string(),
  impact: FactorImpact,
  text: z.string(),
});
export type ExplanationFactor = z.infer<typeof ExplanationFactor>;

export const RightKind = z.enum(['object', 'human_review', 'complain', 'access']);
export type RightKind = z.infer<typeof RightKind>;

export const CoverageGapKind = z.enum(['model', 'feature_label', 'value_label', 'reason_code']);
export type CoverageGapKind = z.infer<typeof CoverageGapKind>;

/** A text the registry lacks, so the explanation fell back to a raw name (reported, never hidden). */
export const CoverageGap = z.object({ kind: CoverageGapKind, key: z.string() });
export type CoverageGap = z.infer<typeof CoverageGap>;

/** GDPR Art. 15(1)(h) and AI Act Art. 86: the main elements of one decision, in plain words. */
export const Explanation = z.object({
  lang: Lang,
  headline: z.string(),
  factors: z.array(ExplanationFactor),
  /** The model's reasons for this decision, in words from the registry. */
  reasons: z.array(z.string()),
  whatCouldChange: z.array(z.string()),
  /** When and how the decision was made: date, what the model does, the score scale. */
  details: z.array(z.string()),
  rights: z.array(z.object({ right: RightKind, text: z.string() })),
  /**
   * Set when the model's amounts do not add up to its result (finding explanation_inconsistent):
   * the sentence saying so. The factors then carry no amounts, and no chart of them is drawn.
   */
  figuresNotice: z.string().nullable(),
  /** True while the fraud indicators are withheld (a fraud flag with an open case). */
  restricted: z.boolean(),
  coverageGaps: z.array(CoverageGap),
});
export type Explanation = z.infer<typeof Explanation>;
