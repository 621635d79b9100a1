import type { NewDecisionInput } from '@shared/schemas/decision';
import { seededRandom, type Random } from './random';

/**
 * Three synthetic but coherent models. Their numbers hold together the way a reviewer (and
 * ingest, see shared/explain/reconcile.ts) checks them: every rationale names the model's base
 * value in `baseline`, and baseline + contributions is the output exactly; a fraud check is
 * flagged exactly when its score reaches the threshold, and only a flagged claim is held or
 * referred; risk bands follow the score; counterfactuals are computed from the same
 * contributions. A policy renews once a year, on its anniversary, and each renewal starts from
 * the premium the previous one set.
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
const CLAIM_LOADING_CENTS = 3000;
const MEDICAL_INFLATION_PCT = 4.5;
/** Every claim starts at this score before its warning signs add to it. */
const FRAUD_BASE = 0.05;
/** From this score on, a flagged claim goes to an investigator instead of waiting for a check. */
const REFER_FROM = 0.85;
const RISK_BASE = 0.05;
const RISK_POINTS_PER_CLAIM = 0.06;
const RISK_BANDS = ['low', 'medium', 'high', 'very_high'] as const;
const bandOf = (score: number) => RISK_BANDS[score < 0.25 ? 0 : score < 0.5 ? 1 : score < 0.75 ? 2 : 3];
/** Of the decisions that are not renewals, this share are fraud checks (one per claim); the rest risk scores. */
const FRAUD_SHARE = 0.6;
const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
const sum = (contributions: { contribution: number }[]) => contributions.reduce((total, c) => total + c.contribution, 0);
const euros = (cents: number) => (cents / 100).toFixed(2);

interface RenewalTerms {
  previousPremiumCents: number;
  claims: number;
  yearsInsured: number;
  hospitalCover: boolean;
}

/** The published tariff: the current premium plus a fixed amount per factor. */
function renewal(m: Member, terms: RenewalTerms, version: string, decidedAt: string, key: string): NewDecisionInput {
  const { previousPremiumCents, claims } = terms;
  const inputs = {
    age_band: m.ageBand,
    region: m.region,
    claims_last_12m: claims,
    years_insured: terms.yearsInsured,
    hospital_cover: terms.hospitalCover,
    medical_inflation_pct: MEDICAL_INFLATION_PCT,
  };
  const claimsCost = claims * CLAIM_LOADING_CENTS;
  const contributions = [
    { feature: 'claims_last_12m', contribution: claimsCost },
    { feature: 'medical_inflation_pct', contribution: Math.round((previousPremiumCents * MEDICAL_INFLATION_PCT) / 100) },
    { feature: 'age_band', contribution: AGE_LOADING[m.ageBand]! },
    { feature: 'region', contribution: REGION_LOADING[m.region]! },
    { feature: 'years_insured', contribution: -Math.min(terms.yearsInsured, 10) * 400 },
    { feature: 'hospital_cover', contribution: terms.hospitalCover ? 1800 : 0 },
  ].filter((c) => c.contribution !== 0);
  const newPremium = previousPremiumCents + sum(contributions);
  const reasonCodes = [
    ...(claims > 0 ? [{ code: 'CLAIMS_HISTORY' }] : []),
    { code: 'MEDICAL_INFLATION' },
    ...(terms.yearsInsured > 0 ? [{ code: 'LOYALTY_DISCOUNT' }] : []),
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
    output: { currency: 'EUR', previousPremiumCents, newPremiumCents: newPremium },
    rationale: {
      reasonCodes,
      contributions,
      counterfactuals: claims > 0 ? [{ feature: 'claims_last_12m', from: claims, to: 0, outcome: `premium of ${euros(newPremium - claimsCost)} EUR` }] : [],
      summary: 'Annual renewal under the published tariff.',
      baseline: previousPremiumCents,
    },
  };
}

function fraud(m: Member, version: string, random: Random, decidedAt: string, key: string, claimNo: number, forceFlag: boolean): NewDecisionInput {
  const claimId = `C-${m.memberId.slice(2)}-${claimNo}`;
  // A forced flag (the story's held claims) scores 0.80: held for a check, not referred.
  const amount = forceFlag ? 480_000 : random.int(50, 6000) * 100;
  const daysSinceStart = forceFlag ? 12 : random.int(5, 3000);
  const prior = forceFlag ? 0 : random.int(0, 5);
  const providerFlagged = forceFlag || random.chance(0.05);
  const inputs = {
    claim_amount_cents: amount,
    days_since_policy_start: daysSinceStart,
    prior_claims_24m: prior,
    provider_on_watchlist: providerFlagged,
    claim_type: random.pick(['hospital', 'outpatient', 'travel_medical', 'luggage']),
    age_band: m.ageBand,
    region: m.region,
  };
  const contributions = [
    { feature: 'claim_amount_cents', contribution: round4(Math.min(amount / 1_000_000, 0.35)) },
    { feature: 'days_since_policy_start', contribution: daysSinceStart < 60 ? 0.18 : 0 },
    { feature: 'prior_claims_24m', contribution: round4(prior * 0.03) },
    { feature: 'provider_on_watchlist', contribution: providerFlagged ? 0.22 : 0 },
  ].filter((c) => c.contribution !== 0);
  const score = round4(FRAUD_BASE + sum(contributions));
  const flagged = score >= FRAUD_THRESHOLD;
  return {
    type: 'fraud_flag',
    idempotencyKey: key,
    subject: { memberId: m.memberId, policyId: m.policyId, claimId },
    model: { id: DEMO_MODELS.fraud.id, version },
    decidedAt,
    legalBasis: 'law',
    specialCategoryData: false,
    inputs,
    output: { claimId, score, threshold: FRAUD_THRESHOLD, flagged, action: !flagged ? 'none' : score >= REFER_FROM ? 'refer_investigation' : 'hold_payment' },
    rationale: {
      reasonCodes: [
        ...(amount > 300_000 ? [{ code: 'HIGH_CLAIM_AMOUNT' }] : []),
        ...(daysSinceStart < 60 ? [{ code: 'EARLY_CLAIM' }] : []),
        ...(providerFlagged ? [{ code: 'PROVIDER_WATCHLIST' }] : []),
      ],
      contributions,
      counterfactuals: flagged ? fraudCounterfactuals(inputs, contributions, score) : [],
      baseline: FRAUD_BASE,
    },
  };
}

/** The changes of one input that would have kept the claim under the threshold, from its own contributions. */
function fraudCounterfactuals(inputs: Record<string, number | string | boolean>, contributions: { feature: string; contribution: number }[], score: number) {
  const changes = [
    { feature: 'provider_on_watchlist', to: false },
    { feature: 'days_since_policy_start', to: 60 },
    { feature: 'prior_claims_24m', to: 0 },
  ];
  return changes.flatMap(({ feature, to }) => {
    const contribution = contributions.find((c) => c.feature === feature)?.contribution ?? 0;
    const without = round4(score - contribution);
    if (contribution <= 0 || without >= FRAUD_THRESHOLD) return [];
    return [{ feature, from: inputs[feature]!, to, outcome: `score ${without}, under the threshold ${FRAUD_THRESHOLD}: not held` }];
  });
}

function risk(m: Member, version: string, random: Random, decidedAt: string, key: string): NewDecisionInput {
  const claims = random.int(0, 8);
  const chronic = random.chance(0.15);
  const claimPoints = (n: number) => round4(n * RISK_POINTS_PER_CLAIM);
  const contributions = [
    { feature: 'claims_last_36m', contribution: claimPoints(claims) },
    { feature: 'age_band', contribution: round4(AGE_BANDS.indexOf(m.ageBand) * 0.04) },
    { feature: 'chronic_condition', contribution: chronic ? 0.2 : 0 },
  ].filter((c) => c.contribution !== 0);
  const score = round4(RISK_BASE + sum(contributions));
  const band = bandOf(score);
  // The most claims that would still have given a lower band, if any: computed, not assumed.
  const counterfactuals = [];
  for (let fewer = claims - 1; fewer >= 0; fewer--) {
    const lower = round4(score - claimPoints(claims) + claimPoints(fewer));
    if (RISK_BANDS.indexOf(bandOf(lower)) < RISK_BANDS.indexOf(band)) {
      counterfactuals.push({ feature: 'claims_last_36m', from: claims, to: fewer, outcome: `score ${lower}: ${bandOf(lower)} risk` });
      break;
    }
  }
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
      counterfactuals,
      baseline: RISK_BASE,
    },
  };
}

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

/** When each policy renews in the period: on its anniversary, once a year, oldest first. */
function renewalDates(members: Member[], calendar: Random, start: number, end: number): { member: Member; at: number }[] {
  const dates: { member: Member; at: number }[] = [];
  for (const member of members) {
    const lastAnniversary = end - Math.floor(calendar.next() * YEAR_MS);
    for (let at = lastAnniversary; at > start; at -= YEAR_MS) dates.push({ member, at });
  }
  return dates.sort((a, b) => a.at - b.at);
}

/**
 * Yields decisions lazily, so a benchmark can stream a million of them. It opens with a story
 * (server/demo/seed.ts files its cases on these keys): anna (M-1001) and bram (M-1002) get every
 * type, including a renewal with a clear increase and a held claim (keys 0 to 9); M-1003 a
 * renewal to contest by phone (10); M-1004 a renewal increase, M-1005 a held claim and M-1006 a
 * risk score that the seed's letters and calls are about (11 to 13); anna's and bram's second
 * policies, renewed a year ago and in the period (14 to 17). Then each other policy's
 * renewal on its anniversary, spread over the sequence in time order, between fraud checks and
 * risk scores of members picked at random.
 */
export function* generateDecisions(options: GenerateOptions): Generator<NewDecisionInput> {
  const random = seededRandom(options.seed ?? 42);
  const members = demoMembers(options.members, random);
  // Anniversaries come from a stream of their own: the members and the story draw what they always drew.
  const calendar = seededRandom((options.seed ?? 42) ^ 0x5eed);
  const days = options.days ?? 90;
  const end = options.now.getTime();
  const span = days * DAY_MS;
  const start = end - span;
  const prefix = options.keyPrefix ?? 'demo';
  const at = (fraction: number) => new Date(start + Math.floor(fraction * span)).toISOString();
  const daysAgo = (n: number) => new Date(Math.max(start, end - n * DAY_MS)).toISOString();
  const fractionOf = (iso: string) => (Date.parse(iso) - start) / span;
  const versionFor = (versions: readonly string[], fraction: number) =>
    versions[Math.max(0, Math.min(versions.length - 1, Math.floor(fraction * versions.length)))]!;

  // Each renewal starts from the premium the previous one set, a year more insured, with the same cover.
  const hospitalCover = new Map<string, boolean>();
  const renewalOf = (m: Member, decidedAt: string, key: string, claims = random.int(0, 4)) => {
    let cover = hospitalCover.get(m.policyId);
    if (cover === undefined) hospitalCover.set(m.policyId, (cover = random.chance(0.5)));
    const decision = renewal(
      m,
      { previousPremiumCents: m.premiumCents, claims, yearsInsured: m.yearsInsured, hospitalCover: cover },
      versionFor(DEMO_MODELS.renewal.versions, fractionOf(decidedAt)),
      decidedAt,
      key,
    );
    if (decision.type === 'renewal_price') m.premiumCents = decision.output.newPremiumCents;
    m.yearsInsured += 1;
    return decision;
  };

  const { fraud: fraudModel, risk: riskModel } = DEMO_MODELS;
  const story: ((key: string) => NewDecisionInput)[] = [];
  /** Policies whose one renewal of the period is part of the story, so not renewed again. */
  const renewedInStory = new Set<Member>();
  if (members.length >= 2) {
    const [anna, bram] = [members[0]!, members[1]!];
    renewedInStory.add(anna).add(bram);
    story.push(
      (key) => renewalOf(anna, at(0.95), key, 3),
      (key) => renewalOf(bram, at(0.95), key, 3),
      (key) => fraud(anna, fraudModel.versions[1], random, at(0.9), key, 1, true),
      (key) => fraud(bram, fraudModel.versions[1], random, at(0.9), key, 1, true),
      (key) => risk(anna, riskModel.versions[0], random, at(0.6), key),
      (key) => risk(bram, riskModel.versions[0], random, at(0.6), key),
      (key) => risk(anna, riskModel.versions[0], random, at(0.2), key),
      (key) => risk(bram, riskModel.versions[0], random, at(0.2), key),
      (key) => fraud(anna, fraudModel.versions[0], random, at(0.9), key, 2, false),
      (key) => fraud(bram, fraudModel.versions[0], random, at(0.9), key, 2, false),
    );
  }
  if (members.length >= 6) {
    const [m1003, m1004, m1005, m1006] = [members[2]!, members[3]!, members[4]!, members[5]!];
    renewedInStory.add(m1003).add(m1004);
    story.push(
      (key) => renewalOf(m1003, daysAgo(31), key),
      (key) => renewalOf(m1004, daysAgo(44), key, 3),
      (key) => fraud(m1005, fraudModel.versions[1], random, daysAgo(14), key, 1, true),
      (key) => risk(m1006, riskModel.versions[0], random, daysAgo(5), key),
    );
  }
  if (members.length >= 2) {
    // anna and bram hold a second policy too, renewed a year ago and again in the period, so
    // each sees several renewals whose premiums chain (and a decrease beside the increase).
    for (const [index, m] of [members[0]!, members[1]!].entries()) {
      const second: Member = { ...m, policyId: `P-${7001 + index}`, yearsInsured: 6 + index, premiumCents: 96_000 + index * 12_000 };
      const renewedAt = Date.parse(at(0.4));
      story.push(
        (key) => renewalOf(second, new Date(renewedAt - YEAR_MS).toISOString(), key, 2),
        (key) => renewalOf(second, new Date(renewedAt).toISOString(), key, 0),
      );
    }
  }
  const renewals = renewalDates(members, calendar, start, end).filter((r) => !renewedInStory.has(r.member));

  let nextRenewal = 0;
  for (let i = 0; i < options.count; i++) {
    const key = `${prefix}-${i}`;
    const told = story[i];
    if (told) {
      yield told(key);
      continue;
    }
    const due = renewals[nextRenewal];
    if (due && (due.at - start) / span <= (i + 1) / options.count) {
      nextRenewal++;
      yield renewalOf(due.member, new Date(due.at).toISOString(), key);
      continue;
    }
    const m = random.pick(members);
    const draw = random.next();
    const fraction = options.chronological ? (i + draw) / options.count : draw;
    if (random.next() < FRAUD_SHARE) yield fraud(m, versionFor(fraudModel.versions, fraction), random, at(fraction), key, i, false);
    else yield risk(m, riskModel.versions[0], random, at(fraction), key);
  }
}
