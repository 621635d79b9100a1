import { afterAll, beforeAll, expect, it } from 'vitest';
import { FairnessReport } from '@shared/schemas/metrics';
import { buildTestApp, type TestApp } from '../support/app';
import { caseSteps, longSessions } from '../support/case-steps';
import { fraudDecision } from '../support/fixtures';
import { describeEachStore, type TestStore } from '../support/stores';

/*
 * Fairness a governance lead can defend (issue 19): per type and model, sizes, Wilson intervals,
 * a test of each difference, "too few to judge" below the minimum group, and the final outcome
 * after overrides beside the model's. p-values cited were computed with statsmodels 0.15.0
 * (proportions_ztest) and SciPy 1.17.1 (fisher_exact), independently of this code.
 */
describeEachStore('fairness with uncertainty', (kind) => {
  let t: TestStore;
  let app: TestApp;
  let steps: ReturnType<typeof caseSteps>;
  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store, longSessions);
    steps = caseSteps(app);
  });
  afterAll(async () => t.dispose());

  /** `n` fraud checks of a group under a model, the first `unfavourable` of them flagged. */
  const checks = (model: string, ageBand: string, n: number, unfavourable: number) =>
    Array.from({ length: n }, (_, i) => {
      const flagged = i < unfavourable;
      return fraudDecision({
        model: { id: model, version: '1' },
        inputs: { claim_amount_cents: 480_000, provider_on_watchlist: flagged, age_band: ageBand, region: 'Wallonia' },
        // Far from the threshold, so no near-threshold sample cases.
        output: { claimId: 'C-1', score: flagged ? 0.95 : 0.2, threshold: 0.7, flagged, action: flagged ? 'hold_payment' : 'none' },
      });
    });

  const fairness = async (query: string) => {
    const res = await (await app.as('governance')).get(`/api/metrics/fairness?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return FairnessReport.parse(res.body);
  };
  const group = (report: FairnessReport, name: string) => report.groups!.find((g) => g.group === name)!;

  it('shows a group of 12 with a rate of 0 as too few to judge, never flagged', async () => {
    await steps.batch([...checks('fair-small', '18-29', 12, 12), ...checks('fair-small', '30-44', 40, 0)]);
    const report = await fairness('type=fraud_flag&modelId=fair-small&attribute=age_band');
    expect(report.minGroup).toBe(30);
    const small = group(report, '18-29');
    expect(small).toMatchObject({ n: 12, favourable: 0, rate: 0, status: 'too_few', ratio: null, pValue: null });
    // statsmodels proportion_confint(0, 12, method='wilson') = (0.0, 0.24249400665524096)
    expect(small.ci![0]).toBe(0);
    expect(small.ci![1]).toBeCloseTo(0.24249400665524096, 12);
    expect(group(report, '30-44')).toMatchObject({ n: 40, rate: 1, status: 'reference', ratio: 1 });
    expect(report.sections).toHaveLength(1);
    expect(report.sections[0]).toMatchObject({ type: 'fraud_flag', modelId: 'fair-small', reference: '30-44', referenceChosen: 'most_favoured' });
  });

  it('flags a large group at ratio 0.75 with p < 0.01, and not a smaller one at ratio 0.75 with p > 0.05', async () => {
    await steps.batch([...checks('fair-large', '18-29', 1000, 400), ...checks('fair-large', '30-44', 1000, 200)]);
    const large = group(await fairness('type=fraud_flag&modelId=fair-large&attribute=age_band'), '18-29');
    expect(large.ratio).toBeCloseTo(0.75, 12);
    // proportions_ztest([600, 800], [1000, 1000]) → p = 1.688102961145212e-22
    expect(large.test).toBe('z');
    expect(large.pValue!).toBeLessThan(0.01);
    expect(large.pValue! / 1.688102961145212e-22).toBeCloseTo(1, 4);
    expect(large.status).toBe('flagged');

    await steps.batch([...checks('fair-chance', '18-29', 40, 16), ...checks('fair-chance', '30-44', 40, 8)]);
    const chance = group(await fairness('type=fraud_flag&modelId=fair-chance&attribute=age_band'), '18-29');
    expect(chance.ratio).toBeCloseTo(0.75, 12);
    // proportions_ztest([24, 32], [40, 40]) → p = 0.05096193696776322
    expect(chance.pValue!).toBeCloseTo(0.05096193696776322, 6);
    expect(chance.status).toBe('ok');
  });

  it('never takes the decisions without the attribute as the reference, and keeps types and models apart unless pooled', async () => {
    const withoutBand = Array.from({ length: 50 }, () =>
      fraudDecision({
        model: { id: 'fair-missing', version: '1' },
        inputs: { claim_amount_cents: 1, provider_on_watchlist: false },
        output: { claimId: 'C-1', score: 0.2, threshold: 0.7, flagged: false, action: 'none' },
      }),
    );
    await steps.batch([...withoutBand, ...checks('fair-missing', '18-29', 40, 10), ...checks('fair-missing', '30-44', 40, 20)]);
    const report = await fairness('type=fraud_flag&modelId=fair-missing&attribute=age_band');
    expect(report.sections[0]!.reference).toBe('18-29');
    expect(group(report, '(missing)')).toMatchObject({ n: 50, rate: 1 });
    expect(group(report, '(missing)').status).not.toBe('reference');

    // Without a type or model: one section per type and model, no single list of groups.
    const all = await fairness('attribute=age_band');
    expect(all.groups).toBeNull();
    expect(all.pooled).toBe(false);
    expect(all.sections.map((s) => s.modelId)).toEqual(expect.arrayContaining(['fair-small', 'fair-large', 'fair-chance', 'fair-missing']));
    const pooled = await fairness('attribute=age_band&pooled=true');
    expect(pooled.sections).toHaveLength(1);
    expect(pooled.sections[0]).toMatchObject({ type: null, modelId: null });
    expect(pooled.groups!.reduce((sum, g) => sum + g.n, 0)).toBe(all.sections.flatMap((s) => s.groups).reduce((sum, g) => sum + g.n, 0));
  });

  it('shows how overrides turn a flagged disparity on the model output into none on the final outcome', { timeout: 180_000 }, async () => {
    const ids = await steps.batch([...checks('fair-repair', '18-29', 30, 15), ...checks('fair-repair', '30-44', 30, 0)]);
    const onModel = group(await fairness('type=fraud_flag&modelId=fair-repair&attribute=age_band&basis=model'), '18-29');
    // 15 of 30 against 30 of 30: a ratio of 0.5; every expected cell is at least 5, so the z-test:
    // proportions_ztest([15, 30], [30, 30]) gives p = 7.74421643104407e-06 (statsmodels).
    expect(onModel).toMatchObject({ rate: 0.5, ratio: 0.5, test: 'z', status: 'flagged' });
    expect(onModel.pValue! / 7.74421643104407e-6).toBeCloseTo(1, 5);

    // Reviewers clear 10 of the 15 flags on objection: the final rate of the group is 25 of 30.
    for (const id of ids.slice(0, 10)) {
      const c = await steps.claim('fraud.reviewer', await steps.object('anna', id));
      await steps.approve('senior.reviewer', await steps.override('fraud.reviewer', c, { flagged: false, action: 'none' }));
    }
    const final = await fairness('type=fraud_flag&modelId=fair-repair&attribute=age_band&basis=final');
    expect(final.basis).toBe('final');
    const repaired = group(final, '18-29');
    expect(repaired).toMatchObject({ n: 30, favourable: 25, status: 'ok' });
    expect(repaired.ratio).toBeCloseTo(25 / 30, 12);
    // The model's own figures do not move.
    expect(group(await fairness('type=fraud_flag&modelId=fair-repair&attribute=age_band'), '18-29')).toMatchObject({ favourable: 15, status: 'flagged' });
  });

  it('refuses an attribute that is not monitored and a basis that does not exist', async () => {
    const gov = await app.as('governance');
    for (const [query, path] of [
      ['attribute=sex', 'attribute'],
      ['basis=after', 'basis'],
      ['pooled=yes', 'pooled'],
    ]) {
      const res = await gov.get(`/api/metrics/fairness?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors[0].path).toBe(path);
    }
  });
});
