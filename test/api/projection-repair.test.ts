import { afterAll, beforeAll, expect, it } from 'vitest';
import { deliverOutbox } from '../../server/jobs/outbox';
import { repairRecentProjections } from '../../server/jobs/repair';
import type { Store } from '../../server/storage/store';
import { buildTestApp, type TestApp } from '../support/app';
import { renewalDecision } from '../support/fixtures';
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

describeEachStore('crash between the chain event and the projections', (kind) => {
  let t: TestStore;
  let app: TestApp;
  let fault: ReturnType<typeof failingNextCaseWrite>;
  beforeAll(async () => {
    t = await kind.open();
    fault = failingNextCaseWrite(t.store);
    app = await buildTestApp(t.store);
  });
  afterAll(async () => t.dispose());

  it('repairs the case on the next read, so no acknowledged step is lost and none is applied twice', async () => {
    const decisionId = (await app.ingest().post('/api/decisions').send(renewalDecision())).body.id;
    const anna = await app.as('anna');
    const caseId = (await anna.post(`/api/decisions/${decisionId}/objections`).send({ statement: 'Please review.' })).body.case.id;
    const pricing = await app.as('pricing.reviewer');
    fault.arm();
    const crashed = await pricing.post(`/api/cases/${caseId}/claim`).send({ expectedVersion: 1 });
    expect(crashed.status).toBe(500);
    // The event made it to the chain; the case document did not.
    expect((await app.store.cases.get(caseId))?.version).toBe(1);
    const read = await pricing.get(`/api/cases/${caseId}`);
    expect(read.body.case).toMatchObject({ status: 'in_review', version: 2 });
    // A retry with the old version is a clean conflict, not a second claim.
    const retry = await pricing.post(`/api/cases/${caseId}/claim`).send({ expectedVersion: 1 });
    expect(retry.status).toBe(409);
    expect((await app.store.events.list(decisionId)).map((e) => e.action)).toEqual(['objection_filed', 'assigned']);
  });

  it('repairs untouched cases in the start-up job and delivers their notifications', async () => {
    const decisionId = (await app.ingest().post('/api/decisions').send(renewalDecision())).body.id;
    fault.arm();
    const anna = await app.as('anna');
    expect((await anna.post(`/api/decisions/${decisionId}/objections`).send({ statement: 'Please review.' })).status).toBe(500);
    expect(await app.store.cases.listForDecision(decisionId)).toHaveLength(0);
    expect(await repairRecentProjections(app.store, '2000-01-01T00:00:00.000Z')).toBeGreaterThan(0);
    const [repaired] = await app.store.cases.listForDecision(decisionId);
    expect(repaired).toMatchObject({ status: 'open', statement: 'Please review.', memberId: 'M-1001' });
    const sent: string[] = [];
    await deliverOutbox(app.store, app.clock, async (m) => void sent.push(`${m.kind}:${m.caseId}`));
    expect(sent).toContain(`received:${repaired!.id}`);
    expect(await app.store.outbox.pending(100)).toEqual([]);
  });
});
