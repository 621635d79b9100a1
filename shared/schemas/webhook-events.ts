import { z } from 'zod';
import { CaseOrigin, Resolution } from './case';
import { DecisionType, Instant, MemberId } from './common';
import { MonitorAlert } from './monitors';
import { FeatureName, FraudFlagOutput, InputValue, ModelRef, RenewalPriceOutput, RiskScoreOutput } from './decision';

/**
 * The events the insurer's systems hear by webhook (Standard Webhooks: `{ type, timestamp, data }`).
 * Each carries ids and what its consumer needs to act, nothing more: billing the premium in force,
 * claims whether a payment is held, downstream systems that a member must be erased. Never a
 * model's inputs, reasons or fraud indicators.
 */

/** What a consumer acts on, per decision type: the premium, the hold on a claim (no score, no threshold), the band. */
export const ActionableOutcome = z.union([
  RenewalPriceOutput.pick({ currency: true, previousPremiumCents: true, newPremiumCents: true }),
  FraudFlagOutput.pick({ claimId: true, flagged: true, action: true }),
  RiskScoreOutput.pick({ score: true, band: true }),
]);
export type ActionableOutcome = z.infer<typeof ActionableOutcome>;

/** Whom and what an event is about: the decision, its case, and the member and policy it concerns. */
const About = {
  decisionId: z.string(),
  /** The decision's own order: a consumer applies a lower sequence number first. */
  sequence: z.int().min(0),
  memberId: MemberId.nullable(),
  policyId: z.string().nullable(),
};

const CaseRef = { ...About, caseId: z.string(), decisionType: DecisionType };

export const WEBHOOK_EVENT_TYPES = [
  'decision.outcome_changed',
  'case.opened',
  'case.extended',
  'case.resolved',
  'case.withdrawn',
  'member.erased',
  'decision.redecision_requested',
  'decision.restricted',
  'decision.restriction_lifted',
  'member.consent_withdrawn',
  'monitor.alert',
] as const;
export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

/** Per event type, the schema of its `data`. */
export const WEBHOOK_EVENT_DATA = {
  /** A review changed what applies: bill the new premium, release or hold the claim. */
  'decision.outcome_changed': z.object({
    ...CaseRef,
    original: ActionableOutcome,
    effective: ActionableOutcome,
  }),
  'case.opened': z.object({ ...CaseRef, origin: CaseOrigin, dueAt: Instant }),
  /** GDPR Art. 12(3): the deadline moved once, by one or two months. */
  'case.extended': z.object({ ...CaseRef, dueAt: Instant, months: z.int().min(1).max(2) }),
  'case.resolved': z.object({ ...CaseRef, resolution: Resolution }),
  'case.withdrawn': z.object({ ...CaseRef }),
  /** GDPR Art. 17(2): the member's data was erased here; erase it downstream too. */
  'member.erased': z.object({ memberId: MemberId }),
  /**
   * GDPR Art. 16: a reviewer accepted a correction of the decision's inputs; the scoring service
   * decides again on `inputs` (all the decision's inputs with every accepted correction applied)
   * and ingests the new decision with `supersedes: decisionId`. The one event that carries inputs,
   * because deciding again is what it asks for; null once the member was erased before delivery.
   */
  'decision.redecision_requested': z.object({
    ...CaseRef,
    model: ModelRef,
    claimId: z.string().nullable(),
    /** The features corrected so far (accepted), in the order the member listed them. */
    correctedFeatures: z.array(FeatureName),
    inputs: z.record(z.string(), InputValue).nullable(),
  }),
  /**
   * GDPR Art. 18(1)(a): the member contests this renewal price; do not apply `held` (bill the
   * previous premium) until `decision.restriction_lifted`.
   */
  'decision.restricted': z.object({ ...CaseRef, since: Instant, held: ActionableOutcome }),
  /** The case was resolved or withdrawn: apply `effective`, the outcome in force now (after any override). */
  'decision.restriction_lifted': z.object({ ...CaseRef, liftedAt: Instant, effective: ActionableOutcome }),
  /** GDPR Art. 7(3): the member withdrew consent for decisions of these types; decide no more of them on consent. */
  'member.consent_withdrawn': z.object({ memberId: MemberId.nullable(), types: z.array(DecisionType).min(1), withdrawnAt: Instant }),
  /**
   * A monitor's threshold was crossed (once per crossing): figures about a model, never about a
   * member or a decision. Not in any decision's order; `alertId` is stable across retries.
   */
  'monitor.alert': MonitorAlert.omit({ id: true, resolvedAt: true, resolvedValue: true }).extend({ alertId: z.string() }),
} as const satisfies Record<WebhookEventType, z.ZodType>;

/** The envelope Standard Webhooks recommends. */
export const webhookPayload = <T extends WebhookEventType>(type: T) => z.object({ type: z.literal(type), timestamp: Instant, data: WEBHOOK_EVENT_DATA[type] });

export type WebhookEventData<T extends WebhookEventType> = z.infer<(typeof WEBHOOK_EVENT_DATA)[T]>;
