import type { Decision } from '../schemas/decision';

type Outcomes = Pick<Decision, 'type' | 'output' | 'effectiveOutcome'> & { overridden: boolean };

const FRAUD_SEVERITY = { none: 0, hold_payment: 1, refer_investigation: 2 } as const;
const RISK_ORDER = { low: 0, medium: 1, high: 2, very_high: 3 } as const;

/**
 * Whether a person changed this decision in the member's favour: a lower premium, a claim
 * flagged less (or not at all), a lower risk band or score than the model's. The portal then says
 * what changed and by whom, and offers no objection to it.
 */
export function changedInMembersFavour(d: Outcomes): boolean {
  if (!d.overridden) return false;
  if (d.type === 'renewal_price') {
    const [before, after] = [d.output as { newPremiumCents: number }, d.effectiveOutcome as { newPremiumCents: number }];
    return after.newPremiumCents < before.newPremiumCents;
  }
  if (d.type === 'fraud_flag') {
    type Flag = { flagged: boolean; action: keyof typeof FRAUD_SEVERITY };
    const [before, after] = [d.output as Flag, d.effectiveOutcome as Flag];
    return (before.flagged && !after.flagged) || FRAUD_SEVERITY[after.action] < FRAUD_SEVERITY[before.action];
  }
  type Risk = { score: number; band: keyof typeof RISK_ORDER };
  const [before, after] = [d.output as Risk, d.effectiveOutcome as Risk];
  return RISK_ORDER[after.band] < RISK_ORDER[before.band] || (after.band === before.band && after.score < before.score);
}

/**
 * The one rule of whether a member may contest a decision (server: 409 decision_already_in_favour;
 * portal: no "contest this decision"): not once a person has changed it in their favour, since
 * there is nothing left to object to. Any other decision may be contested.
 */
export const contestable = (d: Outcomes): boolean => !changedInMembersFavour(d);
