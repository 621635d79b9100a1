import { afterAll, beforeAll, expect, it } from 'vitest';
import { LabelsReport } from '@shared/schemas/reviewed-labels';
import { diffRollups, rebuildRollups } from '../../server/metrics/rebuild';
import { buildTestApp, type TestApp } from '../support/app';
import { caseSteps, longSessions } from '../support/case-steps';
import { fraudDecision } from '../support/fixtures';
import { describeEachStore, type TestStore } from '../support/stores';

/*
 * Reviewed cases as labels (issue 19, item 6): every resolved case, objection or sample, says
 * whether the model was right. Counted on a fixture whose answer is known by construction.
 */
describeEachStore('reviewed labels', (kind) => {
  let t: TestStore;
  let app: TestApp;
  let steps: ReturnType<typeof caseSteps>;
  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store, longSessions);
    steps = caseSteps(app);
  });
  afterAll(async () => t.dispose());

  const check = (ageBand: string, score: number) =>
    fraudDecision({
      model: { id: 'labels-screen', version: '1' },
      inputs: { claim_amount_cents: 480_000, provider_on_watchlist: score >= 0.7, age_band: ageBand },
      output: { claimId: 'C-1', score, threshold: 0.7, flagged: score >= 0.7, action: score >= 0.7 ? 'hold_payment' : 'none' },
    });
  const labels = async (query = 'modelId=labels-screen') => {
    const res = await (await app.as('governance')).get(`/api/metrics/labels?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return LabelsReport.parse(res.body);
  };

  it('counts precision and false positives as reviewed, override rates by origin, and rejected proposals', async () => {
    // Far from the threshold (no sample cases): four flags (the fourth never reviewed, so no label), a clear check, all 18-29.
    const [f1, f2, f3, , c1] = await steps.batch([check('18-29', 0.95), check('18-29', 0.95), check('18-29', 0.95), check('18-29', 0.95), check('18-29', 0.2)]);
    // Near the threshold: the sampler opens a sample case on each (two flags, 30-44).
    await steps.batch([check('30-44', 0.72), check('30-44', 0.73)]);

    // Objections: two flags upheld, one cleared (after a first proposal was sent back), a clear check confirmed.
    for (const id of [f1!, f2!]) await steps.confirm('fraud.reviewer', await steps.claim('fraud.reviewer', await steps.object('anna', id)));
    let c = await steps.claim('fraud.reviewer', await steps.object('anna', f3!));
    c = await steps.approve('senior.reviewer', await steps.override('fraud.reviewer', c, { flagged: false, action: 'none' }), false);
    await steps.approve('senior.reviewer', await steps.override('fraud.reviewer', c, { flagged: false, action: 'none' }));
    await steps.confirm('fraud.reviewer', await steps.claim('fraud.reviewer', await steps.object('anna', c1!)));

    // Samples: one flag cleared, one upheld.
    const samples = (await (await app.as('fraud.reviewer')).get('/api/cases?origin=sample&type=fraud_flag&limit=100')).body.items as {
      id: string;
      version: number;
    }[];
    expect(samples).toHaveLength(2);
    await steps.approve(
      'senior.reviewer',
      await steps.override('fraud.reviewer', await steps.claim('fraud.reviewer', samples[0]!), { flagged: false, action: 'none' }),
    );
    await steps.confirm('fraud.reviewer', await steps.claim('fraud.reviewer', samples[1]!));

    const report = await labels();
    expect(report.items).toHaveLength(1);
    const [v] = report.items;
    expect(v).toMatchObject({ type: 'fraud_flag', modelId: 'labels-screen', modelVersion: '1', resolved: 6, overridden: 2, rejectedProposals: 1 });
    expect(v!.byOrigin).toEqual([
      { origin: 'objection', resolved: 4, overridden: 1, overrideRate: 0.25 },
      { origin: 'sample', resolved: 2, overridden: 1, overrideRate: 0.5 },
    ]);
    // Five reviewed flags (f1, f2, f3 and both samples): three upheld, two cleared; negatives: the two cleared and c1.
    expect(v!.flags).toMatchObject({ reviewed: 5, upheld: 3, precision: 0.6, falsePositives: 2, negatives: 3 });
    expect(v!.flags!.falsePositiveRate).toBeCloseTo(2 / 3, 12);
    // statsmodels proportion_confint(3, 5, method='wilson') = (0.2307242812760129, 0.8823792257673522)
    expect(v!.flags!.precisionCi![0]).toBeCloseTo(0.2307242812760129, 12);
    expect(v!.flags!.precisionCi![1]).toBeCloseTo(0.8823792257673522, 12);

    // Error-rate parity by age band: 18-29 had f3 cleared and c1 clear (1 of 2); 30-44 one cleared sample (1 of 1).
    expect(report.errorRateParity).toEqual([
      {
        modelId: 'labels-screen',
        groups: [
          expect.objectContaining({ group: '18-29', negatives: 2, falsePositives: 1, falsePositiveRate: 0.5, tooFew: true }),
          expect.objectContaining({ group: '30-44', negatives: 1, falsePositives: 1, falsePositiveRate: 1, tooFew: true }),
        ],
      },
    ]);
    // The live counters are exactly what a rebuild from the log and the chains finds.
    expect(diffRollups(await app.store.rollups.list({}), await rebuildRollups(app.store))).toEqual([]);
  });

  it('offers the same figures as CSV and refuses bad queries', async () => {
    const gov = await app.as('governance');
    const csv = await gov.get('/api/metrics/labels?modelId=labels-screen&format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('dimension,type,modelId,modelVersion,key,count,of,rate,ciLow,ciHigh');
    expect(lines).toContain('overrides_by_origin,fraud_flag,labels-screen,1,sample,1,2,0.5,,');
    expect(lines).toContain('rejected_proposals,fraud_flag,labels-screen,1,,1,,,,');
    for (const [query, path] of [
      ['attribute=sex', 'attribute'],
      ['from=2026-13-01', 'from'],
    ]) {
      const res = await gov.get(`/api/metrics/labels?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.errors[0].path).toBe(path);
    }
    expect((await (await app.as('fraud.reviewer')).get('/api/metrics/labels')).status).toBe(403);
  });
});
