import { afterAll, beforeAll, expect, it } from 'vitest';
import { FairnessReport } from '@shared/schemas/metrics';
import { MemberExport } from '@shared/schemas/member-export';
import { diffRollups, rebuildRollups, upgradeRollups } from '../../server/metrics/rebuild';
import { buildTestApp, type TestApp } from '../support/app';
import { caseSteps, longSessions } from '../support/case-steps';
import { renewalDecision } from '../support/fixtures';
import { describeEachStore, type TestStore } from '../support/stores';

/*
 * Monitoring attributes (issue 19, item 4): what fairness needs but the model must not use (sex,
 * under Test-Achats) travels beside the inputs, is kept apart, seen by no reviewer and in no
 * explanation, given to the member in the export and erased with the member.
 */
const ATTRIBUTES = ['sex', 'age_band'];

describeEachStore('monitoring attributes', (kind) => {
  let t: TestStore;
  let app: TestApp;
  let steps: ReturnType<typeof caseSteps>;
  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store, { ...longSessions, monitoringAttributes: ATTRIBUTES });
    steps = caseSteps(app);
  });
  afterAll(async () => t.dispose());

  const renewal = (memberId: string, sex: string, raised: boolean, extra: Record<string, unknown> = {}) =>
    renewalDecision({
      subject: { memberId, policyId: 'P-5001' },
      model: { id: 'monitored-tariff', version: '1' },
      monitoring: { sex, age_band: '45-59' },
      output: { currency: 'EUR', previousPremiumCents: 120_000, newPremiumCents: raised ? 129_000 : 120_000 },
      rationale: { reasonCodes: [{ code: 'CLAIMS_HISTORY' }], contributions: [{ feature: 'claims_last_12m', contribution: raised ? 9000 : 0 }] },
      ...extra,
    });

  let annasDecision = '';

  it('groups fairness by a monitoring attribute that is not among the inputs, with no finding', async () => {
    const ids = await steps.batch([
      ...Array.from({ length: 40 }, (_, i) => renewal('M-1001', 'F', i < 10)),
      ...Array.from({ length: 40 }, (_, i) => renewal('M-1002', 'M', i < 30)),
    ]);
    annasDecision = ids[0]!;
    const res = await (await app.as('governance')).get('/api/metrics/fairness?type=renewal_price&modelId=monitored-tariff&attribute=sex');
    const report = FairnessReport.parse(res.body);
    expect(report.attributes).toEqual(ATTRIBUTES);
    expect(report.groups!.map((g) => [g.group, g.n, g.favourable, g.status])).toEqual([
      ['F', 40, 30, 'reference'],
      ['M', 40, 10, 'flagged'],
    ]);
    const findings = (await (await app.as('governance')).get('/api/metrics/findings?modelId=monitored-tariff')).body;
    expect(findings.total).toBe(0);
  });

  it('never shows them to reviewers or in the explanation, and gives them to the member in the export', async () => {
    const reviewer = await (await app.as('pricing.reviewer')).get(`/api/decisions/${annasDecision}`);
    expect(reviewer.status).toBe(200);
    expect(reviewer.body).not.toHaveProperty('monitoring');
    expect(JSON.stringify(reviewer.body)).not.toContain('"sex"');
    const anna = await app.as('anna');
    const own = await anna.get(`/api/decisions/${annasDecision}`);
    expect(own.body).not.toHaveProperty('monitoring');
    const explanation = await anna.get(`/api/decisions/${annasDecision}/explanation?lang=en`);
    expect(JSON.stringify(explanation.body)).not.toMatch(/\bsex\b/i);
    const list = await (await app.as('governance')).get('/api/decisions?modelId=monitored-tariff&limit=5');
    expect(JSON.stringify(list.body)).not.toContain('"monitoring"');

    const exported = MemberExport.parse((await anna.get('/api/me/export')).body);
    const mine = exported.decisions.find((d) => d.id === annasDecision)!;
    expect(mine.monitoring).toEqual({ sex: 'F', age_band: '45-59' });
  });

  it('counts the decision under its monitoring value even when the same name is an input, which stays a finding', async () => {
    await steps.batch([renewal('M-1001', 'F', false, { inputs: { claims_last_12m: 3, sex: 'M' } })]);
    const findings = (await (await app.as('governance')).get('/api/metrics/findings?modelId=monitored-tariff')).body;
    expect(findings.items).toEqual([expect.objectContaining({ code: 'prohibited_input', count: 1 })]);
    const report = FairnessReport.parse(
      (await (await app.as('governance')).get('/api/metrics/fairness?type=renewal_price&modelId=monitored-tariff&attribute=sex')).body,
    );
    expect(report.groups!.find((g) => g.group === 'F')!.n).toBe(41);
  });

  it('refuses bad monitoring attributes and treats them as part of the body for idempotency', async () => {
    const tooMany = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`a${i}`, i]));
    for (const [monitoring, path] of [
      [tooMany, 'monitoring'],
      [{ 'bad name': 'x' }, 'monitoring'],
      [{ sex: { nested: true } }, 'monitoring.sex'],
    ] as const) {
      const res = await app
        .ingest()
        .post('/api/decisions')
        .send(renewal('M-1001', 'F', false, { monitoring }));
      expect(res.status, JSON.stringify(monitoring)).toBe(400);
      expect(res.body.errors[0].path).toMatch(new RegExp(`^${path}`));
    }
    const body = renewal('M-1001', 'F', false, { idempotencyKey: 'monitoring-idempotency' });
    expect((await app.ingest().post('/api/decisions').send(body)).status).toBe(201);
    expect((await app.ingest().post('/api/decisions').send(body)).status).toBe(200);
    const changed = await app
      .ingest()
      .post('/api/decisions')
      .send({ ...body, monitoring: { sex: 'M', age_band: '45-59' } });
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('idempotency_conflict');
  });

  it('erases them with the member; the chains still verify and the rollups match a rebuild', async () => {
    const admin = await app.as('admin');
    expect((await admin.post('/api/admin/erasure').send({ memberId: 'M-1002' })).status).toBe(200);
    const bramsDecisions = (await (await app.as('governance')).get('/api/decisions?modelId=monitored-tariff&limit=200')).body.items.filter(
      (d: { erasedAt?: string }) => d.erasedAt,
    );
    expect(bramsDecisions.length).toBe(40);
    const stored = await app.store.decisions.get(bramsDecisions[0].id);
    expect(stored!.monitoring).toBeUndefined();
    const verify = await (await app.as('governance')).get('/api/audit/verify');
    expect(verify.body.ok).toBe(true);
    const report = FairnessReport.parse(
      (await (await app.as('governance')).get('/api/metrics/fairness?type=renewal_price&modelId=monitored-tariff&attribute=sex')).body,
    );
    expect(report.groups!.map((g) => [g.group, g.n])).toEqual([
      ['(missing)', 40],
      ['F', 42],
    ]);
    expect(diffRollups(await app.store.rollups.list({}), await rebuildRollups(app.store, ATTRIBUTES))).toEqual([]);
  });

  it('rebuilds the rollups at start when the monitored attributes change', async () => {
    expect(await upgradeRollups(app.store, ATTRIBUTES)).toBe(true); // first stamp of this store
    expect(await upgradeRollups(app.store, ATTRIBUTES)).toBe(false);
    expect(await upgradeRollups(app.store, ['sex'])).toBe(true);
    expect((await app.store.rollups.list({ attribute: 'age_band' })).length).toBe(0);
    expect(await upgradeRollups(app.store, ATTRIBUTES)).toBe(true);
    expect((await app.store.rollups.list({ attribute: 'age_band' })).length).toBeGreaterThan(0);
  });
});
