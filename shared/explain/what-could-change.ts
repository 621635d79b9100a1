import type { Decision, InputValue } from '../schemas/decision';
import { describeValue, featureLabel, type LabelContext } from './labels';
import { TEXTS } from './texts';

/**
 * Counterfactuals as the member's recourse. The rationale describes the original automated
 * output, so the consequence is worded from that output, not from an override.
 */
export function whatCouldChange(decision: Decision, ctx: LabelContext): string[] {
  const texts = TEXTS[ctx.lang];
  const counterfactuals = decision.rationale.counterfactuals ?? [];
  if (counterfactuals.length === 0) return [texts.noCounterfactual];
  const consequence =
    decision.type === 'renewal_price'
      ? texts.counterfactual.renewal
      : decision.type === 'risk_score'
        ? texts.counterfactual.risk
        : decision.output.flagged
          ? texts.counterfactual.fraudHeld
          : texts.counterfactual.fraudCleared;
  return counterfactuals.map((c) =>
    texts.counterfactual.sentence({
      label: featureLabel(c.feature, ctx),
      from: quoted(c.feature, c.from, ctx),
      to: quoted(c.feature, c.to, ctx),
      consequence,
    }),
  );
}

/** Words ("yes", "Flanders") are quoted inside the sentence so they read as values; numbers and amounts are not. */
function quoted(feature: string, value: InputValue, ctx: LabelContext): string {
  const { text, word } = describeValue(feature, value, ctx);
  return word ? TEXTS[ctx.lang].quote(text) : text;
}
