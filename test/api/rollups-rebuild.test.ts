import { afterAll, beforeAll, expect, it } from 'vitest';
import { bucketOf } from '../../server/metrics/feature-buckets';
import { diffRollups, rebuildRollups } from '../../server/metrics/rebuild';
import { buildTestApp, TEST_NOW, type TestApp } from '../support/app';
import { caseSteps, daysAfterNow, longSessions } from '../support/case-steps';
import { fraudDecision, renewalDecision, riskDecision } from '../support/fixtures';
import { describeEachStore, type TestStore } from '../support/stores';

describeEachStore('rollups rebuild', (kind) => {
  let t: TestStore;
  let app: TestApp;
  let steps: ReturnType<typeof caseSteps>;
  beforeAll(async () => {
    t = await kind.open();
    // Random sampling on, and small renewal overrides without a second person: every path.
    app = await buildTestApp(t.store, { ...longSessions, sampleRate: 0.3, fourEyesMinRenewalCents: 5000 });
    steps = caseSteps(app);
  });
  afterAll(async () => t.dispose());

  it('rebuilds exactly the live rollups after a mixed workload, and repairs drift', async () => {
    const decisions = [
      ...Array.from({ length: 12 }, (_, i) =>
        renewalDecision({
          idempotencyKey: `mixed-r-${i}`,
          model: { id: 'renewal-tariff', version: i % 2 ? '2026.1' : '2026.2' },
          decidedAt: `2026-11-${String(10 + (i % 4)).padStart(2, '0')}T${i % 3 ? '00:30' : '23:30'}:00Z`,
          inputs: {
            claims_last_12m: i % 4,
            age_band: ['18-29', '30-44', '60-74'][i % 3]!,
            region: i % 2 ? 'Flanders' : 'Brussels',
            ...(i === 5 ? { sex: 'M' } : {}),
          },
          output: { currency: 'EUR', previousPremiumCents: 100_000, newPremiumCents: 90_000 + i * 2500 },
          rationale: {
            reasonCodes: [{ code: 'CLAIMS_HISTORY' }, { code: 'MEDICAL_INFLATION' }],
            contributions: [{ feature: 'claims_last_12m', contribution: i * 2500 - 10_000 }],
          },
        }),
      ),
      ...Array.from({ length: 8 }, (_, i) =>
        fraudDecision({
          idempotencyKey: `mixed-f-${i}`,
          decidedAt: `2026-11-1${i % 3}T08:00:00Z`,
          inputs: { claim_amount_cents: 480_000, provider_on_watchlist: true, age_band: i % 2 ? '45-59' : '18-29' },
          output: { claimId: 'C-1', score: i < 3 ? 0.9 : 0.72, threshold: 0.7, flagged: true, action: 'hold_payment' },
        }),
      ),
      ...Array.from({ length: 6 }, (_, i) => riskDecision({ idempotencyKey: `mixed-k-${i}`, output: { score: i / 6, band: i < 3 ? 'low' : 'high' } })),
    ];
    const ids = await steps.batch(decisions);
    // A retried batch adds nothing.
    await steps.batch(decisions);
    const [r0, r1, r2, r3, r4, r5] = ids;
    const [f0, f1] = ids.slice(12);
    const [k0] = ids.slice(20);

    app.clock.set(daysAfterNow(1));
    const c0 = await steps.claim('pricing.reviewer', await steps.object('anna', r0!));
    await steps.confirm('pricing.reviewer', c0);
    const c1 = await steps.claim('pricing.reviewer', await steps.object('anna', r1!));
    await steps.approve('senior.reviewer', await steps.override('pricing.reviewer', c1, { newPremiumCents: 50_000 }));
    // A small override needs no second person: resolved at once as overridden.
    const c2 = await steps.claim('pricing.reviewer', await steps.object('anna', r2!));
    expect((await steps.override('pricing.reviewer', c2, { newPremiumCents: 92_000 })).status).toBe('resolved');
    // Rejected, then confirmed.
    const c3 = await steps.claim('pricing.reviewer', await steps.object('anna', r3!));
    const rejected = await steps.approve('senior.reviewer', await steps.override('pricing.reviewer', c3, { newPremiumCents: 60_000 }), false);
    app.clock.set(daysAfterNow(5));
    await steps.confirm('pricing.reviewer', rejected);
    // Withdrawn, then objected again.
    const withdrawn = await steps.object('anna', r4!);
    expect((await (await app.as('anna')).post(`/api/cases/${withdrawn.id}/withdraw`).send({ expectedVersion: withdrawn.version })).status).toBe(200);
    await steps.object('anna', r4!);
    await steps.object('pricing.reviewer', r5!, { channel: 'post', receivedAt: '2026-11-20T09:00:00Z' });
    // Fraud: released by override with approval; a postal objection on a risk score, confirmed.
    const cf = await steps.claim('fraud.reviewer', await steps.object('anna', f0!));
    await steps.approve('senior.reviewer', await steps.override('fraud.reviewer', cf, { flagged: false, action: 'none' }));
    await steps.object('fraud.reviewer', f1!, { channel: 'phone', receivedAt: '2026-11-21T09:00:00Z' });
    const ck = await steps.claim('pricing.reviewer', await steps.object('bram', k0!));
    await steps.confirm('pricing.reviewer', ck);
    // Sample cases (random and near-threshold) worked without an objection.
    const samples = await app.store.cases.page({ origin: 'sample', statuses: ['open'] }, null, 2);
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) {
      const reviewer = sample.decisionType === 'fraud_flag' ? 'fraud.reviewer' : 'pricing.reviewer';
      await steps.confirm(reviewer, await steps.claim(reviewer, sample));
    }
    app.clock.set(TEST_NOW);

    const live = await app.store.rollups.list({});
    const total = (name: string) => live.filter((r) => r.attribute === '').reduce((n, r) => n + (r.counters[name] ?? 0), 0);
    expect(total('decisions')).toBe(26);
    expect(total('objections')).toBe(10);
    expect(total('overridden')).toBe(3);
    expect(total('resolved')).toBe(6 + samples.length);
    expect(total('finding:prohibited_input')).toBe(1);
    // Input values for PSI per feature (format 6): numeric by bucket, text and booleans by value.
    const totalOf = (rollups: typeof live, prefix: string) =>
      rollups
        .filter((r) => r.attribute === '')
        .reduce((n, r) => n + Object.entries(r.counters).reduce((m, [k, v]) => m + (k.startsWith(prefix) ? v : 0), 0), 0);
    expect(totalOf(live, 'num:claims_last_12m:')).toBe(12);
    expect(total(`num:claims_last_12m:${bucketOf(3)}`)).toBe(3);
    expect(total(`num:claim_amount_cents:${bucketOf(480_000)}`)).toBe(8);
    expect(total('cat:provider_on_watchlist:true')).toBe(8);
    expect(total('cat:region:Flanders')).toBe(6);

    const rebuilt = await rebuildRollups(app.store);
    expect(diffRollups(live, rebuilt)).toEqual([]);

    // Drift (a lost or doubled increment) is found, and replacing repairs it.
    await app.store.rollups.increment({ ...live[0]!, attribute: '', group: '' }, { decisions: 1 });
    const drifted = diffRollups(await app.store.rollups.list({}), rebuilt);
    expect(drifted).toEqual([expect.objectContaining({ counter: 'decisions', rebuilt: expect.any(Number) })]);
    expect(drifted[0]!.live - drifted[0]!.rebuilt).toBe(1);
    await app.store.rollups.replaceAll(rebuilt);
    expect(diffRollups(await app.store.rollups.list({}), await rebuildRollups(app.store))).toEqual([]);

    // Erasure leaves no inputs or reason codes to rebuild from; its adjustment keeps the two equal.
    const before = (await app.store.decisions.get(r1!))!;
    await t.raw.updateDecision(r1!, (doc) => {
      doc.inputs = {};
      doc.rationale = { reasonCodes: [], contributions: [] };
    });
    await app.services.rollups.onErasure(before, (await app.store.decisions.get(r1!))!);
    expect(diffRollups(await app.store.rollups.list({}), await rebuildRollups(app.store))).toEqual([]);
    expect(totalOf(await app.store.rollups.list({}), 'num:claims_last_12m:')).toBe(11);
  }, 60_000);
});
