import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { fraudDecision, renewalDecision, riskDecision } from '../support/fixtures';
import { describeEachStore, type TestStore } from '../support/stores';

describeEachStore('reading decisions', (kind) => {
  let t: TestStore;
  let app: TestApp;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store);
    const decisions = {
      annaRenewal: renewalDecision({ subject: { memberId: 'M-1001' }, decidedAt: '2026-11-01T10:00:00.000Z' }),
      annaFraud: fraudDecision({ subject: { memberId: 'M-1001', claimId: 'C-1' }, decidedAt: '2026-11-02T10:00:00.000Z' }),
      bramRenewal: renewalDecision({ subject: { memberId: 'M-1002' }, decidedAt: '2026-11-03T10:00:00.000Z' }),
      bramRisk: riskDecision({ subject: { memberId: 'M-1002' }, decidedAt: '2026-11-04T10:00:00.000Z' }),
    };
    for (const [name, body] of Object.entries(decisions)) ids[name] = (await app.ingest().post('/api/decisions').send(body)).body.id;
  });
  afterAll(async () => t.dispose());

  it('shows a member only decisions about their own member id', async () => {
    const anna = await app.as('anna');
    const res = await anna.get('/api/decisions');
    expect(res.status).toBe(200);
    expect(res.body.items.map((d: { id: string }) => d.id)).toEqual([ids.annaFraud, ids.annaRenewal]);
    const asking = await anna.get('/api/decisions?memberId=M-1002');
    expect(asking.body.items).toEqual([]);
  });

  it("answers 404, never 403, for a decision that is not the member's", async () => {
    const anna = await app.as('anna');
    expect((await anna.get(`/api/decisions/${ids.annaRenewal}`)).status).toBe(200);
    const other = await anna.get(`/api/decisions/${ids.bramRenewal}`);
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('not_found');
    const missing = await anna.get('/api/decisions/dec_000000000000000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ ...other.body, detail: expect.any(String) });
  });

  it('limits reviewers to their scopes, with 404 outside them', async () => {
    const fraud = await app.as('fraud.reviewer');
    const list = await fraud.get('/api/decisions');
    expect(list.body.items.map((d: { type: string }) => d.type)).toEqual(['fraud_flag']);
    expect((await fraud.get(`/api/decisions/${ids.annaRenewal}`)).status).toBe(404);
    expect((await fraud.get('/api/decisions?type=renewal_price')).body.items).toEqual([]);
    const pricing = await app.as('pricing.reviewer');
    expect((await pricing.get('/api/decisions')).body.items.map((d: { type: string }) => d.type).sort()).toEqual([
      'renewal_price',
      'renewal_price',
      'risk_score',
    ]);
  });

  it('pages with an opaque cursor and filters by member, type, model and period', async () => {
    const gov = await app.as('governance');
    const first = await gov.get('/api/decisions?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await gov.get(`/api/decisions?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((d: { id: string }) => d.id)).toEqual([ids.annaFraud, ids.annaRenewal]);
    expect(second.body.nextCursor).toBeNull();
    const bram = await gov.get('/api/decisions?memberId=M-1002&type=risk_score');
    expect(bram.body.items.map((d: { id: string }) => d.id)).toEqual([ids.bramRisk]);
    const period = await gov.get('/api/decisions?from=2026-11-02T00:00:00Z&to=2026-11-03T23:59:59Z');
    expect(period.body.items).toHaveLength(2);
    const model = await gov.get('/api/decisions?modelId=claims-risk-score&modelVersion=1.4');
    expect(model.body.items).toHaveLength(1);
  });

  it('refuses a forged cursor and unknown filters with clear 400s', async () => {
    const gov = await app.as('governance');
    const forged = await gov.get('/api/decisions?cursor=bm90LWEtY3Vyc29y');
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('invalid_cursor');
    const unknown = await gov.get('/api/decisions?shoe=42');
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('validation_failed');
  });

  it('requires sign-in', async () => {
    expect((await app.anonymous().get('/api/decisions')).status).toBe(401);
  });

  it('finds a member number typed in any case, and records one sent in lower case upper-cased', async () => {
    const gov = await app.as('governance');
    const typed = await gov.get('/api/decisions?memberId=m-1001');
    expect(typed.status).toBe(200);
    expect(typed.body.items.map((d: { id: string }) => d.id)).toEqual([ids.annaFraud, ids.annaRenewal]);
    expect(typed.body).toEqual((await gov.get('/api/decisions?memberId=M-1001')).body);

    // A scoring service writing the number in lower case still files the decision under the member.
    const sent = await app
      .ingest()
      .post('/api/decisions')
      .send(riskDecision({ subject: { memberId: 'm-1001' }, decidedAt: '2026-11-05T10:00:00.000Z' }));
    expect(sent.status).toBe(201);
    expect(sent.body.subject.memberId).toBe('M-1001');
    const anna = await app.as('anna');
    expect((await anna.get('/api/decisions')).body.items.map((d: { id: string }) => d.id)).toEqual([sent.body.id, ids.annaFraud, ids.annaRenewal]);
    expect((await gov.get('/api/decisions?memberId=m-1001&type=risk_score')).body.items.map((d: { id: string }) => d.id)).toEqual([sent.body.id]);
  });
});
