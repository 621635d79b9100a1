import { afterAll, beforeAll, expect, it } from 'vitest';
import { FairnessReport, MetricsOverview, ModelMetricsList, OverrideReport, FindingsReport } from '@shared/schemas/metrics';
import { rebuildRollups, ROLLUP_FORMAT, upgradeRollups } from '../../server/metrics/rebuild';
import { buildTestApp, TEST_NOW, type TestApp } from '../support/app';
import { caseSteps, daysAfterNow, longSessions } from '../support/case-steps';
import { renewalDecision, riskDecision } from '../support/fixtures';
import { describeEachStore, type TestStore } from '../support/stores';

describeEachStore('metrics on a fixture of known counts', (kind) => {
  let t: TestStore;
  let app: TestApp;
  let steps: ReturnType<typeof caseSteps>;
  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store, longSessions);
    steps = caseSteps(app);
  });
  afterAll(async () => t.dispose());

  it('200 renewals, 20 objections (8 confirmed, 6 overridden by four eyes, 6 open): exact rates', async () => {
    const ids = await steps.batch(
      Array.from({ length: 200 }, (_, i) =>
        renewalDecision({
          idempotencyKey: `fixture-${i}`,
          model: { id: 'renewal-fixture', version: '1' },
          decidedAt: i < 100 ? '2026-11-19T10:00:00Z' : '2026-11-20T23:59:59Z',
        }),
      ),
    );
    const cases = [];
    for (const id of ids.slice(0, 20)) cases.push(await steps.object('anna', id));
    // Case i is resolved i + 1 days after it was received: resolution times 1 … 14 days.
    for (let i = 0; i < 14; i++) {
      app.clock.set(daysAfterNow(i + 1));
      const claimed = await steps.claim('pricing.reviewer', cases[i]!);
      if (i < 8) {
        expect((await steps.confirm('pricing.reviewer', claimed)).status).toBe('resolved');
      } else {
        const proposed = await steps.override('pricing.reviewer', claimed, { newPremiumCents: 120_000 });
        expect((await steps.approve('senior.reviewer', proposed)).status).toBe('resolved');
      }
    }
    await steps.claim('pricing.reviewer', cases[14]!);

    const gov = await app.as('governance');
    const res = await gov.get('/api/metrics/overview?modelId=renewal-fixture&type=renewal_price');
    expect(res.status).toBe(200);
    const overview = MetricsOverview.parse(res.body);
    expect(overview).toMatchObject({
      decisions: 200,
      contested: 20,
      contestRate: 0.1,
      resolved: 14,
      overridden: 6,
      overrideRate: 6 / 14,
      openCases: 6,
      overdueCases: 0,
      medianResolutionDays: 7,
      p90ResolutionDays: 13,
    });
    expect(overview.byDay).toEqual([
      { day: '2026-11-19', decisions: 100, contested: 20, resolved: 14, overridden: 6 },
      { day: '2026-11-20', decisions: 100, contested: 0, resolved: 0, overridden: 0 },
    ]);

    // Days are UTC days of decidedAt, inclusive at both ends.
    const oneDay = MetricsOverview.parse((await gov.get('/api/metrics/overview?from=2026-11-20&to=2026-11-20&modelId=renewal-fixture')).body);
    expect(oneDay).toMatchObject({ decisions: 100, contested: 0, contestRate: 0, overrideRate: null, medianResolutionDays: null });
    // Resolution times of a period: whole months and edge days are read from different rollups.
    for (const [from, to] of [
      ['2026-11-01', '2026-11-30'],
      ['2026-10-15', '2026-12-31'],
      ['2026-11-19', '2027-01-10'],
      ['2026-11-19', '2026-11-19'],
    ]) {
      const period = MetricsOverview.parse((await gov.get(`/api/metrics/overview?from=${from}&to=${to}&modelId=renewal-fixture`)).body);
      expect(period, `${from}..${to}`).toMatchObject({ resolved: 14, medianResolutionDays: 7, p90ResolutionDays: 13 });
    }
    const outside = MetricsOverview.parse((await gov.get('/api/metrics/overview?from=2026-12-01&to=2027-03-31&modelId=renewal-fixture')).body);
    expect(outside).toMatchObject({ resolved: 0, medianResolutionDays: null });
    const filled = MetricsOverview.parse((await gov.get('/api/metrics/overview?from=2026-11-18&to=2026-11-21&modelId=renewal-fixture')).body);
    expect(filled.byDay.map((d) => [d.day, d.decisions])).toEqual([
      ['2026-11-18', 0],
      ['2026-11-19', 100],
      ['2026-11-20', 100],
      ['2026-11-21', 0],
    ]);

    // Past the one-month deadline the six open cases are overdue.
    app.clock.set(daysAfterNow(40));
    expect((await gov.get('/api/metrics/overview?type=renewal_price')).body).toMatchObject({ openCases: 6, overdueCases: 6 });
    app.clock.set(TEST_NOW);

    const models = ModelMetricsList.parse((await gov.get('/api/metrics/models?modelId=renewal-fixture')).body);
    expect(models.items).toHaveLength(1);
    expect(models.items[0]).toMatchObject({ modelVersion: '1', decisions: 200, contestRate: 0.1, overrideRate: 6 / 14, psi: null, psiAgainst: null });
    // +7.5% premium change: all 200 in the bin [0.05, 0.1) of the renewal range -0.5 … +0.5.
    expect(models.items[0]!.histogram.unit).toBe('relative_premium_change');
    expect(models.items[0]!.histogram.bins.find((b) => b.count > 0)).toEqual({ from: 0.05, to: 0.1, count: 200 });

    const overrides = OverrideReport.parse((await gov.get('/api/metrics/overrides?modelId=renewal-fixture')).body);
    expect(overrides.byReasonCode).toEqual([{ code: 'CLAIMS_HISTORY', resolved: 14, overridden: 6, overrideRate: 6 / 14 }]);
    const byName = Object.fromEntries(overrides.byReviewer.map((r) => [r.username, r]));
    expect(byName['pricing.reviewer']).toMatchObject({ resolved: 14, overridden: 6, approved: 0 });
    expect(byName['senior.reviewer']).toMatchObject({ resolved: 0, overridden: 0, approved: 6 });

    const fairness = FairnessReport.parse((await gov.get('/api/metrics/fairness?type=renewal_price&attribute=age_band&modelId=renewal-fixture')).body);
    expect(fairness.groups).toEqual([
      {
        group: '30-44',
        n: 200,
        favourable: 0,
        rate: 0,
        ci: [0, expect.any(Number)],
        ratio: 1,
        pValue: null,
        test: null,
        status: 'reference',
        flagRate: null,
        meanPremiumChange: 0.075,
        overrideRate: 6 / 14,
      },
    ]);
  });

  it('counts compliance findings per code and model version', async () => {
    await steps.batch([
      renewalDecision({ model: { id: 'findings-model', version: '1' }, inputs: { claims_last_12m: 3, sex: 'F', region: 'Flanders' } }),
      renewalDecision({ model: { id: 'findings-model', version: '1' }, specialCategoryData: true, legalBasis: 'contract' }),
      renewalDecision({ model: { id: 'findings-model', version: '1' } }),
    ]);
    const findings = FindingsReport.parse((await (await app.as('governance')).get('/api/metrics/findings?modelId=findings-model')).body);
    expect(findings).toEqual({
      decisions: 3,
      total: 2,
      items: [
        { code: 'prohibited_input', type: 'renewal_price', modelId: 'findings-model', modelVersion: '1', count: 1 },
        { code: 'special_category_without_consent', type: 'renewal_price', modelId: 'findings-model', modelVersion: '1', count: 1 },
      ],
      // Nobody asked for a person or withdrew consent here (issue 18).
      memberRequests: {
        humanReview: { renewal_price: 0, fraud_flag: 0, risk_score: 0 },
        consentWithdrawn: { renewal_price: 0, fraud_flag: 0, risk_score: 0 },
        humanReviewCases: { renewal_price: 0, fraud_flag: 0, risk_score: 0 },
      },
    });
  });

  it('answers in CSV for ?format=csv and Accept: text/csv, escaped', async () => {
    await steps.batch([
      renewalDecision({ model: { id: 'csv-model', version: '1' }, inputs: { claims_last_12m: 3, region: 'Brussels, "Capital"' } }),
      renewalDecision({ model: { id: 'csv-model', version: '1' }, inputs: { claims_last_12m: 3, region: '=HYPERLINK("x")' } }),
    ]);
    const gov = await app.as('governance');
    const overview = await gov.get('/api/metrics/overview?modelId=renewal-fixture&format=csv');
    expect(overview.status).toBe(200);
    expect(overview.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(overview.headers['content-disposition']).toContain('recourse-overview.csv');
    expect(overview.text.split('\r\n')).toEqual([
      'day,decisions,contested,resolved,overridden',
      '2026-11-19,100,20,14,6',
      '2026-11-20,100,0,0,0',
      'total,200,20,14,6',
      '',
    ]);

    const fairness = await gov.get('/api/metrics/fairness?attribute=region&modelId=csv-model').set('Accept', 'text/csv');
    expect(fairness.headers['content-type']).toContain('text/csv');
    const lines = fairness.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'attribute,basis,type,modelId,reference,group,n,favourable,rate,ciLow,ciHigh,ratio,pValue,test,status,flagRate,meanPremiumChange,overrideRate',
    );
    // One decision each: too few to judge; statsmodels proportion_confint(0, 1, method='wilson') = (0.0, 0.79345068562…).
    const row = lines.find((l) => l.includes('Brussels'))!;
    expect(row).toMatch(/^region,model,renewal_price,csv-model,,"Brussels, ""Capital""",1,0,0,0,0\.793450685\d*,,,,too_few,,0\.075,$/);
    expect(lines.some((l) => l.includes(`"'=HYPERLINK(""x"")"`))).toBe(true);

    for (const path of ['models', 'overrides', 'findings']) {
      const res = await gov.get(`/api/metrics/${path}?format=csv`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
    }
    // JSON stays the default for browsers' */*.
    expect((await gov.get('/api/metrics/overview').set('Accept', '*/*')).headers['content-type']).toContain('application/json');
  });

  it('is for governance only, and refuses bad queries with problem+json', async () => {
    for (const username of ['anna', 'pricing.reviewer', 'senior.reviewer', 'admin']) {
      const res = await (await app.as(username)).get('/api/metrics/overview');
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
    }
    expect((await (await app.as('anna')).get('/api/metrics/fairness?format=csv')).status).toBe(403);
    expect((await app.anonymous().get('/api/metrics/models')).status).toBe(401);
    const gov = await app.as('governance');
    for (const query of [
      'from=2026-13-01',
      'from=2026-02-30',
      'from=20261101',
      'from=2026-11-20&to=2026-11-19',
      'type=car',
      'format=xml',
      'bogus=1',
      'from=2026-11-01&from=2026-11-02',
    ]) {
      const res = await gov.get(`/api/metrics/overview?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('validation_failed');
    }
    const unmonitored = await gov.get('/api/metrics/fairness?attribute=sex');
    expect(unmonitored.status).toBe(400);
    expect(unmonitored.body.errors[0].path).toBe('attribute');
  });

  it('reports a malformed date once, under its own name, not also as a period out of order', async () => {
    const gov = await app.as('governance');
    const malformed: [string, string][] = [
      ['/api/metrics/overview?from=2026-13-01&to=2026-11-19', 'from'],
      ['/api/metrics/fairness?from=2026-11-01&to=2026-02-30', 'to'],
      ['/api/audit/events?from=2026-13-01&to=2026-11-19', 'from'],
      ['/api/audit/export?kind=events&from=2026-13-01&to=2026-11-19', 'from'],
      ['/api/decisions?from=2026-13-01T00:00:00Z&to=2026-11-19T00:00:00Z', 'from'],
    ];
    for (const [url, path] of malformed) {
      const res = await gov.get(url);
      expect(res.status, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors, url).toEqual([{ path, message: expect.any(String) }]);
    }
    // Both ends valid and the wrong way round: the order is the one error, reported on `to`.
    for (const url of [
      '/api/metrics/overview?from=2026-11-20&to=2026-11-19',
      '/api/audit/events?from=2026-11-20&to=2026-11-19',
      '/api/audit/export?kind=decisions&from=2026-11-20&to=2026-11-19',
      '/api/decisions?from=2026-11-20T00:00:00Z&to=2026-11-19T00:00:00Z',
    ]) {
      const res = await gov.get(url);
      expect(res.status, url).toBe(400);
      expect(res.body.errors, url).toEqual([{ path: 'to', message: 'must not be before from' }]);
    }
  });
});

describeEachStore('drift and fairness metrics', (kind) => {
  let t: TestStore;
  let app: TestApp;
  let steps: ReturnType<typeof caseSteps>;
  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store, longSessions);
    steps = caseSteps(app);
  });
  afterAll(async () => t.dispose());

  const scores = (offset: number) => Array.from({ length: 40 }, (_, i) => offset + (i + 0.5) / 80);
  const riskScores = (modelId: string, version: string, decidedAt: string, values: number[]) =>
    values.map((score) => riskDecision({ model: { id: modelId, version }, decidedAt, output: { score, band: 'low' } }));

  it('gives PSI above 0.25 for versions scoring disjoint halves, below 0.1 for identical ones', async () => {
    await steps.batch([
      // Listed newest first: versions are ordered by their first decision day, not by arrival.
      ...riskScores('drift-shift', '2', '2026-11-12T09:00:00Z', scores(0.5)),
      ...riskScores('drift-shift', '1', '2026-11-10T09:00:00Z', scores(0)),
      ...riskScores('drift-same', '1', '2026-11-10T09:00:00Z', scores(0.25)),
      ...riskScores('drift-same', '2', '2026-11-12T09:00:00Z', scores(0.25)),
    ]);
    const res = await (await app.as('governance')).get('/api/metrics/models?type=risk_score');
    const { items } = ModelMetricsList.parse(res.body);
    const find = (modelId: string, version: string) => items.find((i) => i.modelId === modelId && i.modelVersion === version)!;
    expect(find('drift-shift', '1')).toMatchObject({ psi: null, firstDay: '2026-11-10', decisions: 40 });
    expect(find('drift-shift', '2').psiAgainst).toBe('1');
    expect(find('drift-shift', '2').psi).toBeGreaterThan(0.25);
    expect(find('drift-same', '2').psi).toBeLessThan(0.1);
    expect(find('drift-same', '2').psi).toBeCloseTo(0, 10);
    const bins = find('drift-shift', '1').histogram.bins;
    expect(bins).toHaveLength(20);
    expect(bins.slice(0, 10).map((b) => b.count)).toEqual(Array(10).fill(4));
    expect(bins.slice(10).every((b) => b.count === 0)).toBe(true);
  });

  it('compares a version with the one that went live before it, or with the predecessor the registry names', async () => {
    await steps.batch([
      // Same day, same instant: natural version order, '9' before '10' (not text order).
      ...riskScores('order-natural', '10', '2026-11-10T09:00:00Z', scores(0.5)),
      ...riskScores('order-natural', '9', '2026-11-10T09:00:00Z', scores(0)),
      // Same day: the first decision's instant decides, not the name.
      ...riskScores('order-instant', 'amber', '2026-11-10T14:00:00Z', scores(0.5)),
      ...riskScores('order-instant', 'blue', '2026-11-10T06:00:00Z', scores(0)),
      ...riskScores('order-instant', 'blue', '2026-11-10T23:00:00Z', scores(0)),
      // The registry says 3 replaced 1 (2 was a canary), and names for 1 a version without decisions here.
      ...riskScores('order-registry', '1', '2026-11-08T09:00:00Z', scores(0)),
      ...riskScores('order-registry', '2', '2026-11-09T09:00:00Z', scores(0.5)),
      ...riskScores('order-registry', '3', '2026-11-10T09:00:00Z', scores(0)),
    ]);
    const admin = await app.as('admin');
    const template = (await admin.get('/api/models/claims-risk-score/1.4')).body;
    const register = async (version: string, predecessor: string) => {
      const res = await admin.put('/api/models').send({ ...template, modelId: 'order-registry', version, predecessor });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.predecessor).toBe(predecessor);
    };
    await register('3', '1');
    await register('1', '0');
    const itself = await admin.put('/api/models').send({ ...template, modelId: 'order-registry', version: '4', predecessor: '4' });
    expect(itself.status).toBe(400);
    expect(itself.body.errors.map((e: { path: string }) => e.path)).toContain('predecessor');

    const { items } = ModelMetricsList.parse(
      (await (await app.as('governance')).get('/api/metrics/models?type=risk_score&from=2026-11-01&to=2026-11-30')).body,
    );
    const drift = (modelId: string) =>
      items.filter((i) => i.modelId === modelId).map((i) => [i.modelVersion, i.psiAgainst, i.psi === null ? null : i.psi > 0.25 ? 'major' : 'stable']);
    expect(drift('order-natural')).toEqual([
      ['9', null, null],
      ['10', '9', 'major'],
    ]);
    expect(drift('order-instant')).toEqual([
      ['blue', null, null],
      ['amber', 'blue', 'major'],
    ]);
    expect(drift('order-registry')).toEqual([
      ['1', '0', null],
      ['2', '1', 'major'],
      ['3', '1', 'stable'],
    ]);
  });

  it('counts a renewal at each bin edge in the bin that edge opens, also after an upgrade from the previous format', async () => {
    // −50 %, −45 % … +50 % of 1000.00 EUR, in whole cents: 21 edges, the last one closing the last bin.
    const edgesBp = Array.from({ length: 21 }, (_, i) => -5000 + i * 500);
    await steps.batch(
      edgesBp.map((bp) =>
        renewalDecision({
          model: { id: 'edge-renewal', version: '1' },
          output: { currency: 'EUR', previousPremiumCents: 100_000, newPremiumCents: 100_000 + bp * 10 },
        }),
      ),
    );
    const histogram = async () => {
      const { items } = ModelMetricsList.parse((await (await app.as('governance')).get('/api/metrics/models?modelId=edge-renewal')).body);
      return items[0]!.histogram.bins;
    };
    const expected = edgesBp.slice(0, -1).map((bp, i) => ({ from: bp / 10_000, to: edgesBp[i + 1]! / 10_000, count: i === 19 ? 2 : 1 }));
    expect(await histogram()).toEqual(expected);

    // What the previous format counted: −45 % in the bin below. A start-up upgrade rebuilds it.
    const previous = (await rebuildRollups(app.store)).map((r) => {
      if (r.attribute === '@format') return { ...r, counters: { format: ROLLUP_FORMAT - 1 } };
      if (r.modelId !== 'edge-renewal' || r.attribute !== '') return r;
      const { 'score:1': _moved, ...counters } = r.counters;
      return { ...r, counters: { ...counters, 'score:0': 2 } };
    });
    await app.store.rollups.replaceAll(previous);
    expect((await histogram()).slice(0, 2).map((b) => b.count)).toEqual([2, 0]);
    expect(await upgradeRollups(app.store)).toBe(true);
    expect(await histogram()).toEqual(expected);
    expect(await upgradeRollups(app.store)).toBe(false);
  });
});
