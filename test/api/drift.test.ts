import { afterAll, beforeAll, expect, it } from 'vitest';
import { DriftReport } from '@shared/schemas/drift';
import { ModelMetricsList } from '@shared/schemas/metrics';
import { buildTestApp, type TestApp } from '../support/app';
import { caseSteps, longSessions } from '../support/case-steps';
import { fraudDecision } from '../support/fixtures';
import { describeEachStore, type TestStore } from '../support/stores';

/*
 * Drift that answers real questions (issue 19, item 5): PSI against a fixed baseline and against
 * the previous version, week by week, and per input feature, judged only with enough decisions on
 * both sides and beyond chance. The categorical PSI cited was computed with NumPy 2.4.6,
 * independently of this code (shares c / c.sum() + 1e-4, renormalised; Σ (a − e) · ln(a ÷ e)).
 */
describeEachStore('drift against a baseline, by week and per feature', (kind) => {
  let t: TestStore;
  let app: TestApp;
  let steps: ReturnType<typeof caseSteps>;
  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store, longSessions);
    steps = caseSteps(app);
  });
  afterAll(async () => t.dispose());

  /** Fraud checks of model `id`: `shifted` ones score higher, claim three times as much and come by phone. */
  const checks = (id: string, version: string, days: string[], n: number, shifted: boolean) =>
    Array.from({ length: n }, (_, i) => {
      const base = ((i % 100) / 100) ** 2 * 0.6;
      const score = Math.min(1, shifted ? base + 0.3 : base);
      const flagged = score >= 0.95;
      return fraudDecision({
        model: { id, version },
        decidedAt: `${days[i % days.length]}T10:00:00.000Z`,
        inputs: {
          claim_amount_cents: (shifted ? 3 : 1) * (10_000 + (i % 100) * 1000),
          channel: i % 10 < (shifted ? 3 : 7) ? 'web' : 'phone',
          provider_on_watchlist: i % 4 === 0,
        },
        output: { claimId: 'C-1', score, threshold: 0.95, flagged, action: flagged ? 'hold_payment' : 'none' },
      });
    });
  const days = (from: number, count: number, month = '11') => Array.from({ length: count }, (_, i) => `2026-${month}-${String(from + i).padStart(2, '0')}`);

  const drift = async (query: string) => {
    const res = await (await app.as('governance')).get(`/api/metrics/drift?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return DriftReport.parse(res.body);
  };

  it('compares a version with a fixed baseline and with the version before it, week by week, and per feature', async () => {
    // Version 1: two weeks of October (W41, W42), 300 decisions each. Version 2 shifted: 600 in W45–W46, 20 in W47.
    await steps.batch([...checks('drift-m', '1', days(5, 7, '10'), 300, false), ...checks('drift-m', '1', days(12, 7, '10'), 300, false)]);
    await steps.batch([
      ...checks('drift-m', '2', days(2, 7), 300, true),
      ...checks('drift-m', '2', days(9, 7), 300, true),
      ...checks('drift-m', '2', ['2026-11-17'], 20, true),
    ]);

    const report = await drift(
      'type=fraud_flag&modelId=drift-m&modelVersion=2&from=2026-11-02&to=2026-11-26&baselineVersion=1&baselineFrom=2026-10-05&baselineTo=2026-10-11',
    );
    expect(report).toMatchObject({ decisions: 620, baseline: { modelVersion: '1', from: '2026-10-05', to: '2026-10-11', decisions: 300 } });
    expect(report.rule).toEqual({ moderate: 0.1, major: 0.25, minSample: 100, alpha: 0.01 });
    // The fixed baseline is the first October week only; the previous version is all of version 1.
    expect(report.vsBaseline).toMatchObject({ expected: 300, actual: 620, level: 'significant' });
    expect(report.vsBaseline.psi!).toBeGreaterThan(0.25);
    expect(report.vsBaseline.pValue!).toBeLessThan(0.01);
    expect(report.vsPrevious).toMatchObject({ against: '1', expected: 600, actual: 620, level: 'significant' });

    // ISO weeks of the period, each against the baseline; the 20 decisions of W47 are too few to judge; W48, cut at the period's end, has none.
    expect(report.weekly.map((w) => [w.week, w.from, w.to, w.actual, w.level])).toEqual([
      ['2026-W45', '2026-11-02', '2026-11-08', 300, 'significant'],
      ['2026-W46', '2026-11-09', '2026-11-15', 300, 'significant'],
      ['2026-W47', '2026-11-16', '2026-11-22', 20, 'too_few'],
      ['2026-W48', '2026-11-23', '2026-11-26', 0, 'too_few'],
    ]);
    expect(report.weekly[2]!.psi!).toBeGreaterThan(0.25);

    const feature = (name: string) => report.features.find((f) => f.feature === name)!;
    const amount = feature('claim_amount_cents');
    expect(amount).toMatchObject({ kind: 'numeric', expected: 300, actual: 620, level: 'significant' });
    /*
     * numpy on the values floored to their bucket's lower bound (2^e · (1 + k/4)):
     * edges = np.unique(np.quantile(base, np.arange(1, 10) / 10, method='inverted_cdf'))
     *       = [16384, 28672, 32768, 40960, 57344, 65536, 81920, 98304];
     * counts by np.searchsorted(edges, x, side='left'): baseline [33, 36, 24, 27, 48, 48, 51, 33, 0],
     * current [0, 7, 21, 21, 35, 42, 32, 36, 426]; PSI 7.545750049965676.
     */
    expect(amount.bins.map((b) => b.baseline)).toEqual([33, 36, 24, 27, 48, 48, 51, 33, 0]);
    expect(amount.bins.map((b) => b.current)).toEqual([0, 7, 21, 21, 35, 42, 32, 36, 426]);
    expect(amount.psi!).toBeCloseTo(7.545750049965676, 10);
    expect(amount.bins[0]!.from).toBeNull();
    expect(amount.bins[8]!.to).toBeNull();
    const channel = feature('channel');
    expect(channel).toMatchObject({ kind: 'categorical', level: 'significant' });
    expect(channel.bins.map((b) => [b.category, b.baseline, b.current])).toEqual([
      ['web', 210, 186],
      ['phone', 90, 434],
    ]);
    // numpy on [210, 90] vs [186, 434]: 0.677550433542756
    expect(channel.psi!).toBeCloseTo(0.677550433542756, 12);
    expect(feature('provider_on_watchlist')).toMatchObject({ kind: 'categorical', level: 'stable' });
    expect(feature('provider_on_watchlist').psi!).toBeLessThan(0.01);
    // Sorted by PSI, largest first.
    expect(report.features.map((f) => f.psi!)).toEqual([...report.features.map((f) => f.psi!)].sort((a, b) => b - a));

    // The models endpoint reads PSI with the same rule.
    const models = ModelMetricsList.parse((await (await app.as('governance')).get('/api/metrics/models?modelId=drift-m')).body);
    expect(models.items.map((m) => [m.modelVersion, m.drift])).toEqual([
      ['1', 'baseline'],
      ['2', 'significant'],
    ]);
  });

  it('does not flag a shift on too few decisions, nor chance between two halves of one distribution', async () => {
    await steps.batch([...checks('drift-small', 'a', days(2, 7), 60, false), ...checks('drift-small', 'b', days(9, 7), 60, true)]);
    const small = await drift('type=fraud_flag&modelId=drift-small&modelVersion=b&baselineVersion=a');
    expect(small.vsBaseline.psi!).toBeGreaterThan(0.25);
    expect(small.vsBaseline.level).toBe('too_few');
    expect(small.vsPrevious).toMatchObject({ against: 'a', level: 'too_few' });
    expect(small.features.every((f) => f.level === 'too_few')).toBe(true);
    const models = ModelMetricsList.parse((await (await app.as('governance')).get('/api/metrics/models?modelId=drift-small')).body);
    expect(models.items.find((m) => m.modelVersion === 'b')).toMatchObject({ drift: 'too_few' });

    // The same distribution in both versions: stable whatever PSI's sampling noise.
    await steps.batch([...checks('drift-same', 'a', days(2, 7), 200, false), ...checks('drift-same', 'b', days(9, 7), 100, false)]);
    const same = await drift('type=fraud_flag&modelId=drift-same&modelVersion=b&baselineVersion=a');
    expect(same.vsBaseline.level).toBe('stable');
    expect(same.features.map((f) => f.level)).toEqual(['stable', 'stable', 'stable']);
  });

  it('answers 400 for a baseline period out of order or a missing model, and 403 to a reviewer', async () => {
    const gov = await app.as('governance');
    const backwards = await gov.get('/api/metrics/drift?type=fraud_flag&modelId=x&baselineFrom=2026-11-10&baselineTo=2026-11-01');
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain('baselineTo');
    const missing = await gov.get('/api/metrics/drift?type=fraud_flag');
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('modelId');
    expect((await (await app.as('fraud.reviewer')).get('/api/metrics/drift?type=fraud_flag&modelId=x')).status).toBe(403);
  });
});
