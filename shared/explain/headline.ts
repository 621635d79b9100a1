import type { Decision } from '../schemas/decision';
import type { Lang } from '../schemas/model';
import { formatMoney } from '../format';
import { fraudResult } from './outcome';
import { TEXTS } from './texts';

/** The outcome in one sentence. It states what applies now (the effective outcome) and, after an override, the original. */
export function headline(decision: Decision, lang: Lang, restricted: boolean): string {
  const texts = TEXTS[lang];
  const t = texts.headline;
  switch (decision.type) {
    case 'renewal_price': {
      const now = decision.effectiveOutcome;
      const money = (cents: number) => formatMoney(cents, now.currency, lang);
      if (decision.overridden) {
        return t.renewalOverridden({
          from: money(now.previousPremiumCents),
          to: money(now.newPremiumCents),
          original: formatMoney(decision.output.newPremiumCents, decision.output.currency, lang),
        });
      }
      const change = now.newPremiumCents - now.previousPremiumCents;
      return t.renewal({
        from: money(now.previousPremiumCents),
        to: money(now.newPremiumCents),
        difference: money(Math.abs(change)),
        direction: change > 0 ? 'up' : change < 0 ? 'down' : 'same',
      });
    }
    case 'fraud_flag': {
      const now = decision.effectiveOutcome;
      // Restricted wins over everything else: even "a staff member changed it" would hint at the indicators.
      if (restricted) return t.fraudRestricted({ claimId: now.claimId, held: now.flagged });
      if (decision.overridden) return t.fraudOverridden({ claimId: now.claimId, result: fraudResult(now), original: fraudResult(decision.output) });
      return t.fraud({ claimId: now.claimId, result: fraudResult(now) });
    }
    case 'risk_score': {
      const band = texts.bands[decision.effectiveOutcome.band];
      if (decision.overridden) return t.riskOverridden({ band, original: texts.bands[decision.output.band] });
      return t.risk({ band });
    }
  }
}
