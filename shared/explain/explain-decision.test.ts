import { describe, expect, it } from 'vitest';
import type { Decision } from '../schemas/decision';
import { Explanation } from '../schemas/explanation';
import { Lang, ModelEntry, type LocalizedText } from '../schemas/model';
import { explainDecision } from './explain-decision';
import { missingLabels } from './coverage';
import { formatMoney } from '../format';
import { TEXTS } from './texts';

const t = (en: string, nl: string, fr: string): LocalizedText => ({ en, nl, fr });
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
/** Every string anywhere in a value, so a leak cannot hide in a nested field. */
const allStrings = (x: unknown): string[] =>
  typeof x === 'string' ? [x] : Array.isArray(x) ? x.flatMap(allStrings) : x && typeof x === 'object' ? Object.values(x).flatMap(allStrings) : [];

const recorded = { id: 'dec_000000000000000000000001', recordedAt: '2026-05-02T10:00:00.000Z', hash: 'h', findings: [], overridden: false };

const tariff = ModelEntry.parse({
  modelId: 'tariff',
  version: '1',
  type: 'renewal_price',
  owner: 'Pricing team',
  decides: t('It sets your premium.', 'Het bepaalt uw premie.', 'Il fixe votre prime.'),
  description: t('Fixed amounts per factor.', 'Vaste bedragen per factor.', 'Des montants fixes par facteur.'),
  features: {
    claims_12m: { label: t('Claims last year', 'Claims vorig jaar', 'Demandes de l’an dernier'), unit: 'count' },
    region: { label: t('Region', 'Gewest', 'Région'), unit: 'text', valueLabels: { Flanders: t('Flanders', 'Vlaanderen', 'Flandre') } },
    years_insured: { label: t('Years with us', 'Jaren bij ons', 'Années chez nous'), unit: 'count' },
    inflation_pct: { label: t('Rise in medical costs', 'Stijging medische kosten', 'Hausse des frais médicaux'), unit: 'percent' },
    hospital_cover: { label: t('Hospital cover', 'Hospitalisatiedekking', 'Couverture hospitalisation'), unit: 'boolean' },
    dental_cover: { label: t('Dental cover', 'Tandzorgdekking', 'Couverture dentaire'), unit: 'boolean' },
  },
  reasonCodes: { CLAIMS: t('You made claims.', 'U diende claims in.', 'Vous avez introduit des demandes.') },
});

function renewal(over: Partial<Extract<Decision, { type: 'renewal_price' }>> = {}): Decision {
  const output = { currency: 'EUR', previousPremiumCents: 120_000, newPremiumCents: 129_000 };
  return {
    ...recorded,
    type: 'renewal_price',
    idempotencyKey: 'k1',
    subject: { memberId: 'M-1', policyId: 'P-1' },
    model: { id: 'tariff', version: '1' },
    decidedAt: '2026-05-01T10:00:00.000Z',
    legalBasis: 'contract',
    specialCategoryData: false,
    inputs: { claims_12m: 3, region: 'Flanders', years_insured: 8, inflation_pct: 4.5, hospital_cover: true, dental_cover: false },
    output,
    effectiveOutcome: output,
    rationale: {
      reasonCodes: [{ code: 'CLAIMS' }],
      contributions: [
        { feature: 'inflation_pct', contribution: 5400 },
        { feature: 'years_insured', contribution: -3200 },
        { feature: 'claims_12m', contribution: 9000 },
        { feature: 'region', contribution: 1200 },
        { feature: 'hospital_cover', contribution: 1800 },
        { feature: 'dental_cover', contribution: -200 },
      ],
      counterfactuals: [{ feature: 'claims_12m', from: 3, to: 0, outcome: 'premium of 1200.00 EUR' }],
      // A tariff that starts from a base premium: €1,150 + €140 of contributions = the new €1,290.
      baseline: 115_000,
    },
    ...over,
  } as Decision;
}

describe('explainDecision for a renewal', () => {
  it('says the old and new premium and the change, written the local way', () => {
    const headline = (lang: Lang) => plain(explainDecision({ decision: renewal(), model: tariff, lang, restricted: false }).headline);
    expect(headline('en')).toBe('Your yearly premium goes from €1,200.00 to €1,290.00, €90.00 more.');
    expect(headline('nl')).toBe('Uw jaarpremie gaat van € 1.200,00 naar € 1.290,00, dat is € 90,00 meer.');
    expect(headline('fr')).toBe('Votre prime annuelle passe de 1 200,00 € à 1 290,00 €, soit 90,00 € de plus.');
  });

  it('lists the five largest contributions first, each with the member’s own value and its effect in money', () => {
    const e = explainDecision({ decision: renewal(), model: tariff, lang: 'en', restricted: false });
    expect(Explanation.parse(e)).toEqual(e);
    expect(e.factors.map((f) => f.feature)).toEqual(['claims_12m', 'inflation_pct', 'years_insured', 'hospital_cover', 'region']);
    expect(e.factors.map((f) => f.impact)).toEqual(['raised', 'raised', 'lowered', 'raised', 'raised']);
    expect(e.factors[0]!.text).toBe('Claims last year (3) raised your premium by €90.00.');
    expect(e.factors[2]!.text).toBe('Years with us (8) lowered your premium by €32.00.');
    expect(e.factors[3]!.text).toBe('Hospital cover (yes) raised your premium by €18.00.');
    const nl = explainDecision({ decision: renewal(), model: tariff, lang: 'nl', restricted: false });
    expect(plain(nl.factors[1]!.text)).toBe('Stijging medische kosten (4,5%): hierdoor werd uw premie € 54,00 hoger.');
    expect(nl.factors[4]!.text).toContain('(Vlaanderen)');
  });

  it('words counterfactuals with labels and formatted values, and gives a generic sentence without them', () => {
    const fr = explainDecision({ decision: renewal(), model: tariff, lang: 'fr', restricted: false });
    expect(plain(fr.whatCouldChange[0]!)).toBe('Demandes de l’an dernier : avec 0 au lieu de 3, votre prime aurait été plus basse.');
    const none = renewal({ rationale: { ...renewal().rationale, counterfactuals: [] } });
    const en = explainDecision({ decision: none, model: tariff, lang: 'en', restricted: false });
    expect(en.whatCouldChange).toEqual([expect.stringContaining('wrong or out of date')]);
  });

  it('shows no raw feature name or reason code when the registry has the label', () => {
    for (const lang of Lang.options) {
      const e = explainDecision({ decision: renewal(), model: tariff, lang, restricted: false });
      const shown = allStrings({ ...e, factors: e.factors.map(({ label, text }) => ({ label, text })), coverageGaps: [] });
      for (const raw of ['claims_12m', 'years_insured', 'inflation_pct', 'hospital_cover', 'CLAIMS'])
        expect(shown.join('\n')).not.toMatch(new RegExp(`\\b${raw}\\b`));
      expect(e.reasons).toEqual([tariff.reasonCodes.CLAIMS![lang]]);
      expect(e.coverageGaps).toEqual([]);
      expect(e.rights.map((r) => r.right)).toEqual(['object', 'human_review', 'complain', 'access']);
    }
  });

  it('after an approved override, says a staff member changed it and gives the effective and the original premium', () => {
    const effective = { currency: 'EUR', previousPremiumCents: 120_000, newPremiumCents: 125_000 };
    const decision = renewal({ overridden: true, effectiveOutcome: effective });
    const en = explainDecision({ decision, model: tariff, lang: 'en', restricted: false });
    expect(en.headline).toBe(
      'A staff member reviewed this decision and changed your yearly premium: it goes from €1,200.00 to €1,250.00, instead of the €1,290.00 the automated decision had set.',
    );
    expect(en.details).toContain('The factors explain the automated decision as it was before the staff member changed it.');
    expect(plain(explainDecision({ decision, model: tariff, lang: 'nl', restricted: false }).headline)).toMatch(/medewerker.*€ 1\.250,00.*€ 1\.290,00/);
    expect(plain(explainDecision({ decision, model: tariff, lang: 'fr', restricted: false }).headline)).toMatch(/personnel.*1 250,00 €.*1 290,00 €/);
  });
});

describe('figures that do not add up', () => {
  // The contributions say €9,999.99 where the premium changed by €31.95.
  const contradicting = renewal({
    output: { currency: 'EUR', previousPremiumCents: 71_000, newPremiumCents: 74_195 },
    effectiveOutcome: { currency: 'EUR', previousPremiumCents: 71_000, newPremiumCents: 74_195 },
    rationale: {
      reasonCodes: [{ code: 'CLAIMS' }],
      contributions: [
        { feature: 'inflation_pct', contribution: 3195 },
        { feature: 'claims_12m', contribution: 999_999 },
        { feature: 'years_insured', contribution: -400 },
      ],
    },
  });

  it.each(Lang.options)('keep the ranking of the factors but not their amounts, and say why (%s)', (lang) => {
    const e = explainDecision({ decision: contradicting, model: tariff, lang, restricted: false });
    expect(Explanation.parse(e)).toEqual(e);
    expect(e.factors.map((f) => [f.feature, f.impact])).toEqual([
      ['claims_12m', 'raised'],
      ['inflation_pct', 'raised'],
      ['years_insured', 'lowered'],
    ]);
    for (const factor of e.factors) expect(plain(factor.text)).not.toMatch(/€|\d[.,]\d\d/);
    expect(e.figuresNotice).toBe(TEXTS[lang].figuresNotReconciled);
    expect(plain(e.headline)).toContain(plain(formatMoney(3195, 'EUR', lang)));
    expect(plain(allStrings(e).join('\n'))).not.toContain(plain(formatMoney(999_999, 'EUR', lang)));
    expect(e.details.join('\n')).not.toContain(plain(formatMoney(115_000, 'EUR', lang)));
  });

  it('are withheld too when the decision carries the ingest finding, and shown when they add up', () => {
    const flagged = renewal({ findings: [{ code: 'explanation_inconsistent', message: 'recorded so at ingest' }] });
    expect(explainDecision({ decision: flagged, model: tariff, lang: 'en', restricted: false }).figuresNotice).not.toBeNull();
    const fine = explainDecision({ decision: renewal(), model: tariff, lang: 'en', restricted: false });
    expect(fine.figuresNotice).toBeNull();
    expect(fine.details).toContain('The model starts from a base premium of €1,150.00; the amounts of the factors are measured from it.');
  });

  it('name the base score a fraud check starts from, so its points add up to the score', () => {
    const base = fraud({
      score: 0.8,
      rationale: {
        reasonCodes: [],
        contributions: [
          { feature: 'claim_amount_cents', contribution: 0.35 },
          { feature: 'provider_on_watchlist', contribution: 0.4 },
        ],
        baseline: 0.05,
      },
    });
    const e = explainDecision({ decision: base, model: screen, lang: 'nl', restricted: false });
    expect(e.figuresNotice).toBeNull();
    expect(e.details).toContain('Het model vertrekt van een basisscore van 5; elke factor telt daar iets bij op of trekt er iets van af.');
  });
});

describe('coverage gaps', () => {
  const unlabelled = renewal({
    inputs: { ...renewal().inputs, mystery_factor: 2, region: 'Atlantis' },
    rationale: {
      reasonCodes: [{ code: 'CLAIMS' }, { code: 'NEW_CODE' }],
      contributions: [
        { feature: 'mystery_factor', contribution: 9000 },
        { feature: 'region', contribution: 100 },
      ],
    },
  });

  it('falls back visibly to the raw name, marked, and reports each missing text as a gap', () => {
    const en = explainDecision({ decision: unlabelled, model: tariff, lang: 'en', restricted: false });
    expect(en.factors[0]!.label).toBe('"mystery_factor" (no description yet)');
    expect(en.factors[0]!.text).toBe('"mystery_factor" (no description yet) (2) raised your premium by €90.00.');
    expect(en.factors[1]!.text).toContain('"Atlantis" (no description yet)');
    expect(en.reasons).toEqual(['You made claims.', '"NEW_CODE" (no description yet)']);
    expect(en.coverageGaps).toEqual([
      { kind: 'feature_label', key: 'mystery_factor' },
      { kind: 'value_label', key: 'region=Atlantis' },
      { kind: 'reason_code', key: 'NEW_CODE' },
    ]);
    const nl = explainDecision({ decision: unlabelled, model: tariff, lang: 'nl', restricted: false });
    expect(nl.factors[0]!.label).toBe('"mystery_factor" (nog geen omschrijving)');
    const fr = explainDecision({ decision: unlabelled, model: tariff, lang: 'fr', restricted: false });
    expect(plain(fr.factors[0]!.label)).toBe('« mystery_factor » (pas encore de description)');
  });

  it('missingLabels lists every gap of the decision, including inputs that are not among the factors', () => {
    expect(missingLabels(tariff, unlabelled)).toEqual(expect.arrayContaining([{ kind: 'feature_label', key: 'mystery_factor' }]));
    expect(missingLabels(tariff, renewal())).toEqual([]);
    expect(missingLabels(null, renewal())).toEqual([{ kind: 'model', key: 'tariff@1' }]);
  });

  it('reports a missing or mismatched registry entry as a model gap and still explains', () => {
    for (const model of [null, { ...tariff, version: '2' }]) {
      const e = explainDecision({ decision: renewal(), model, lang: 'en', restricted: false });
      expect(e.coverageGaps).toEqual([{ kind: 'model', key: 'tariff@1' }]);
      expect(e.factors[0]!.text).toBe('"claims_12m" (no description yet) (3) raised your premium by €90.00.');
    }
  });
});

const screen = ModelEntry.parse({
  modelId: 'screen',
  version: '3',
  type: 'fraud_flag',
  owner: 'Claims integrity team',
  decides: t('It checks claims.', 'Het controleert claims.', 'Il contrôle les demandes.'),
  description: t('Points per warning sign.', 'Punten per signaal.', 'Des points par signal.'),
  features: {
    claim_amount_cents: { label: t('Amount claimed', 'Gevraagd bedrag', 'Montant demandé'), unit: 'cents' },
    days_since_policy_start: { label: t('Time since your policy started', 'Tijd sinds de start', 'Temps depuis le début'), unit: 'days' },
    provider_on_watchlist: { label: t('Care provider on our watch list', 'Zorgverlener op controlelijst', 'Prestataire surveillé'), unit: 'boolean' },
    claim_type: { label: t('Type of claim', 'Soort claim', 'Type de demande'), unit: 'text', valueLabels: { luggage: t('luggage', 'bagage', 'bagages') } },
  },
  reasonCodes: {
    EARLY_CLAIM: t('The claim came early.', 'De claim kwam vroeg.', 'La demande est arrivée tôt.'),
    PROVIDER_WATCHLIST: t('Provider is watched.', 'Zorgverlener wordt gevolgd.', 'Prestataire surveillé.'),
  },
});

function fraud(over: { inputs?: Decision['inputs']; score?: number; rationale?: Decision['rationale'] } = {}): Decision {
  const score = over.score ?? 0.9123;
  const output = { claimId: 'C-77', score, threshold: 0.7, flagged: true, action: 'refer_investigation' as const };
  return {
    ...recorded,
    type: 'fraud_flag',
    idempotencyKey: 'k2',
    subject: { memberId: 'M-1', claimId: 'C-77' },
    model: { id: 'screen', version: '3' },
    decidedAt: '2026-05-01T10:00:00.000Z',
    legalBasis: 'law',
    specialCategoryData: false,
    inputs: over.inputs ?? { claim_amount_cents: 487_654, days_since_policy_start: 12, provider_on_watchlist: true, claim_type: 'luggage' },
    output,
    effectiveOutcome: output,
    rationale: over.rationale ?? {
      reasonCodes: [{ code: 'EARLY_CLAIM' }, { code: 'PROVIDER_WATCHLIST' }, { code: 'UNLABELLED_CODE' }],
      contributions: [
        { feature: 'claim_amount_cents', contribution: 0.35 },
        { feature: 'days_since_policy_start', contribution: 0.18 },
        { feature: 'provider_on_watchlist', contribution: 0.22 },
      ],
      counterfactuals: [{ feature: 'provider_on_watchlist', from: true, to: false, outcome: 'not held for review' }],
    },
  };
}

describe('a fraud flag', () => {
  it('without an open case, explains in score points out of 100', () => {
    const e = explainDecision({ decision: fraud(), model: screen, lang: 'en', restricted: false });
    expect(e.headline).toBe('An automated check has passed your claim C-77 on to a staff member for a closer look.');
    expect(e.factors[0]!.text).toBe("Amount claimed (€4,876.54) added 35 points to the check's score.");
    expect(e.factors[2]!.text).toBe("Time since your policy started (12 days) added 18 points to the check's score.");
    expect(e.whatCouldChange).toEqual(['Care provider on our watch list: with “no” instead of “yes”, your claim would not have been held for a check.']);
    expect(e.details).toContain('The check gives every claim a score from 0 to 100. Your claim scored 91.2; from 70 on, a staff member looks at the claim.');
  });

  describe('while a case is open (restricted)', () => {
    const forbidden = (lang: Lang) => [
      ...Object.keys(fraud().inputs),
      'EARLY_CLAIM',
      'PROVIDER_WATCHLIST',
      'UNLABELLED_CODE',
      ...Object.values(screen.reasonCodes).flatMap((text) => Object.values(text)),
      ...Object.values(screen.features).map((f) => f.label[lang]),
      'luggage',
      'bagage',
      screen.description[lang],
      '4876',
      '4.876',
      '4,876',
      '12 d',
      '12 j',
      '91',
      '35',
      '18',
      '22',
      'not held for review',
    ];

    it.each(Lang.options)('shows only the headline and the rights, and leaks no indicator (%s)', (lang) => {
      const e = explainDecision({ decision: fraud(), model: screen, lang, restricted: true });
      expect(e.restricted).toBe(true);
      expect(e.factors).toEqual([]);
      expect(e.whatCouldChange).toEqual([]);
      expect(e.reasons).toEqual([]);
      expect(e.details).toEqual([]);
      expect(e.coverageGaps).toEqual([]);
      expect(e.rights).toHaveLength(4);
      expect(e.headline).toContain('C-77');
      const text = plain(allStrings(e).join('\n'));
      for (const secret of forbidden(lang)) expect(text, `leaked ${secret}`).not.toContain(plain(secret));
    });

    it('is the same whatever the inputs, rationale, score or registry say', () => {
      const other = fraud({ inputs: { x: 1 }, score: 0.75, rationale: { reasonCodes: [], contributions: [{ feature: 'x', contribution: 0.7 }] } });
      for (const lang of Lang.options) {
        expect(explainDecision({ decision: other, model: null, lang, restricted: true })).toEqual(
          explainDecision({ decision: fraud(), model: screen, lang, restricted: true }),
        );
      }
    });
  });
});

describe('a risk score', () => {
  it('names the band in words', () => {
    const output = { score: 0.62, band: 'very_high' as const };
    const decision: Decision = {
      ...recorded,
      type: 'risk_score',
      idempotencyKey: 'k3',
      subject: { memberId: 'M-1' },
      model: { id: 'risk', version: '1' },
      decidedAt: '2026-05-01T10:00:00.000Z',
      legalBasis: 'consent',
      specialCategoryData: true,
      inputs: { claims: 5 },
      output,
      effectiveOutcome: output,
      rationale: { reasonCodes: [], contributions: [{ feature: 'claims', contribution: 0.01 }] },
    };
    const headline = (lang: Lang) => explainDecision({ decision, model: null, lang, restricted: false }).headline;
    expect(headline('en')).toBe('Our risk model places you in the very high risk group.');
    expect(headline('nl')).toBe('Ons risicomodel plaatst u in de groep met zeer hoog risico.');
    expect(headline('fr')).toBe('Notre modèle de risque vous place dans le groupe à risque très élevé.');
    expect(explainDecision({ decision, model: null, lang: 'fr', restricted: false }).factors[0]!.text).toContain('1 point à votre score');
  });
});
