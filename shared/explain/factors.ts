import type { Decision } from '../schemas/decision';
import type { ExplanationFactor, FactorImpact } from '../schemas/explanation';
import { formatMoney, formatNumber } from '../format';
import { featureLabel, featureValue, type LabelContext } from './labels';
import { TEXTS } from './texts';

/** Art. 86 asks for the main elements, not all of them: five factors are what a reader keeps in mind. */
export const MAX_FACTORS = 5;

const impactOf = (contribution: number): FactorImpact => (contribution > 0 ? 'raised' : contribution < 0 ? 'lowered' : 'none');

/**
 * The largest contributions first (stable for ties), each in one sentence with the member's own
 * value. `withAmounts` false (figures that do not add up): the order stays, the amounts go.
 */
export function explainFactors(decision: Decision, ctx: LabelContext, withAmounts = true): ExplanationFactor[] {
  const texts = TEXTS[ctx.lang];
  return decision.rationale.contributions
    .map((c, order) => ({ ...c, order }))
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.order - b.order)
    .slice(0, MAX_FACTORS)
    .map(({ feature, contribution }) => {
      const label = featureLabel(feature, ctx);
      const subject = texts.factor.subject(label, featureValue(feature, decision.inputs[feature] ?? null, ctx));
      const impact = impactOf(contribution);
      const text =
        withAmounts || impact === 'none'
          ? effectSentence(decision, subject, impact, Math.abs(contribution), ctx)
          : texts.factorWithoutAmount[kindOf(decision)][impact](subject);
      return { feature, label, impact, text };
    });
}

const kindOf = (decision: Decision) => (decision.type === 'renewal_price' ? 'renewal' : decision.type === 'fraud_flag' ? 'fraud' : 'risk');

/** Contributions are in the output's unit: cents for a premium, 0..1 score points otherwise (shown out of 100). */
function effectSentence(decision: Decision, subject: string, impact: FactorImpact, size: number, ctx: LabelContext): string {
  const factor = TEXTS[ctx.lang].factor;
  if (decision.type === 'renewal_price') {
    return factor.renewal[impact]({ subject, amount: formatMoney(size, decision.output.currency, ctx.lang) });
  }
  const points = Math.round(size * 1000) / 10;
  const p = { subject, points: formatNumber(points, ctx.lang, 1), count: points };
  return decision.type === 'fraud_flag' ? factor.fraud[impact](p) : factor.risk[impact](p);
}
