import type { DecisionType } from '@shared/schemas/common';
import type { Decision, FraudFlagOutput, RenewalPriceOutput, RiskScoreOutput } from '@shared/schemas/decision';
import { useI18n } from '../i18n';

type Which = 'original' | 'effective';

export type OutcomeTone = 'increase' | 'decrease' | 'neutral' | 'attention' | 'clear';

export interface OutcomeWords {
  headline: string;
  detail?: string;
  tone: OutcomeTone;
}

export type OutputOf<T extends DecisionType> = T extends 'renewal_price' ? RenewalPriceOutput : T extends 'fraud_flag' ? FraudFlagOutput : RiskScoreOutput;

/**
 * An outcome in words and money, in the reader's language. For claim checks a member sees that
 * a claim is held and why they may object, never the score or threshold (no fraud
 * indicators while a case may be open); staff read those on the case page.
 */
export function useOutputWords(): <T extends DecisionType>(type: T, output: OutputOf<T>) => OutcomeWords {
  const { t, formatMoney, formatScorePoints } = useI18n();
  return (type, output) => {
    switch (type) {
      case 'renewal_price': {
        const out = output as RenewalPriceOutput;
        const change = out.newPremiumCents - out.previousPremiumCents;
        const amount = formatMoney(Math.abs(change), out.currency);
        return {
          headline: t('outcome.premiumNew', { amount: formatMoney(out.newPremiumCents, out.currency) }),
          detail: [
            t('outcome.premiumWas', { amount: formatMoney(out.previousPremiumCents, out.currency) }),
            change > 0 ? t('outcome.premiumUp', { amount }) : change < 0 ? t('outcome.premiumDown', { amount }) : t('outcome.premiumSame'),
          ].join(' · '),
          tone: change > 0 ? 'increase' : change < 0 ? 'decrease' : 'neutral',
        };
      }
      case 'fraud_flag': {
        const out = output as FraudFlagOutput;
        return out.flagged
          ? { headline: t('outcome.claimHeld', { claimId: out.claimId }), tone: 'attention' }
          : { headline: t('outcome.claimCleared', { claimId: out.claimId }), tone: 'clear' };
      }
      default: {
        const out = output as RiskScoreOutput;
        const tone: OutcomeTone = out.band === 'low' ? 'clear' : out.band === 'medium' ? 'neutral' : 'attention';
        return {
          headline: t('outcome.riskBand', { band: t(`riskBand.${out.band}`) }),
          detail: t('outcome.riskScore', { score: formatScorePoints(out.score) }),
          tone,
        };
      }
    }
  };
}

/** The original output (never changed) or the effective outcome (after an approved override). */
export function useOutcomeWords(): (decision: Decision, which: Which) => OutcomeWords {
  const words = useOutputWords();
  return (decision, which) => words(decision.type, which === 'original' ? decision.output : decision.effectiveOutcome);
}
