import { describe, expect, it } from 'vitest';
import { explainDecision, findModelEntry, formatDays, formatMoney } from '@shared/explain';
import { Decision, NewDecision, type NewDecisionInput } from '@shared/schemas/decision';
import { Lang, type ModelEntry } from '@shared/schemas/model';
import { generateDecisions } from './generator';
import { DEMO_MODEL_ENTRIES } from './models';

/** What the store adds when it records a decision. */
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

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const allStrings = (x: unknown): string[] =>
  typeof x === 'string' ? [x] : Array.isArray(x) ? x.flatMap(allStrings) : x && typeof x === 'object' ? Object.values(x).flatMap(allStrings) : [];

// The generator's first decisions are anna's (M-1001): 0 a renewal with a clear increase, 2 a flagged fraud check.
const annas = [...generateDecisions({ count: 10, members: 5, now: new Date('2026-06-01T00:00:00Z') })].map(recorded);
const renewal = annas[0]!;
const fraud = annas[2]!;
const modelOf = (d: Decision): ModelEntry => findModelEntry(DEMO_MODEL_ENTRIES, d.model)!;
const explain = (decision: Decision, lang: Lang, restricted = false) => explainDecision({ decision, model: modelOf(decision), lang, restricted });

const money = {
  en: /^€\d{1,3}(,\d{3})*\.\d{2}$/,
  nl: /^€ \d{1,3}(\.\d{3})*,\d{2}$/,
  fr: /^\d{1,3}( \d{3})*,\d{2} €$/,
} satisfies Record<Lang, RegExp>;
const amount = { en: '€[\\d,]+\\.\\d\\d', nl: '€ [\\d.]+,\\d\\d', fr: '[\\d ]+,\\d\\d €' } satisfies Record<Lang, string>;
/** Words that only one of the three languages uses: each explanation must have its own and none of the others'. */
const ownWords = { en: /\b(your|the|premium)\b/i, nl: /\b(uw|het|premie)\b/i, fr: /\b(votre|vous|prime)\b/i } satisfies Record<Lang, RegExp>;

describe('a generated renewal explained in en, nl and fr', () => {
  it.each(Lang.options)('is complete and really in %s, with money written the local way', (lang) => {
    expect(renewal.type).toBe('renewal_price');
    const e = explain(renewal, lang);
    expect(e.lang).toBe(lang);
    const a = amount[lang];
    const headline = plain(e.headline);
    expect(headline).toMatch(
      {
        en: new RegExp(`^Your yearly premium goes from ${a} to ${a}, ${a} more\\.$`),
        nl: new RegExp(`^Uw jaarpremie gaat van ${a} naar ${a}, dat is ${a} meer\\.$`),
        fr: new RegExp(`^Votre prime annuelle passe de ${a} à ${a}, soit ${a} de plus\\.$`),
      }[lang],
    );
    for (const m of headline.matchAll(new RegExp(a, 'g'))) expect(m[0].trim()).toMatch(money[lang]);

    expect(e.factors).toHaveLength(Math.min(5, renewal.rationale.contributions.length));
    expect(e.factors[0]).toMatchObject({ feature: 'claims_last_12m', impact: 'raised' });
    expect(plain(e.factors[0]!.text)).toMatch(new RegExp(`\\(3\\).*${a}`));
    expect(e.reasons).toHaveLength(renewal.rationale.reasonCodes.length);
    expect(e.whatCouldChange).toHaveLength(1);
    expect(e.rights.map((r) => r.right)).toEqual(['object', 'human_review', 'complain', 'access']);
    expect(e.coverageGaps).toEqual([]);

    const sentences = [e.headline, ...e.factors.map((f) => f.text), ...e.reasons, ...e.whatCouldChange, ...e.details, ...e.rights.map((r) => r.text)];
    const text = sentences.join('\n');
    expect(text).toMatch(ownWords[lang]);
    for (const other of Lang.options.filter((l) => l !== lang)) {
      for (const sentence of sentences) expect(sentence, `${other} word in ${lang}`).not.toMatch(ownWords[other]);
    }
    expect(text).toContain({ en: 'Data Protection Authority', nl: 'Gegevensbeschermingsautoriteit', fr: 'Autorité de protection des données' }[lang]);
  });

  it('after an approved override mentions both the effective and the original premium', () => {
    if (renewal.type !== 'renewal_price') throw new Error('expected a renewal');
    const effective = { ...renewal.output, newPremiumCents: renewal.output.newPremiumCents - 5_000 };
    const overridden: Decision = { ...renewal, overridden: true, effectiveOutcome: effective };
    for (const lang of Lang.options) {
      const headline = explain(overridden, lang).headline;
      expect(headline).toContain(formatMoney(effective.newPremiumCents, 'EUR', lang));
      expect(headline).toContain(formatMoney(renewal.output.newPremiumCents, 'EUR', lang));
      expect(headline).toContain(formatMoney(renewal.output.previousPremiumCents, 'EUR', lang));
    }
  });
});

describe('a generated fraud flag with an open case (restricted)', () => {
  it.each(Lang.options)('says only that a person will review the held claim, and leaks no indicator (%s)', (lang) => {
    if (fraud.type !== 'fraud_flag') throw new Error('expected a fraud flag');
    expect(fraud.output.flagged).toBe(true);
    const model = modelOf(fraud);
    const e = explain(fraud, lang, true);
    expect(e).toMatchObject({ restricted: true, factors: [], whatCouldChange: [], reasons: [], details: [], coverageGaps: [] });
    expect(e.rights).toHaveLength(4);
    expect(e.headline).toContain(fraud.output.claimId);

    const forbidden = [
      ...fraud.rationale.reasonCodes.map((r) => r.code),
      ...fraud.rationale.reasonCodes.flatMap((r) => Object.values(model.reasonCodes[r.code]!)),
      ...fraud.rationale.contributions.map((c) => c.feature),
      ...Object.keys(fraud.inputs),
      ...Object.values(model.features).flatMap((f) => Object.values(f.label)),
      ...Object.entries(fraud.inputs).flatMap(([feature, value]) => [
        String(value),
        ...Object.values(model.features[feature]?.valueLabels?.[String(value)] ?? {}),
      ]),
      formatMoney(Number(fraud.inputs.claim_amount_cents), 'EUR', lang),
      formatDays(Number(fraud.inputs.days_since_policy_start), lang),
      ...Object.values(model.description),
    ].filter((s) => s.length > 2); // a bare "12" or "0" would also match the claim id or dates
    const text = plain(allStrings(e).join('\n'));
    for (const secret of forbidden) expect(text, `leaked ${secret}`).not.toContain(plain(secret));

    // The strongest check: nothing in the output depends on the inputs, rationale or registry.
    const blank: Decision = { ...fraud, inputs: {}, rationale: { reasonCodes: [], contributions: [] } };
    expect(explainDecision({ decision: blank, model: null, lang, restricted: true })).toEqual(e);
  });
});
