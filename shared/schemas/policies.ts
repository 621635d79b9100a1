import { z } from 'zod';
import { DecisionType } from './common';

/** The rules in force, with safe defaults (server/policies); every staff member can read them. */
export const Policies = z.object({
  ingest: z.object({
    /** Inputs that may not be used per decision type. Test-Achats (C-236/09): no sex in pricing. */
    prohibitedInputs: z.record(DecisionType, z.array(z.string())),
    /** decidedAt before this instant is refused (400): a clock or date-format bug of the sender. */
    decidedAtFloor: z.string(),
  }),
  fourEyes: z.object({
    /** Decision types whose overrides need a second person with the approver role. */
    types: z.array(DecisionType),
    /**
     * Overrides smaller than this need no second person (renewal: cents of premium change;
     * fraud: any change of the flag always counts; risk: score points). 0 = every override.
     */
    minimumChange: z.object({ renewal_price: z.number(), risk_score: z.number() }),
  }),
  overrides: z.object({
    /**
     * How far a reviewer's override may move an outcome, so a slip of the keyboard (a premium of
     * €9,007,199,254,740.99) is refused: a new premium stays within this fraction of the previous
     * premium either way (0.5 = ±50 %); a new risk score within this many score points (0..1)
     * of the model's score. Fraud flags have no amount to bound.
     */
    maxPremiumChange: z.number(),
    maxRiskScoreChange: z.number(),
  }),
  retention: z.object({
    /**
     * Days after which the personal data of a closed decision of each type is erased (the
     * RETENTION_DAYS_* settings; read-only here, changed in the configuration).
     */
    days: z.record(DecisionType, z.number().int()),
  }),
  sampling: z.object({
    /** Share of decisions opened as `sample` cases for proactive oversight (AI Act Art. 14). */
    rate: z.number(),
    /** Every fraud flag whose score is this close to its threshold is sampled too. */
    nearThreshold: z.number(),
    /** A sample case's service level in calendar days: internal work, not the member's legal month. */
    reviewDays: z.number(),
  }),
});
export type Policies = z.infer<typeof Policies>;
