import { z } from 'zod';
import { CaseOrigin, Resolution } from './case';
import { DecisionType, Instant, MemberId } from './common';
import { MonitorAlert } from './monitors';
import { FraudFlagOutput, RenewalPriceOutput, RiskScoreOutput } from './decision';

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
   * A monitor's threshold was crossed (once per crossing): figures about a model, never about a
   * member or a decision. Not in any decision's order; `alertId` is stable across retries.
   */
  'monitor.alert': MonitorAlert.omit({ id: true, resolvedAt: true, resolvedValue: true }).extend({ alertId: z.string() }),
} as const satisfies Record<WebhookEventType, z.ZodType>;

/** The envelope Standard Webhooks recommends. */
export const webhookPayload = <T extends WebhookEventType>(type: T) => z.object({ type: z.literal(type), timestamp: Instant, data: WEBHOOK_EVENT_DATA[type] });

export type WebhookEventData<T extends WebhookEventType> = z.infer<(typeof WEBHOOK_EVENT_DATA)[T]>;
