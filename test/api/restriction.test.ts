import { afterAll, beforeAll, expect, it } from 'vitest';
import { repairRecentProjections } from '../../server/jobs/repair';
import type { OutboxMessage, Store } from '../../server/storage/store';
import { buildTestApp, type TestApp } from '../support/app';
import { caseSteps } from '../support/case-steps';
import { fraudDecision, renewalDecision } from '../support/fixtures';
import { describeEachStore, type TestStore } from '../support/stores';

/** The real store, except that the next case write fails, as if the process died right there. */
function failingNextCaseWrite(store: Store) {
  const put = store.cases.put.bind(store.cases);
  let armed = false;
  store.cases.put = async (c) => {
    if (armed) {
      armed = false;
      throw new Error('simulated crash between the chain event and the case write');
    }
    return put(c);
  };
  return { arm: () => void (armed = true) };
}

/** The webhook events written to the outbox for one decision, in order. */
async function eventsOf(store: Store, decisionId: string) {
  const entries: OutboxMessage[] = (await store.outbox.pending(1000)).filter((e) => e.decisionId === decisionId);
  return entries.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)).flatMap((e) => e.events ?? []);
}

describeEachStore('Art. 18 restriction of a contested renewal price', (kind) => {
  let t: TestStore;
  let app: TestApp;
  let steps: ReturnType<typeof caseSteps>;
  let fault: ReturnType<typeof failingNextCaseWrite>;
  beforeAll(async () => {
    t = await kind.open();
    fault = failingNextCaseWrite(t.store);
    app = await buildTestApp(t.store, { sampleRate: 0 });
    steps = caseSteps(app);
  });
  afterAll(async () => t.dispose());

  const ingest = async (body = renewalDecision()) => (await app.ingest().post('/api/decisions').send(body)).body.id as string;
  const overview = async () => (await (await app.as('governance')).get('/api/metrics/overview')).body as { restrictions: number; openRestrictions: number };

  it('holds the price from the objection until the case is resolved, and tells billing both times', async () => {
    const before = await overview();
    const decisionId = await ingest();
    const anna = await app.as('anna');
    const filed = await anna.post(`/api/decisions/${decisionId}/objections`).send({ statement: 'The claims count is wrong.', restrict: true });
    expect(filed.status).toBe(201);
    expect(filed.body.case.restriction).toEqual({ since: expect.any(String) });
    expect(filed.body.decision.restriction).toEqual(filed.body.case.restriction);
    expect((await anna.get(`/api/decisions/${decisionId}`)).body.restriction).toEqual({ since: filed.body.case.restriction.since });

    const opened = await eventsOf(app.store, decisionId);
    expect(opened.map((e) => e.type)).toEqual(['case.opened', 'decision.restricted']);
    expect(opened[1]!.data).toMatchObject({ decisionId, caseId: filed.body.case.id, memberId: 'M-1001', held: { newPremiumCents: 129_000 } });
    expect(await overview()).toMatchObject({ restrictions: before.restrictions + 1, openRestrictions: before.openRestrictions + 1 });

    // A proposed override waiting for its second person is not a resolution: the price stays held.
    const claimed = await steps.claim('pricing.reviewer', filed.body.case);
    const proposed = await steps.override('pricing.reviewer', claimed, { newPremiumCents: 121_000 });
    expect(proposed.status).toBe('pending_approval');
    expect((await anna.get(`/api/decisions/${decisionId}`)).body.restriction.liftedAt).toBeUndefined();

    const approved = await steps.approve('senior.reviewer', proposed);
    expect(approved.status).toBe('resolved');
    const detail = (await anna.get(`/api/decisions/${decisionId}`)).body;
    expect(detail.restriction).toEqual({ since: filed.body.case.restriction.since, liftedAt: expect.any(String) });
    const types = (await eventsOf(app.store, decisionId)).map((e) => e.type);
    expect(types).toEqual(['case.opened', 'decision.restricted', 'case.resolved', 'decision.outcome_changed', 'decision.restriction_lifted']);
    const lifted = (await eventsOf(app.store, decisionId)).at(-1)!;
    // Billing applies the outcome in force now: the approved override.
    expect(lifted.data).toMatchObject({ effective: { newPremiumCents: 121_000 }, liftedAt: detail.restriction.liftedAt });
    expect(await overview()).toMatchObject({ restrictions: before.restrictions + 1, openRestrictions: before.openRestrictions });
    // The reviewer's case page shows the lifted restriction as history.
    const staffView = (await (await app.as('pricing.reviewer')).get(`/api/cases/${filed.body.case.id}`)).body;
    expect(staffView.case.restriction.liftedAt).toBe(detail.restriction.liftedAt);
    expect(staffView.timeline.find((e: { action: string }) => e.action === 'approved').data.restriction).toBe('lifted');
  });

  it('lifts the restriction when the member withdraws, and on a confirmation', async () => {
    const withdrawnId = await ingest();
    const c = await steps.object('anna', withdrawnId, { restrict: true });
    const anna = await app.as('anna');
    expect((await anna.post(`/api/cases/${c.id}/withdraw`).send({ expectedVersion: 1 })).status).toBe(200);
    expect((await anna.get(`/api/decisions/${withdrawnId}`)).body.restriction.liftedAt).toEqual(expect.any(String));
    expect((await eventsOf(app.store, withdrawnId)).map((e) => e.type)).toEqual([
      'case.opened',
      'decision.restricted',
      'case.withdrawn',
      'decision.restriction_lifted',
    ]);

    const confirmedId = await ingest();
    const confirmed = await steps.confirm(
      'pricing.reviewer',
      await steps.claim('pricing.reviewer', await steps.object('anna', confirmedId, { restrict: true })),
    );
    expect(confirmed.status).toBe('resolved');
    const lifted = (await eventsOf(app.store, confirmedId)).at(-1)!;
    expect(lifted).toMatchObject({ type: 'decision.restriction_lifted', data: { effective: { newPremiumCents: 129_000 } } });
  });

  it('leaves an objection without restrict unrestricted, and tells billing nothing about it', async () => {
    const decisionId = await ingest();
    const c = await steps.object('anna', decisionId);
    expect((await (await app.as('anna')).get(`/api/cases/${c.id}`)).body.case.restriction).toBeNull();
    expect((await eventsOf(app.store, decisionId)).map((e) => e.type)).toEqual(['case.opened']);
  });

  it('lets the member ask on an open objection, once, with one winner in a race', async () => {
    const decisionId = await ingest();
    const c = await steps.object('anna', decisionId);
    const anna = await app.as('anna');
    const [a, b] = await Promise.all([
      anna.post(`/api/cases/${c.id}/restriction`).send({ expectedVersion: 1 }),
      anna.post(`/api/cases/${c.id}/restriction`).send({ expectedVersion: 1 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.code).toBe('version_conflict');
    const again = await anna.post(`/api/cases/${c.id}/restriction`).send({});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invalid_state');
    expect((await app.store.events.list(decisionId)).map((e) => e.action)).toEqual(['objection_filed', 'restricted']);
    expect((await eventsOf(app.store, decisionId)).map((e) => e.type)).toEqual(['case.opened', 'decision.restricted']);
  });

  it('lets a reviewer register a restriction asked by phone with the objection', async () => {
    const decisionId = await ingest();
    const pricing = await app.as('pricing.reviewer');
    const res = await pricing
      .post(`/api/decisions/${decisionId}/objections`)
      .send({ statement: 'Member called: the claim was not theirs.', channel: 'phone', receivedAt: '2026-11-25T09:00:00.000Z', restrict: true });
    expect(res.status).toBe(201);
    expect(res.body.case.restriction).toEqual({ since: expect.any(String) });
  });

  it("answers 404 to a member acting on another member's decision or case, changing nothing", async () => {
    const decisionId = await ingest();
    const bram = await app.as('bram');
    expect((await bram.post(`/api/decisions/${decisionId}/objections`).send({ statement: 'Not mine.', restrict: true })).status).toBe(404);
    const c = await steps.object('anna', decisionId);
    const res = await bram.post(`/api/cases/${c.id}/restriction`).send({ expectedVersion: 1 });
    expect(res.status).toBe(404);
    expect((await app.store.cases.get(c.id))!.restriction).toBeNull();
  });

  it('refuses bad bodies and a restriction on a decision that is not a price with 400, changing nothing', async () => {
    const anna = await app.as('anna');
    const decisionId = await ingest();
    const bad = await anna.post(`/api/decisions/${decisionId}/objections`).send({ statement: 'Wrong.', restrict: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('restrict');
    const fraudId = await ingest(fraudDecision());
    const notPrice = await anna.post(`/api/decisions/${fraudId}/objections`).send({ statement: 'Wrong.', restrict: true });
    expect(notPrice.status).toBe(400);
    expect(notPrice.body.errors).toEqual([{ path: 'restrict', message: expect.any(String) }]);
    expect(await app.store.cases.listForDecision(decisionId)).toEqual([]);
    expect(await app.store.cases.listForDecision(fraudId)).toEqual([]);
    const c = await steps.object('anna', decisionId);
    const extra = await anna.post(`/api/cases/${c.id}/restriction`).send({ expectedVersion: 1, since: 'yesterday' });
    expect(extra.status).toBe(400);
    expect((await app.store.cases.get(c.id))!.restriction).toBeNull();
  });

  it('heals a crash between the lifting event and the projections from the chain', async () => {
    const decisionId = await ingest();
    const claimed = await steps.claim('pricing.reviewer', await steps.object('anna', decisionId, { restrict: true }));
    fault.arm();
    const pricing = await app.as('pricing.reviewer');
    const crashed = await pricing
      .post(`/api/cases/${claimed.id}/resolve`)
      .send({ outcome: 'confirm', rationale: 'Checked: the decision follows the published rules.', expectedVersion: claimed.version });
    expect(crashed.status).toBe(500);
    expect((await app.store.cases.get(claimed.id))!.restriction!.liftedAt).toBeUndefined();
    await repairRecentProjections(app.store, '2000-01-01T00:00:00.000Z');
    expect((await app.store.cases.get(claimed.id))!.restriction!.liftedAt).toEqual(expect.any(String));
    expect((await eventsOf(app.store, decisionId)).at(-1)!.type).toBe('decision.restriction_lifted');
  });
});
