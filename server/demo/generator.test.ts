import { describe, expect, it } from 'vitest';
import { reconcileContributions } from '@shared/explain';
import type { NewDecision } from '@shared/schemas/decision';
import { complianceFindings, validateItem } from '../decisions/ingest';
import { defaultPolicies } from '../domain/policies';
import { generateDecisions, type GenerateOptions } from './generator';
import { demoDecisions } from './seed';

const NOW = new Date('2026-11-25T12:00:00.000Z');
const DAY_MS = 86_400_000;

/** Every generated decision as ingest validates it, with the findings it would be recorded with. */
function ingested(decisions: Iterable<unknown>, now = NOW) {
  return [...decisions].map((raw, i) => {
    const item = validateItem(raw, now);
    if (!item.ok) throw new Error(`decision ${i} refused: ${JSON.stringify(item.errors)}`);
    return { decision: item.decision, findings: complianceFindings(item.decision, defaultPolicies()) };
  });
}

const byKey = (decisions: NewDecision[]) => new Map(decisions.map((d) => [d.idempotencyKey, d]));
type Of<T extends NewDecision['type']> = Extract<NewDecision, { type: T }>;
const ofType = <T extends NewDecision['type']>(decisions: NewDecision[], type: T) => decisions.filter((d): d is Of<T> => d.type === type);

/** Renewals per policy, oldest first. */
function renewalsPerPolicy(decisions: NewDecision[]) {
  const policies = new Map<string, Of<'renewal_price'>[]>();
  for (const d of ofType(decisions, 'renewal_price')) policies.set(d.subject.policyId!, [...(policies.get(d.subject.policyId!) ?? []), d]);
  for (const list of policies.values()) list.sort((a, b) => a.decidedAt.localeCompare(b.decidedAt));
  return policies;
}

describe('the demo data set', () => {
  const seeded = ingested(demoDecisions(NOW));
  const decisions = seeded.map((s) => s.decision);

  it('passes ingest, every decision with no finding at all', () => {
    expect(decisions).toHaveLength(3000);
    expect(seeded.filter((s) => s.findings.length > 0).map((s) => [s.decision.idempotencyKey, s.findings])).toEqual([]);
  });

  it('names the base value in every rationale, and base + contributions is the output exactly', () => {
    for (const d of decisions) {
      expect(d.rationale.baseline, d.idempotencyKey).toBeDefined();
      const r = reconcileContributions(d);
      expect(Math.abs(r.explained - r.value), d.idempotencyKey).toBeLessThan(1e-9);
    }
  });

  it('flags a claim exactly when its score reaches the threshold, and holds or refers only a flagged claim', () => {
    const checks = ofType(decisions, 'fraud_flag');
    for (const { output } of checks) {
      expect(output.flagged).toBe(output.score >= output.threshold);
      expect(output.action === 'none').toBe(!output.flagged);
    }
    expect(checks.some((d) => d.output.action === 'hold_payment')).toBe(true);
  });

  it('computes each counterfactual from the contributions: the change it names really changes the outcome', () => {
    for (const d of ofType(decisions, 'fraud_flag')) {
      for (const c of d.rationale.counterfactuals ?? []) {
        const without = d.output.score - d.rationale.contributions.find((x) => x.feature === c.feature)!.contribution;
        expect(without, d.idempotencyKey).toBeLessThan(d.output.threshold);
        expect(c.outcome).toContain(String(Math.round(without * 10_000) / 10_000));
      }
      if (!d.output.flagged) expect(d.rationale.counterfactuals).toEqual([]);
    }
    const bands = ['low', 'medium', 'high', 'very_high'];
    for (const d of ofType(decisions, 'risk_score')) {
      for (const c of d.rationale.counterfactuals ?? []) {
        const lower = d.output.score - (Number(c.from) - Number(c.to)) * 0.06;
        const band = lower < 0.25 ? 'low' : lower < 0.5 ? 'medium' : lower < 0.75 ? 'high' : 'very_high';
        expect(bands.indexOf(band), d.idempotencyKey).toBeLessThan(bands.indexOf(d.output.band));
      }
    }
    for (const d of ofType(decisions, 'renewal_price')) {
      for (const c of d.rationale.counterfactuals ?? []) {
        const claims = d.rationale.contributions.find((x) => x.feature === 'claims_last_12m')!.contribution;
        expect(c.outcome).toBe(`premium of ${((d.output.newPremiumCents - claims) / 100).toFixed(2)} EUR`);
      }
    }
  });

  it('renews each policy at most once a year, and renewals are a real share of the set', () => {
    const policies = renewalsPerPolicy(decisions);
    expect(policies.size).toBeGreaterThan(50);
    for (const [policy, renewals] of policies) {
      for (let i = 1; i < renewals.length; i++) {
        expect(Date.parse(renewals[i]!.decidedAt) - Date.parse(renewals[i - 1]!.decidedAt), policy).toBeGreaterThanOrEqual(365 * DAY_MS);
      }
    }
  });

  it('gives anna and bram several renewals on two policies, whose premiums chain', () => {
    const policies = renewalsPerPolicy(decisions);
    for (const [memberId, policyIds] of [
      ['M-1001', ['P-5001', 'P-7001']],
      ['M-1002', ['P-5002', 'P-7002']],
    ] as const) {
      const own = [...policies].filter(([, renewals]) => renewals[0]!.subject.memberId === memberId).map(([policy]) => policy);
      expect(own.sort(), memberId).toEqual([...policyIds]);
      const second = policies.get(policyIds[1])!;
      expect(second).toHaveLength(2);
      expect(second[1]!.output.previousPremiumCents).toBe(second[0]!.output.newPremiumCents);
    }
  });

  it('keeps the story the seeded cases and the browser tests rely on', () => {
    const story = byKey(decisions);
    const at = (n: number) => story.get(`demo-${n}`)!;
    const renewal = (n: number) => at(n) as Of<'renewal_price'>;
    const fraud = (n: number) => at(n) as Of<'fraud_flag'>;
    // anna's renewal, contested in the browser story: €710.00 → €849.95, claims +€90.00.
    expect(renewal(0)).toMatchObject({
      subject: { memberId: 'M-1001', policyId: 'P-5001' },
      output: { previousPremiumCents: 71_000, newPremiumCents: 84_995 },
    });
    expect(renewal(0).rationale.contributions).toContainEqual({ feature: 'claims_last_12m', contribution: 9000 });
    expect(renewal(1).subject.memberId).toBe('M-1002');
    expect(renewal(1).output.newPremiumCents).toBeGreaterThan(renewal(1).output.previousPremiumCents + 6000);
    for (const n of [2, 3, 12]) expect(fraud(n).output).toMatchObject({ flagged: true, action: 'hold_payment' });
    expect([2, 3, 12].map((n) => fraud(n).subject.memberId)).toEqual(['M-1001', 'M-1002', 'M-1005']);
    expect([4, 5, 6, 13].map((n) => [at(n).type, at(n).subject.memberId])).toEqual([
      ['risk_score', 'M-1001'],
      ['risk_score', 'M-1002'],
      ['risk_score', 'M-1001'],
      ['risk_score', 'M-1006'],
    ]);
    expect([10, 11].map((n) => [at(n).type, at(n).subject.memberId])).toEqual([
      ['renewal_price', 'M-1003'],
      ['renewal_price', 'M-1004'],
    ]);
    expect(renewal(11).output.newPremiumCents).toBeGreaterThan(renewal(11).output.previousPremiumCents);
    // The letters and the call of the seed are received 40, 12 and 3 days ago: after their decisions.
    const daysAgo = (n: number) => (NOW.getTime() - Date.parse(at(n).decidedAt)) / DAY_MS;
    expect(daysAgo(11)).toBeGreaterThan(40);
    expect(daysAgo(12)).toBeGreaterThan(12);
    expect(daysAgo(13)).toBeGreaterThan(3);
  });
});

describe('generated renewals over several years', () => {
  const options: GenerateOptions = { count: 3000, members: 60, now: NOW, days: 3 * 365, seed: 3 };
  const decisions = ingested(generateDecisions(options)).map((s) => s.decision);

  it('come once a year per policy, each starting from the premium the previous one set', () => {
    const policies = renewalsPerPolicy(decisions);
    expect([...policies.values()].filter((r) => r.length >= 2).length).toBeGreaterThan(40);
    for (const [policy, renewals] of policies) {
      renewals.slice(1).forEach((next, i) => {
        const earlier = renewals[i]!;
        expect(Date.parse(next.decidedAt) - Date.parse(earlier.decidedAt), policy).toBeGreaterThanOrEqual(364 * DAY_MS);
        expect(next.output.previousPremiumCents, policy).toBe(earlier.output.newPremiumCents);
        expect(next.inputs.years_insured, policy).toBe(Number(earlier.inputs.years_insured) + 1);
        expect(next.inputs.hospital_cover, policy).toBe(earlier.inputs.hospital_cover);
      });
    }
  });

  it('streams in decision-time order when asked to, renewals included', () => {
    // After the story (keys 0 to 17), whose decisions are placed where the seeded cases need them.
    const times = [...generateDecisions({ ...options, chronological: true })].slice(18).map((d) => Date.parse(d.decidedAt));
    const outOfOrder = times.filter((t, i) => i > 0 && t < times[i - 1]! - 2 * DAY_MS).length;
    expect(outOfOrder).toBe(0);
  });
});
