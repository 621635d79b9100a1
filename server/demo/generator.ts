import type { NewDecisionInput } from '@shared/schemas/decision';
import { seededRandom, type Random } from './random';

/**
 * Three synthetic but coherent models. Their numbers hold together the way a reviewer would
 * check them: tariff contributions add up to the premium change exactly; the fraud score is the
 * sum of its contributions and is flagged exactly when it reaches the threshold; risk bands
 * follow the score.
 */
export const DEMO_MODELS = {
  renewal: { id: 'renewal-tariff', versions: ['2026.1', '2026.2'] },
  fraud: { id: 'claims-fraud-screen', versions: ['3.1', '3.2'] },
  risk: { id: 'claims-risk-score', versions: ['1.4'] },
} as const;

export const AGE_BANDS = ['18-29', '30-44', '45-59', '60-74', '75+'] as const;
export const REGIONS = ['Flanders', 'Wallonia', 'Brussels'] as const;
export const FRAUD_THRESHOLD = 0.7;

export interface Member {
  memberId: string;
  policyId: string;
  ageBand: (typeof AGE_BANDS)[number];
  region: (typeof REGIONS)[number];
  yearsInsured: number;
  premiumCents: number;
}

export function demoMembers(count: number, random: Random): Member[] {
  return Array.from({ length: count }, (_, i) => ({
    memberId: `M-${1001 + i}`,
    policyId: `P-${5001 + i}`,
    ageBand: i === 0 ? '30-44' : i === 1 ? '60-74' : random.pick(AGE_BANDS),
    region: i === 0 ? 'Flanders' : i === 1 ? 'Wallonia' : random.pick(REGIONS),
    yearsInsured: random.int(0, 25),
    premiumCents: random.int(60, 240) * 1000,
  }));
}

const AGE_LOADING: Record<string, number> = { '18-29': -1500, '30-44': 0, '45-59': 2500, '60-74': 5500, '75+': 9000 };
const REGION_LOADING: Record<string, number> = { Flanders: 0, Wallonia: 1200, Brussels: 2400 };

function renewal(m: Member, version: string, random: Random, decidedAt: string, key: string, forceIncrease: boolean): NewDecisionInput {
  const claims = forceIncrease ? 3 : random.int(0, 4);
  const claimsCost = claims * 3000;
  const inputs = {
    age_band: m.ageBand,
    region: m.region,
    claims_last_12m: claims,
    years_insured: m.yearsInsured,
    hospital_cover: random.chance(0.5),
    medical_inflation_pct: 4.5,
  };
  const contributions = [
    { feature: 'claims_last_12m', contribution: claimsCost },
    { feature: 'medical_inflation_pct', contribution: Math.round(m.premiumCents * 0.045) },
    { feature: 'age_band', contribution: AGE_LOADING[m.ageBand]! },
    { feature: 'region', contribution: REGION_LOADING[m.region]! },
    { feature: 'years_insured', contribution: -Math.min(m.yearsInsured, 10) * 400 },
    { feature: 'hospital_cover', contribution: inputs.hospital_cover ? 1800 : 0 },
  ].filter((c) => c.contribution !== 0);
  const change = contributions.reduce((sum, c) => sum + c.contribution, 0);
  const newPremium = Math.max(0, m.premiumCents + change);
  const reasonCodes = [
    ...(claims > 0 ? [{ code: 'CLAIMS_HISTORY' }] : []),
    { code: 'MEDICAL_INFLATION' },
    ...(m.yearsInsured > 0 ? [{ code: 'LOYALTY_DISCOUNT' }] : []),
  ];
  return {
    type: 'renewal_price',
    idempotencyKey: key,
    subject: { memberId: m.memberId, policyId: m.policyId },
    model: { id: DEMO_MODELS.renewal.id, version },
    decidedAt,
    legalBasis: 'contract',
    specialCategoryData: false,
    inputs,
    output: { currency: 'EUR', previousPremiumCents: m.premiumCents, newPremiumCents: newPremium },
    rationale: {
      reasonCodes,
      contributions,
      counterfactuals:
        claims > 0 ? [{ feature: 'claims_last_12m', from: claims, to: 0, outcome: `premium of ${((newPremium - claimsCost) / 100).toFixed(2)} EUR` }] : [],
      summary: 'Annual renewal under the published tariff.',
    },
  };
}

function fraud(m: Member, version: string, random: Random, decidedAt: string, key: string, claimNo: number, forceFlag: boolean): NewDecisionInput {
  const claimId = `C-${m.memberId.slice(2)}-${claimNo}`;
  const amount = forceFlag ? 480_000 : random.int(50, 6000) * 100;
  const daysSinceStart = forceFlag ? 12 : random.int(5, 3000);
  const prior = random.int(0, 5);
  const providerFlagged = forceFlag || random.chance(0.05);
  const contributions = [
    { feature: 'claim_amount_cents', contribution: round4(Math.min(amount / 1_000_000, 0.35)) },
    { feature: 'days_since_policy_start', contribution: daysSinceStart < 60 ? 0.18 : 0 },
    { feature: 'prior_claims_24m', contribution: round4(prior * 0.03) },
    { feature: 'provider_on_watchlist', contribution: providerFlagged ? 0.22 : 0 },
  ].filter((c) => c.contribution !== 0);
  const base = 0.05;
  const score = round4(Math.min(1, base + contributions.reduce((s, c) => s + c.contribution, 0)));
  const flagged = score >= FRAUD_THRESHOLD;
  return {
    type: 'fraud_flag',
    idempotencyKey: key,
    subject: { memberId: m.memberId, policyId: m.policyId, claimId },
    model: { id: DEMO_MODELS.fraud.id, version },
    decidedAt,
    legalBasis: 'law',
    specialCategoryData: false,
    inputs: {
      claim_amount_cents: amount,
      days_since_policy_start: daysSinceStart,
      prior_claims_24m: prior,
      provider_on_watchlist: providerFlagged,
      claim_type: random.pick(['hospital', 'outpatient', 'travel_medical', 'luggage']),
      age_band: m.ageBand,
      region: m.region,
    },
    output: { claimId, score, threshold: FRAUD_THRESHOLD, flagged, action: !flagged ? 'none' : score >= 0.85 ? 'refer_investigation' : 'hold_payment' },
    rationale: {
      reasonCodes: [
        ...(amount > 300_000 ? [{ code: 'HIGH_CLAIM_AMOUNT' }] : []),
        ...(daysSinceStart < 60 ? [{ code: 'EARLY_CLAIM' }] : []),
        ...(providerFlagged ? [{ code: 'PROVIDER_WATCHLIST' }] : []),
      ],
      contributions,
      counterfactuals: flagged ? [{ feature: 'provider_on_watchlist', from: providerFlagged, to: false, outcome: 'not held for review' }] : [],
    },
  };
}

function risk(m: Member, version: string, random: Random, decidedAt: string, key: string): NewDecisionInput {
  const claims = random.int(0, 8);
  const chronic = random.chance(0.15);
  const contributions = [
    { feature: 'claims_last_36m', contribution: round4(claims * 0.06) },
    { feature: 'age_band', contribution: round4(AGE_BANDS.indexOf(m.ageBand) * 0.04) },
    { feature: 'chronic_condition', contribution: chronic ? 0.2 : 0 },
  ].filter((c) => c.contribution !== 0);
  const score = round4(Math.min(1, 0.05 + contributions.reduce((s, c) => s + c.contribution, 0)));
  const band = score < 0.25 ? 'low' : score < 0.5 ? 'medium' : score < 0.75 ? 'high' : 'very_high';
  return {
    type: 'risk_score',
    idempotencyKey: key,
    subject: { memberId: m.memberId, policyId: m.policyId },
    model: { id: DEMO_MODELS.risk.id, version },
    decidedAt,
    legalBasis: 'consent',
    specialCategoryData: chronic,
    inputs: { claims_last_36m: claims, age_band: m.ageBand, region: m.region, chronic_condition: chronic },
    output: { score, band },
    rationale: {
      reasonCodes: [...(claims > 3 ? [{ code: 'FREQUENT_CLAIMS' }] : []), ...(chronic ? [{ code: 'CHRONIC_CONDITION' }] : [])],
      contributions,
      counterfactuals: claims > 3 ? [{ feature: 'claims_last_36m', from: claims, to: 2, outcome: 'a lower risk band' }] : [],
    },
  };
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

export interface GenerateOptions {
  count: number;
  members: number;
  seed?: number;
  /** Decisions fall in the `days` before `now`. */
  now: Date;
  days?: number;
  keyPrefix?: string;
  /**
   * Decision times rise with the sequence, as from a live scoring service that logs each
   * decision as it is made; otherwise they are spread at random over the period (a backfill).
   */
  chronological?: boolean;
}

/**
 * Yields decisions lazily, so a benchmark can stream a million of them. The first members
 * (M-1001 anna, M-1002 bram) get every type, including a renewal with a clear increase and a
 * flagged fraud check.
 */
export function* generateDecisions(options: GenerateOptions): Generator<NewDecisionInput> {
  const random = seededRandom(options.seed ?? 42);
  const members = demoMembers(options.members, random);
  const days = options.days ?? 90;
  const span = days * 86_400_000;
  const prefix = options.keyPrefix ?? 'demo';
  const at = (fraction: number) => new Date(options.now.getTime() - span + Math.floor(fraction * span)).toISOString();
  const versionFor = (versions: readonly string[], fraction: number) => versions[Math.min(versions.length - 1, Math.floor(fraction * versions.length))]!;
  for (let i = 0; i < options.count; i++) {
    const key = `${prefix}-${i}`;
    // The first ten decisions belong to anna and bram: each gets every type, deterministically.
    if (i < 10 && members.length >= 2) {
      const m = members[i % 2]!;
      const slot = Math.floor(i / 2);
      const fraction = 0.3 + slot * 0.15;
      if (slot === 0) yield renewal(m, DEMO_MODELS.renewal.versions[1], random, at(0.95), key, true);
      else if (slot === 1) yield fraud(m, DEMO_MODELS.fraud.versions[1], random, at(0.9), key, 1, true);
      else if (slot === 2) yield risk(m, DEMO_MODELS.risk.versions[0], random, at(fraction), key);
      else if (slot === 3) yield renewal(m, DEMO_MODELS.renewal.versions[0], random, at(0.2), key, false);
      else yield fraud(m, DEMO_MODELS.fraud.versions[0], random, at(fraction), key, 2, false);
      continue;
    }
    const m = random.pick(members);
    const draw = random.next();
    const fraction = options.chronological ? (i + draw) / options.count : draw;
    const kind = random.next();
    if (kind < 0.4) yield renewal(m, versionFor(DEMO_MODELS.renewal.versions, fraction), random, at(fraction), key, false);
    else if (kind < 0.75) yield fraud(m, versionFor(DEMO_MODELS.fraud.versions, fraction), random, at(fraction), key, i, false);
    else yield risk(m, DEMO_MODELS.risk.versions[0], random, at(fraction), key);
  }
}
