import type { OverrideRange } from '@shared/schemas/case';
import type { RenewalPriceOutput, RiskScoreOutput } from '@shared/schemas/decision';
import { formatMoney, formatNumber } from '@shared/format';
import { AppError } from '../domain/errors';
import type { Policies } from '../domain/policies';
import type { StoredDecision } from '../storage/store';

/** Scores are compared and shown without the float noise of 0.1 + 0.2. */
const roundScore = (score: number) => Math.round(score * 1e6) / 1e6;

/**
 * The range an override of this decision must stay in (the overrides policy). A new premium is
 * measured against the premium the member paid before, which no override changes; for a new
 * policy (no previous premium) against the model's new premium instead. A risk score is measured
 * against the model's own score, so repeated overrides cannot walk it away step by step.
 */
export function overrideRange(decision: Pick<StoredDecision, 'type' | 'output'>, limits: Policies['overrides']): OverrideRange | null {
  if (decision.type === 'renewal_price') {
    const output = decision.output as RenewalPriceOutput;
    const base = output.previousPremiumCents > 0 ? output.previousPremiumCents : output.newPremiumCents;
    return {
      field: 'newPremiumCents',
      min: Math.max(0, Math.ceil(base * (1 - limits.maxPremiumChange))),
      max: Math.floor(base * (1 + limits.maxPremiumChange)),
      currency: output.currency,
    };
  }
  if (decision.type === 'risk_score') {
    const { score } = decision.output as RiskScoreOutput;
    return { field: 'score', min: roundScore(Math.max(0, score - limits.maxRiskScoreChange)), max: roundScore(Math.min(1, score + limits.maxRiskScoreChange)) };
  }
  return null;
}

/** 400 override_out_of_range naming the allowed range, in money for premiums. */
export function requireInRange(range: OverrideRange | null, override: Record<string, unknown>, limits: Policies['overrides']): void {
  if (!range) return;
  const value = override[range.field];
  if (typeof value !== 'number' || (value >= range.min && value <= range.max)) return;
  const [between, why] =
    range.field === 'newPremiumCents'
      ? [
          `between ${formatMoney(range.min, range.currency, 'en')} and ${formatMoney(range.max, range.currency, 'en')}`,
          `within ${formatNumber(limits.maxPremiumChange * 100, 'en', 1)} % of the previous premium`,
        ]
      : [
          `between ${formatNumber(range.min, 'en', 6)} and ${formatNumber(range.max, 'en', 6)}`,
          `within ${formatNumber(limits.maxRiskScoreChange, 'en', 6)} of the model's score`,
        ];
  throw new AppError(
    400,
    'override_out_of_range',
    'Override out of range',
    `The new ${range.field === 'newPremiumCents' ? 'premium' : 'score'} must be ${between}: ${why} (the overrides policy).`,
    [{ path: `override.${range.field}`, message: `must be ${between}` }],
    { allowedRange: range },
  );
}
