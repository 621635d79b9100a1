import type { Decision } from '../schemas/decision';
import type { Explanation } from '../schemas/explanation';
import type { Lang, ModelEntry } from '../schemas/model';
import { explainDetails } from './details';
import { explainFactors } from './factors';
import { GapLog, modelGapKey } from './gaps';
import { headline } from './headline';
import { DEFAULT_CURRENCY, reasonText, type LabelContext } from './labels';
import { reconcileContributions } from './reconcile';
import { memberRights } from './rights';
import { TEXTS } from './texts';
import { whatCouldChange } from './what-could-change';

export interface ExplainInput {
  decision: Decision;
  /** The registry entry for the decision's model id and version; null when the registry has none. */
  model: ModelEntry | null;
  lang: Lang;
  /** A fraud flag with an open case: the indicators are withheld until the case is closed. */
  restricted: boolean;
}

/** GDPR Art. 15(1)(h) and AI Act Art. 86: the main elements of one decision, worded for the member. */
export function explainDecision({ decision, model, lang, restricted }: ExplainInput): Explanation {
  const outcome = { lang, headline: headline(decision, lang, restricted) };
  if (restricted) {
    // Nothing derived from inputs, rationale or model may leave here: no factors, reasons, values or gap keys.
    return {
      ...outcome,
      factors: [],
      whatCouldChange: [],
      rights: memberRights(lang),
      reasons: [],
      details: [],
      figuresNotice: null,
      restricted,
      coverageGaps: [],
    };
  }
  // Labels written for another model or version may not fit; treat that like a missing entry, and report it.
  const entry = model && model.modelId === decision.model.id && model.version === decision.model.version ? model : null;
  const gaps = new GapLog();
  if (!entry) gaps.add('model', modelGapKey(decision.model));
  const ctx: LabelContext = {
    model: entry,
    lang,
    currency: decision.type === 'renewal_price' ? decision.output.currency : DEFAULT_CURRENCY,
    gaps,
  };
  // Figures that contradict each other are worse than none: the ranking stays, the amounts go.
  const figures = reconcileContributions(decision);
  const reconciled = figures.ok && !decision.findings.some((f) => f.code === 'explanation_inconsistent');
  return {
    ...outcome,
    factors: explainFactors(decision, ctx, reconciled),
    whatCouldChange: whatCouldChange(decision, ctx),
    rights: memberRights(lang),
    reasons: decision.rationale.reasonCodes.map((r) => reasonText(r.code, ctx)),
    details: explainDetails(decision, entry, lang, reconciled),
    figuresNotice: reconciled ? null : TEXTS[lang].figuresNotReconciled,
    restricted,
    // Only the gaps this explanation ran into; missingLabels() lists every gap of the decision.
    coverageGaps: gaps.list(),
  };
}
