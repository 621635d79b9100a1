import { describe, expect, it } from 'vitest';
import { explainDecision, findModelEntry, missingLabels } from '@shared/explain';
import { Decision, NewDecision, type NewDecisionInput } from '@shared/schemas/decision';
import { Lang } from '@shared/schemas/model';
import { DEMO_MODELS, generateDecisions } from './generator';
import { DEMO_MODEL_ENTRIES } from './models';

function recorded(input: NewDecisionInput, i: number): Decision {
  const d = NewDecision.parse(input);
  return Decision.parse({
    ...d,
    id: `dec_${i.toString(16).padStart(24, '0')}`,
    recordedAt: d.decidedAt,
    hash: 'h',
    findings: [],
    effectiveOutcome: d.output,
    overridden: false,
  });
}

const sample = [...generateDecisions({ count: 2000, members: 200, now: new Date('2026-06-01T00:00:00Z') })].map(recorded);

describe('demo model registry', () => {
  it('has one entry for every model id and version the generator emits, of the right type', () => {
    const expected = Object.values(DEMO_MODELS).flatMap((m) => m.versions.map((v) => `${m.id}@${v}`));
    expect(DEMO_MODEL_ENTRIES.map((e) => `${e.modelId}@${e.version}`).sort()).toEqual(expected.sort());
    const seen = new Set(sample.map((d) => `${d.model.id}@${d.model.version}`));
    expect([...seen].sort()).toEqual(expected.sort());
    for (const d of sample) expect(findModelEntry(DEMO_MODEL_ENTRIES, d.model)?.type).toBe(d.type);
  });

  it('labels every input, value, contribution, counterfactual and reason code of 2000 generated decisions', () => {
    const missing = new Set<string>();
    for (const d of sample) {
      const entry = findModelEntry(DEMO_MODEL_ENTRIES, d.model)!;
      const where = `${d.model.id}@${d.model.version}`;
      const features = [
        ...Object.keys(d.inputs),
        ...d.rationale.contributions.map((c) => c.feature),
        ...(d.rationale.counterfactuals ?? []).map((c) => c.feature),
      ];
      for (const feature of features) if (!entry.features[feature]) missing.add(`${where} feature ${feature}`);
      // The demo is fully labelled: words and booleans have value labels, not just the generic yes/no.
      for (const [feature, value] of Object.entries(d.inputs)) {
        if ((typeof value === 'string' || typeof value === 'boolean') && !entry.features[feature]?.valueLabels?.[String(value)]) {
          missing.add(`${where} value ${feature}=${String(value)}`);
        }
      }
      for (const { code } of d.rationale.reasonCodes) if (!entry.reasonCodes[code]) missing.add(`${where} reason ${code}`);
      for (const gap of missingLabels(entry, d)) missing.add(`${where} ${gap.kind} ${gap.key}`);
    }
    expect([...missing]).toEqual([]);
  });

  it('explains every generated decision in en, nl and fr without a coverage gap', () => {
    const gaps = new Set<string>();
    for (const d of sample) {
      for (const lang of Lang.options) {
        const e = explainDecision({ decision: d, model: findModelEntry(DEMO_MODEL_ENTRIES, d.model), lang, restricted: false });
        for (const gap of e.coverageGaps) gaps.add(`${d.model.id}@${d.model.version} ${lang} ${gap.kind} ${gap.key}`);
        expect(e.headline.length).toBeGreaterThan(20);
        expect(e.factors.every((f) => f.text.length > 0 && f.label.length > 0)).toBe(true);
      }
    }
    expect([...gaps]).toEqual([]);
  });
});
