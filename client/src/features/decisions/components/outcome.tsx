import type { Decision } from '@shared/schemas/decision';
import { useI18n } from '../../../i18n';

type Which = 'original' | 'effective';

export type OutcomeTone = 'increase' | 'decrease' | 'neutral' | 'attention' | 'clear';

export interface OutcomeWords {
  headline: string;
  detail?: string;
  tone: OutcomeTone;
}

/**
 * The outcome in words and money, in the reader's language. For claim checks a member sees that
 * a claim is held and why they may object, never the score or threshold (DESIGN §3: no fraud
 * indicators while a case may be open).
 */
export function useOutcomeWords(): (decision: Decision, which: Which) => OutcomeWords {
  const { t, formatMoney } = useI18n();
  return (decision, which) => {
    switch (decision.type) {
      case 'renewal_price': {
        const out = which === 'original' ? decision.output : decision.effectiveOutcome;
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
        const out = which === 'original' ? decision.output : decision.effectiveOutcome;
        return out.flagged
          ? { headline: t('outcome.claimHeld', { claimId: out.claimId }), tone: 'attention' }
          : { headline: t('outcome.claimCleared', { claimId: out.claimId }), tone: 'clear' };
      }
      case 'risk_score': {
        const out = which === 'original' ? decision.output : decision.effectiveOutcome;
        const tone: OutcomeTone = out.band === 'low' ? 'clear' : out.band === 'medium' ? 'neutral' : 'attention';
        return { headline: t('outcome.riskBand', { band: t(`riskBand.${out.band}`) }), tone };
      }
    }
  };
}
