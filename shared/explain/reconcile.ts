import type { NewDecision } from '../schemas/decision';

/**
 * How far the model's base value plus its contributions may lie from the output they explain:
 * 1% of the output, and never less than one unit of what a member reads (a cent; a tenth of a
 * score point, scores being shown out of 100 with one decimal), so that rounding each
 * contribution is not a finding while a sum that is plainly off is.
 */
export const RECONCILE_TOLERANCE = { relative: 0.01, minimumCents: 1, minimumScore: 0.001 } as const;

export interface Reconciliation {
  /** True when the figures add up within the tolerance (or there are no contributions to add up). */
  ok: boolean;
  /** The base value the check used: `rationale.baseline`, or its default for the type. */
  baseline: number | null;
  /** Base value plus contributions. */
  explained: number;
  /** The output value the contributions explain: the new premium in cents, or the score. */
  value: number;
  tolerance: number;
}

/**
 * Whether a decision's contributions add up to its output, the rule both the ingest finding
 * `explanation_inconsistent` and the member's explanation rest on. Contributions are in the
 * output's unit; `rationale.baseline` is the model's base value in that unit, so that
 * baseline + Σ contributions ≈ the output:
 * - renewal_price: ≈ newPremiumCents. Without a baseline the contributions explain the change,
 *   so the baseline is previousPremiumCents (what the member's explanation says they do).
 * - fraud_flag, risk_score: ≈ score. Without a baseline the base value is unknown, but it is a
 *   score itself: what the contributions leave unexplained (score − Σ) must lie on the scale
 *   0..1, so contributions that overshoot the score, or fall short of it by more than the whole
 *   scale, cannot add up.
 * A decision without contributions shows no amounts, so it has nothing that could contradict.
 */
export function reconcileContributions(decision: NewDecision): Reconciliation {
  const { contributions, baseline } = decision.rationale;
  const sum = contributions.reduce((total, c) => total + c.contribution, 0);
  const within = (difference: number, tolerance: number) => Math.abs(difference) <= tolerance; // NaN is never within
  if (decision.type === 'renewal_price') {
    const value = decision.output.newPremiumCents;
    const base = baseline ?? decision.output.previousPremiumCents;
    const tolerance = Math.max(RECONCILE_TOLERANCE.relative * Math.abs(value), RECONCILE_TOLERANCE.minimumCents);
    const explained = base + sum;
    return { ok: contributions.length === 0 || within(explained - value, tolerance), baseline: base, explained, value, tolerance };
  }
  const value = decision.output.score;
  const tolerance = Math.max(RECONCILE_TOLERANCE.relative * Math.abs(value), RECONCILE_TOLERANCE.minimumScore);
  if (baseline !== undefined) {
    const explained = baseline + sum;
    return { ok: contributions.length === 0 || within(explained - value, tolerance), baseline, explained, value, tolerance };
  }
  const implied = value - sum;
  const onScale = implied >= -tolerance && implied <= 1 + tolerance;
  return { ok: contributions.length === 0 || onScale, baseline: null, explained: sum, value, tolerance };
}
