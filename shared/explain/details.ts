import type { Decision } from '../schemas/decision';
import type { Lang, ModelEntry } from '../schemas/model';
import { formatDate, formatMoney, formatScorePoints } from '../format';
import { TEXTS } from './texts';

/**
 * The procedure behind the decision (CJEU C-203/22: the principles actually applied): when it
 * was made, what the model decides and how, the score scale the factors are measured on and the
 * model's base value they start from (only when the figures add up: see reconcile.ts).
 */
export function explainDetails(decision: Decision, model: ModelEntry | null, lang: Lang, reconciled = true): string[] {
  const t = TEXTS[lang].details;
  const lines = [t.madeOn({ date: formatDate(decision.decidedAt, lang), version: decision.model.version })];
  if (model) lines.push(model.decides[lang], model.description[lang]);
  if (decision.type === 'fraud_flag') {
    lines.push(t.fraudScale({ score: formatScorePoints(decision.output.score, lang), threshold: formatScorePoints(decision.output.threshold, lang) }));
  } else if (decision.type === 'risk_score') {
    lines.push(t.riskScale({ score: formatScorePoints(decision.output.score, lang) }));
  }
  const baseline = decision.rationale.baseline;
  if (reconciled && baseline !== undefined) {
    if (decision.type === 'renewal_price') {
      if (baseline !== decision.output.previousPremiumCents) lines.push(t.renewalBaseline({ base: formatMoney(baseline, decision.output.currency, lang) }));
    } else if (baseline >= 0 && baseline <= 1) {
      lines.push(t.scoreBaseline({ base: formatScorePoints(baseline, lang) }));
    }
  }
  if (decision.overridden) lines.push(t.overridden);
  return lines;
}
