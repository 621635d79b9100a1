import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { renewalDecision } from '../support/fixtures';
import { describeEachStore, type TestStore } from '../support/stores';

describeEachStore('audit browser, exports and explanation coverage', (kind) => {
  let t: TestStore;
  let app: TestApp;
  let decisionId: string;
  let caseId: string;
  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store);
    const decisions = [
      renewalDecision({ decidedAt: '2026-11-20T10:00:00.000Z' }),
      renewalDecision({ decidedAt: '2026-11-21T10:00:00.000Z' }),
      renewalDecision({ decidedAt: '2026-11-22T10:00:00.000Z', model: { id: 'unregistered-model', version: '1' } }),
      renewalDecision({
        decidedAt: '2026-11-22T11:00:00.000Z',
        inputs: { claims_last_12m: 1, shoe_size: 44 },
        rationale: { reasonCodes: [{ code: 'NEW_CODE' }], contributions: [] },
      }),
    ];
    decisionId = (await app.ingest().post('/api/decisions/batch').send({ decisions })).body.ids[0];
    const anna = await app.as('anna');
    caseId = (await anna.post(`/api/decisions/${decisionId}/objections`).send({ statement: 'Please check.' })).body.case.id;
    app.clock.advance(60_000);
    await (await app.as('pricing.reviewer')).post(`/api/cases/${caseId}/claim`).send({ expectedVersion: 1 });
  });
  afterAll(async () => t.dispose());

  it('lists events newest first, filtered by decision, case, actor, action and period, with a cursor', async () => {
    const gov = await app.as('governance');
    const all = await gov.get('/api/audit/events');
    expect(all.status).toBe(200);
    expect(all.body.items.map((e: { action: string }) => e.action)).toEqual(['assigned', 'objection_filed']);
    expect(all.body.items[0].personalSalt).toBeUndefined();
    const byAction = await gov.get('/api/audit/events?action=objection_filed');
    expect(byAction.body.items).toHaveLength(1);
    const byCase = await gov.get(`/api/audit/events?caseId=${caseId}&decisionId=${decisionId}`);
    expect(byCase.body.items).toHaveLength(2);
    const actor = all.body.items[0].actor.id;
    expect((await gov.get(`/api/audit/events?actor=${actor}`)).body.items).toHaveLength(1);
    const paged = await gov.get('/api/audit/events?limit=1');
    const next = await gov.get(`/api/audit/events?limit=1&cursor=${paged.body.nextCursor}`);
    expect(next.body.items[0].action).toBe('objection_filed');
    expect((await gov.get('/api/audit/events?from=2020-01-01&to=2020-01-02')).body.items).toEqual([]);
    expect((await gov.get('/api/audit/events?action=deleted')).status).toBe(400);
    expect((await (await app.as('senior.reviewer')).get('/api/audit/events')).status).toBe(403);
  });

  it('names the staff on a page of events, never the members, and takes a user name as the actor', async () => {
    const gov = await app.as('governance');
    const all = await gov.get('/api/audit/events');
    const [assigned, filed] = all.body.items as { actor: { id: string; role: string } }[];
    expect(all.body.people[assigned!.actor.id]).toEqual({ username: 'pricing.reviewer', displayName: 'Pieter Claes' });
    // The member who objected is "the member": their account is not named in the log.
    expect(filed!.actor.role).toBe('member');
    expect(all.body.people[filed!.actor.id]).toBeUndefined();
    const byName = await gov.get('/api/audit/events?actor=pricing.reviewer');
    expect(byName.body.items.map((e: { action: string }) => e.action)).toEqual(['assigned']);
    expect((await gov.get('/api/audit/events?actor=nobody.here')).body.items).toEqual([]);
  });

  it('exports decisions and events of a period as NDJSON and CSV', async () => {
    const gov = await app.as('governance');
    const ndjson = await gov
      .get('/api/audit/export?kind=decisions&from=2026-11-21&to=2026-11-22')
      .buffer(true)
      .parse((res, cb) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c));
        res.on('end', () => cb(null, text));
      });
    expect(ndjson.headers['content-type']).toContain('application/x-ndjson');
    const lines = (ndjson.body as string)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    const csv = await gov.get('/api/audit/export?kind=events&format=csv&from=2026-01-01&to=2026-12-31');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.trim().split('\r\n')).toHaveLength(3);
    expect(csv.text.split('\r\n')[0]).toBe('decisionId,seq,at,action,actorId,actorRole,actorIssuer,actorSubject,caseId,data,hash,prevHash');
    expect((await gov.get('/api/audit/export?kind=decisions&from=2026-12-01&to=2026-11-01')).status).toBe(400);
    expect((await (await app.as('anna')).get('/api/audit/export?kind=decisions&from=2026-01-01&to=2026-12-31')).status).toBe(403);
  });

  it('reports explanation coverage gaps from the rollups', async () => {
    const gov = await app.as('governance');
    const res = await gov.get('/api/metrics/coverage');
    expect(res.status).toBe(200);
    expect(res.body.decisions).toBe(4);
    const keys = res.body.gaps.map((g: { kind: string; key: string }) => `${g.kind}:${g.key}`).sort();
    expect(keys).toEqual(['feature_label:shoe_size', 'model:unregistered-model@1', 'reason_code:NEW_CODE']);
    expect(res.body.fullyExplainedShare).toBe(0.5);
  });
});
