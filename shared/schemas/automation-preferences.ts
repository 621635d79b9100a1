import { z } from 'zod';
import { DecisionType, Instant } from './common';

/**
 * A member's standing choices about the decisions made about them (issue 18): a standing request
 * that future decisions of a type involve a person (GDPR Art. 21, 22(3)), and the withdrawal of
 * consent for decisions made on `legalBasis: consent` (Art. 7(3)). Each takes effect at once: the
 * request is answered the moment it is made, so it never waits out the one-month deadline.
 */

/** One flag per decision type; the member's answer always names all three. */
export const HumanReviewFlags = z.object({ renewal_price: z.boolean(), fraud_flag: z.boolean(), risk_score: z.boolean() });
export type HumanReviewFlags = z.infer<typeof HumanReviewFlags>;

/** PUT body: the types named are set, the others stay as they are; unknown types and non-booleans are refused. */
export const AutomationPreferencesUpdate = z.strictObject({
  humanReview: z
    .strictObject({ renewal_price: z.boolean().optional(), fraud_flag: z.boolean().optional(), risk_score: z.boolean().optional() })
    .refine((h) => Object.keys(h).length > 0, 'name at least one decision type'),
});
export type AutomationPreferencesUpdate = z.infer<typeof AutomationPreferencesUpdate>;

/** A reviewer registers a request received by phone or post, with when it was received (it applies from then). */
export const RegisteredAutomationPreferences = z.strictObject({
  humanReview: AutomationPreferencesUpdate.shape.humanReview,
  receivedAt: Instant,
  channel: z.enum(['phone', 'post']),
});
export type RegisteredAutomationPreferences = z.infer<typeof RegisteredAutomationPreferences>;

export const PreferenceChangeKind = z.enum(['human_review_requested', 'human_review_taken_back', 'consent_withdrawn']);
export type PreferenceChangeKind = z.infer<typeof PreferenceChangeKind>;

/** One line of the history: what was asked or taken back, for which type, and when. */
export const PreferenceChange = z.object({
  change: PreferenceChangeKind,
  type: DecisionType,
  at: z.string(),
  channel: z.enum(['portal', 'phone', 'post']),
});
export type PreferenceChange = z.infer<typeof PreferenceChange>;

/** What the member reads: the flags, since when each applies, the withdrawals and the history. */
export const AutomationPreferences = z.object({
  humanReview: HumanReviewFlags,
  /** Per type: when the standing request in force was made (absent: none in force). */
  humanReviewSince: z.partialRecord(DecisionType, z.string()),
  /** Per type: when consent was withdrawn (absent: not withdrawn). */
  consentWithdrawn: z.partialRecord(DecisionType, z.string()),
  /** Types of the member's decisions made on consent: what a withdrawal can be about. */
  consentBasedTypes: z.array(DecisionType),
  history: z.array(PreferenceChange),
});
export type AutomationPreferences = z.infer<typeof AutomationPreferences>;

/** What the scoring service reads before deciding (with its ingest key): flags only, the same for an unknown member. */
export const ScoringPreferences = z.object({
  humanReview: HumanReviewFlags,
  /** Per type: consent was withdrawn, so no decision of that type may rest on consent. */
  consentWithdrawn: HumanReviewFlags,
});
export type ScoringPreferences = z.infer<typeof ScoringPreferences>;

export const ConsentWithdrawalBody = z.strictObject({
  types: z
    .array(DecisionType)
    .min(1, 'name at least one decision type')
    .max(DecisionType.options.length)
    .refine((t) => new Set(t).size === t.length, 'name each type once'),
});
export type ConsentWithdrawalBody = z.infer<typeof ConsentWithdrawalBody>;

/** Why a mandatory review case was opened at ingest. */
export const HumanReviewReason = z.enum(['standing_request', 'consent_withdrawn']);
export type HumanReviewReason = z.infer<typeof HumanReviewReason>;
