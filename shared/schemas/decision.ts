import { z } from 'zod';
import { DecisionType, Identifier, Instant, Limit, MemberId, Cursor, pageOf, withOrderedPeriod } from './common';

export const MAX_INPUTS = 200;
export const MAX_FUTURE_MS = 5 * 60 * 1000;

/** Feature names are identifiers (they become object keys in both stores, so no `$`, `.` or `__proto__`). */
export const FeatureName = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a feature name starts with a letter and has only letters, digits and _');

export const InputValue = z.union([z.number(), z.string().max(2000), z.boolean(), z.null()]);
export type InputValue = z.infer<typeof InputValue>;

export const Inputs = z.record(FeatureName, InputValue).refine((inputs) => Object.keys(inputs).length <= MAX_INPUTS, `at most ${MAX_INPUTS} inputs`);

/** At most this many monitoring attributes on one decision. */
export const MAX_MONITORING = 20;

/**
 * Attributes the model must not use but fairness monitoring needs (sex, age band, nationality
 * group, postcode area): sent beside the inputs, stored apart from them, never shown to reviewers
 * or in a member's explanation, in the member's export, erased with the member. Monitoring is how
 * one shows that, for example, sex is not a pricing factor (Test-Achats) without pricing on it.
 */
export const MonitoringAttributes = z
  .record(FeatureName, InputValue)
  .refine((attributes) => Object.keys(attributes).length <= MAX_MONITORING, `at most ${MAX_MONITORING} monitoring attributes`);
export type MonitoringAttributes = z.infer<typeof MonitoringAttributes>;

export const Subject = z.strictObject({
  memberId: MemberId,
  policyId: Identifier.optional(),
  claimId: Identifier.optional(),
});
export type Subject = z.infer<typeof Subject>;

export const ModelRef = z.strictObject({ id: Identifier, version: Identifier });
export type ModelRef = z.infer<typeof ModelRef>;

export const LegalBasis = z.enum(['contract', 'law', 'consent']);

const Cents = z.int().min(0);
const Probability = z.number().min(0).max(1);

export const RenewalPriceOutput = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as EUR'),
  previousPremiumCents: Cents,
  newPremiumCents: Cents,
});
export const FraudFlagOutput = z.strictObject({
  claimId: Identifier,
  score: Probability,
  threshold: Probability,
  flagged: z.boolean(),
  action: z.enum(['none', 'hold_payment', 'refer_investigation']),
});
export const RiskBand = z.enum(['low', 'medium', 'high', 'very_high']);
export const RiskScoreOutput = z.strictObject({ score: Probability, band: RiskBand });
export type RenewalPriceOutput = z.infer<typeof RenewalPriceOutput>;
export type FraudFlagOutput = z.infer<typeof FraudFlagOutput>;
export type RiskScoreOutput = z.infer<typeof RiskScoreOutput>;
export type DecisionOutput = RenewalPriceOutput | FraudFlagOutput | RiskScoreOutput;

export const Rationale = z.strictObject({
  reasonCodes: z.array(z.strictObject({ code: Identifier, description: z.string().max(1000).optional() })).max(50),
  contributions: z.array(z.strictObject({ feature: FeatureName, contribution: z.number() })).max(MAX_INPUTS),
  counterfactuals: z
    .array(z.strictObject({ feature: FeatureName, from: InputValue, to: InputValue, outcome: z.string().min(1).max(500) }))
    .max(50)
    .optional(),
  summary: z.string().max(2000).optional(),
  baseline: z
    .number()
    .optional()
    .meta({
      description:
        "The model's base value, in the output's unit, from which the contributions explain the output: baseline + Σ contributions ≈ " +
        'newPremiumCents for renewal_price (default: previousPremiumCents, i.e. the contributions explain the change), ≈ score for ' +
        'fraud_flag and risk_score (no default: without it, score − Σ contributions must lie between 0 and 1). Tolerance: 1% of ' +
        'the output, at least 1 cent or 0.001 score. A decision whose figures do not add up is recorded with the compliance ' +
        'finding explanation_inconsistent, and its member explanation shows the factors without amounts.',
    }),
});
export type Rationale = z.infer<typeof Rationale>;

const commonFields = {
  idempotencyKey: z.string().min(1).max(200),
  subject: Subject,
  model: ModelRef,
  decidedAt: Instant,
  legalBasis: LegalBasis,
  specialCategoryData: z.boolean().default(false),
  inputs: Inputs,
  rationale: Rationale,
  /**
   * Rectification: the id of an earlier decision about the same member, of the same type, that
   * this one replaces (the scoring service's answer to decision.redecision_requested). The old
   * decision's effective outcome follows this one.
   */
  supersedes: z
    .string()
    .regex(/^dec_[0-9a-f]{24}$/, 'not a decision id')
    .nullable()
    .optional(),
};

const RenewalPriceDecision = z.strictObject({ type: z.literal('renewal_price'), ...commonFields, output: RenewalPriceOutput });
const FraudFlagDecision = z.strictObject({ type: z.literal('fraud_flag'), ...commonFields, output: FraudFlagOutput });
const RiskScoreDecision = z.strictObject({ type: z.literal('risk_score'), ...commonFields, output: RiskScoreOutput });

/** Cross-field rules live in the refinement so every error names its path. */
/** What a scoring service sends: a decision as recorded by type, plus the monitoring attributes kept apart. */
const monitoringField = { monitoring: MonitoringAttributes.optional() };
export const NewDecision = z
  .discriminatedUnion('type', [
    RenewalPriceDecision.extend(monitoringField),
    FraudFlagDecision.extend(monitoringField),
    RiskScoreDecision.extend(monitoringField),
  ])
  .superRefine((decision, ctx) => {
    // Found by test/security/fuzz-properties.test.ts: own keys only. `in` also finds
    // what every object inherits, so a contribution for "toString" passed and then broke the
    // member's explanation and export with a 500.
    decision.rationale.contributions.forEach((c, i) => {
      if (!Object.hasOwn(decision.inputs, c.feature)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rationale', 'contributions', i, 'feature'],
          message: `"${c.feature}" is not one of the decision's inputs`,
        });
      }
    });
    decision.rationale.counterfactuals?.forEach((c, i) => {
      if (!Object.hasOwn(decision.inputs, c.feature)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rationale', 'counterfactuals', i, 'feature'],
          message: `"${c.feature}" is not one of the decision's inputs`,
        });
      }
    });
    if (decision.type === 'fraud_flag') {
      const { claimId, score, threshold, flagged, action } = decision.output;
      if (decision.subject.claimId && decision.subject.claimId !== claimId) {
        ctx.addIssue({ code: 'custom', path: ['output', 'claimId'], message: 'must match subject.claimId' });
      }
      // A model's output that contradicts itself cannot be explained to the member (a held claim
      // that "found nothing unusual"). A reviewer may still clear a flag above the threshold: an
      // override has its own schema (FraudOverride) and never passes through this one.
      if (flagged !== score >= threshold) {
        ctx.addIssue({
          code: 'custom',
          path: ['output', 'flagged'],
          message: flagged
            ? `is true while the score ${score} is below the threshold ${threshold}`
            : `is false while the score ${score} reaches the threshold ${threshold}`,
        });
      }
      if (!flagged && action !== 'none') {
        ctx.addIssue({ code: 'custom', path: ['output', 'action'], message: `"${action}" needs a flagged claim; an unflagged claim has action "none"` });
      }
    }
  });
export type NewDecision = z.infer<typeof NewDecision>;
export type NewDecisionInput = z.input<typeof NewDecision>;

/**
 * The earliest decidedAt accepted unless configured otherwise (DECIDED_AT_FLOOR): no automated
 * decision this log serves is older, and a date like the year 160 is a client's bug, not history.
 */
export const DEFAULT_DECIDED_AT_FLOOR = '2000-01-01T00:00:00.000Z';

export function decidedAtBeforeFloor(decidedAt: string, floor: string): boolean {
  return Date.parse(decidedAt) < Date.parse(floor);
}

/** decidedAt may not lie more than five minutes ahead of the server's clock (clock skew allowance). */
export function decidedAtTooFarAhead(decidedAt: string, now: Date): boolean {
  return Date.parse(decidedAt) > now.getTime() + MAX_FUTURE_MS;
}

export const ComplianceFinding = z.object({
  code: z.enum(['prohibited_input', 'special_category_without_consent', 'explanation_inconsistent', 'consent_withdrawn']),
  message: z.string(),
  feature: z.string().optional(),
});
export type ComplianceFinding = z.infer<typeof ComplianceFinding>;

const recordedFields = {
  id: z.string(),
  recordedAt: z.string(),
  hash: z.string(),
  findings: z.array(ComplianceFinding),
  /** True once an approved override replaced the original output as the effective outcome. */
  overridden: z.boolean(),
  /** Set when the member's view withholds the fraud indicators while a case is open. */
  restricted: z.boolean().optional(),
  /** Set once the member's personal data was erased (GDPR Art. 17 or retention). */
  erasedAt: z.string().optional(),
  /** The decision that replaced this one after an accepted correction (absent or null: none). */
  supersededBy: z.string().nullable().optional(),
  /**
   * Art. 18: the newest restriction asked on this decision (from its objection cases), null when
   * never asked; a lifted one stays with `liftedAt`. Shown on the detail views.
   */
  restriction: z.object({ since: z.string(), liftedAt: z.string().optional() }).nullable().optional(),
};

/** A decision as recorded: the original output is never changed; `effectiveOutcome` is what applies now. */
export const Decision = z.discriminatedUnion('type', [
  RenewalPriceDecision.extend({ ...recordedFields, effectiveOutcome: RenewalPriceOutput }),
  FraudFlagDecision.extend({ ...recordedFields, effectiveOutcome: FraudFlagOutput }),
  RiskScoreDecision.extend({ ...recordedFields, effectiveOutcome: RiskScoreOutput }),
]);
export type Decision = z.infer<typeof Decision>;

export const DecisionPage = pageOf(Decision);
export type DecisionPage = z.infer<typeof DecisionPage>;

export const DecisionListQuery = withOrderedPeriod(
  z.strictObject({
    type: DecisionType.optional(),
    memberId: MemberId.optional(),
    modelId: Identifier.optional(),
    modelVersion: Identifier.optional(),
    from: Instant.optional(),
    to: Instant.optional(),
    limit: Limit,
    cursor: Cursor.optional(),
  }),
);
export type DecisionListQuery = z.infer<typeof DecisionListQuery>;

export const MAX_BATCH = 10_000;
/**
 * What the batch endpoint takes: its items are decisions. The route checks each item itself (to
 * name every invalid one by its index, and to count a batch past the limit), so this schema
 * parses only a body whose `decisions` is not an array; it is exact for the OpenAPI document.
 */
export const DecisionBatch = z.strictObject({ decisions: z.array(NewDecision).max(MAX_BATCH) });
export const BatchResult = z.object({ accepted: z.number(), duplicates: z.number(), ids: z.array(z.string()) });
export type BatchResult = z.infer<typeof BatchResult>;

export const DecisionIdParams = z.strictObject({ id: z.string().regex(/^dec_[0-9a-f]{24}$/, 'not a decision id') });
