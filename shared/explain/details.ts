import type { Decision } from '../schemas/decision';
import type { Lang, ModelEntry } from '../schemas/model';
import { formatDate, formatScorePoints } from './format';
import { TEXTS } from './texts';

/**
 * The procedure behind the decision (CJEU C-203/22: the principles actually applied): when it
 * was made, what the model decides and how, and the score scale the factors are measured on.
 */
export function explainDetails(decision: Decision, model: ModelEntry | null, lang: Lang): string[] {
  const t = TEXTS[lang].details;
  const lines = [t.madeOn({ date: formatDate(decision.decidedAt, lang), version: decision.model.version })];
  if (model) lines.push(model.decides[lang], model.description[lang]);
  if (decision.type === 'fraud_flag') {
    lines.push(t.fraudScale({ score: formatScorePoints(decision.output.score, lang), threshold: formatScorePoints(decision.output.threshold, lang) }));
  } else if (decision.type === 'risk_score') {
    lines.push(t.riskScale({ score: formatScorePoints(decision.output.score, lang) }));
  }
  if (decision.overridden) lines.push(t.overridden);
  return lines;
}
