import type { NewDecision } from '../schemas/decision';
import type { CoverageGap } from '../schemas/explanation';
import type { ModelEntry } from '../schemas/model';
import { GapLog, modelGapKey, valueGapKey } from './gaps';
import { ownEntry } from './labels';

/** What coverage needs of a decision; a NewDecision fits, so rollups can count gaps at ingest. */
export type ExplainableDecision = Pick<NewDecision, 'model' | 'inputs' | 'rationale'>;

/** The registry entry for exactly this model id and version, or null: labels of another version may not fit. */
export function findModelEntry(models: readonly ModelEntry[], ref: { id: string; version: string }): ModelEntry | null {
  return models.find((m) => m.modelId === ref.id && m.version === ref.version) ?? null;
}

/**
 * Every text the registry lacks for this decision: all inputs (not only the factors shown), their
 * categorical values, counterfactual values and reason codes. Booleans without value labels are
 * not gaps: the generic yes/no is a full translation.
 */
export function missingLabels(model: ModelEntry | null, decision: ExplainableDecision): CoverageGap[] {
  const gaps = new GapLog();
  if (!model) {
    gaps.add('model', modelGapKey(decision.model));
    return gaps.list();
  }
  const checkValue = (feature: string, value: unknown) => {
    const info = ownEntry(model.features, feature);
    if (!info) gaps.add('feature_label', feature);
    else if (typeof value === 'string' && !ownEntry(info.valueLabels, value)) gaps.add('value_label', valueGapKey(feature, value));
  };
  for (const [feature, value] of Object.entries(decision.inputs)) checkValue(feature, value);
  for (const c of decision.rationale.contributions) checkValue(c.feature, decision.inputs[c.feature]);
  for (const c of decision.rationale.counterfactuals ?? []) {
    checkValue(c.feature, c.from);
    checkValue(c.feature, c.to);
  }
  for (const r of decision.rationale.reasonCodes) if (!ownEntry(model.reasonCodes, r.code)) gaps.add('reason_code', r.code);
  return gaps.list();
}

export interface CoverageReport {
  decisions: number;
  /** Decisions whose every text the registry has. */
  complete: number;
  gaps: Array<CoverageGap & { modelId: string; version: string; decisions: number }>;
}

/** Explanation coverage over a sample of decisions, for governance: which labels to add first. */
export function explanationCoverage(models: readonly ModelEntry[], decisions: Iterable<ExplainableDecision>): CoverageReport {
  const counts = new Map<string, CoverageReport['gaps'][number]>();
  let total = 0;
  let complete = 0;
  for (const decision of decisions) {
    total++;
    const gaps = missingLabels(findModelEntry(models, decision.model), decision);
    if (gaps.length === 0) complete++;
    for (const gap of gaps) {
      const id = [decision.model.id, decision.model.version, gap.kind, gap.key].join('\u0000');
      const seen = counts.get(id);
      if (seen) seen.decisions++;
      else counts.set(id, { ...gap, modelId: decision.model.id, version: decision.model.version, decisions: 1 });
    }
  }
  return { decisions: total, complete, gaps: [...counts.values()].sort((a, b) => b.decisions - a.decisions) };
}
