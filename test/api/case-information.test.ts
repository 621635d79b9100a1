import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { renewalDecision } from '../support/fixtures';
import { openTestSqlite, type TestStore } from '../support/stores';

const RATIONALE = 'The claims counted belong to a different policy; premium without them.';

/** Adding information to a case, asking for it, members' requests, and what may be contested. */
describe('case information, member requests and contesting', () => {
  let t: TestStore;
  let app: TestApp;
  beforeAll(async () => {
    t = await openTestSqlite();
    app = await buildTestApp(t.store, { fourEyesTypes: [] });
  });
  afterAll(async () => t.dispose());

  async function objection(): Promise<{ decisionId: string; caseId: string }> {
    const ingested = await app.ingest().post('/api/decisions').send(renewalDecision());
    const filed = await (await app.as('anna')).post(`/api/decisions/${ingested.body.id}/objections`).send({ statement: 'The 2025 claims were not mine.' });
    expect(filed.status).toBe(201);
    return { decisionId: ingested.body.id, caseId: filed.body.case.id };
  }

  it("puts the member's message on the case for the reviewer, and refuses one on a closed case", async () => {
    const { caseId } = await objection();
    const anna = await app.as('anna');
    const added = await anna.post(`/api/cases/${caseId}/messages`).send({ text: 'The 2025 claims were for my neighbour, same surname.' });
    expect(added.status).toBe(201);
    const seen = await (await app.as('pricing.reviewer')).get(`/api/cases/${caseId}`);
    const message = seen.body.timeline.find((e: { action: string }) => e.action === 'member_message');
    expect(message).toMatchObject({ visibility: 'member', text: 'The 2025 claims were for my neighbour, same surname.', actor: { role: 'member' } });
    expect((await anna.post(`/api/cases/${caseId}/messages`).send({ text: '   ' })).status).toBe(400);
    await anna.post(`/api/cases/${caseId}/withdraw`).send({});
    const late = await anna.post(`/api/cases/${caseId}/messages`).send({ text: 'One more thing.' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('invalid_state');
  });

  it('lets a reviewer ask the member for information: on the case for both, a mail queued, the due date unchanged', async () => {
    const { caseId } = await objection();
    const reviewer = await app.as('pricing.reviewer');
    const before = (await reviewer.get(`/api/cases/${caseId}`)).body.case;
    const asked = await reviewer
      .post(`/api/cases/${caseId}/information-requests`)
      .send({ text: 'Please send us the invoice of the 2025 claim.', expectedVersion: before.version });
    expect(asked.status).toBe(200);
    expect(asked.body.case.dueAt).toBe(before.dueAt);
    expect(asked.body.case.status).toBe(before.status);
    const own = await (await app.as('anna')).get(`/api/cases/${caseId}`);
    const entry = own.body.timeline.find((e: { action: string }) => e.action === 'information_requested');
    expect(entry).toMatchObject({ text: 'Please send us the invoice of the 2025 claim.', visibility: 'member' });
    const pending = await t.store.outbox.pending(100);
    expect(pending.some((m) => m.caseId === caseId && m.kind === 'information_requested')).toBe(true);
    const stale = await reviewer
      .post(`/api/cases/${caseId}/information-requests`)
      .send({ text: 'Please send the invoice again.', expectedVersion: before.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
  });

  it('files an erasure request the member and the admin see with its state, once while open', async () => {
    const anna = await app.as('anna');
    const filed = await anna.post('/api/me/requests').send({ kind: 'erasure', details: 'Please remove everything once my policy ends.' });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ kind: 'erasure', status: 'received', memberId: 'M-1001' });
    const again = await anna.post('/api/me/requests').send({ kind: 'erasure' });
    expect(again.status).toBe(409);
    expect((await anna.post('/api/me/requests').send({ kind: 'restriction' })).status).toBe(201);
    expect((await anna.post('/api/me/requests').send({ kind: 'forget_me_now' })).status).toBe(400);
    expect((await anna.get('/api/me/requests')).body.items.map((r: { kind: string }) => r.kind).sort()).toEqual(['erasure', 'restriction']);
    expect((await (await app.as('bram')).get('/api/me/requests')).body.items).toEqual([]);
    const admin = await (await app.as('admin')).get('/api/admin/requests');
    expect(admin.body.items.find((r: { id: string }) => r.id === filed.body.id)).toMatchObject({ status: 'received', memberId: 'M-1001' });
  });

  it('lets the admin move a request on, on the staff log without the member, and keeps a closed one closed', async () => {
    const filed = (await (await app.as('bram')).post('/api/me/requests').send({ kind: 'rectification', details: 'My postcode is wrong.' })).body;
    const admin = await app.as('admin');
    expect((await admin.patch(`/api/admin/requests/${filed.id}`).send({ status: 'finished' })).status).toBe(400);
    expect((await admin.patch('/api/admin/requests/req_000000000000000000000000').send({ status: 'done' })).status).toBe(404);
    const moved = await admin.patch(`/api/admin/requests/${filed.id}`).send({ status: 'in_progress' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: filed.id, status: 'in_progress' });
    expect((await admin.patch(`/api/admin/requests/${filed.id}`).send({ status: 'done' })).body.status).toBe('done');
    const reopened = await admin.patch(`/api/admin/requests/${filed.id}`).send({ status: 'received' });
    expect(reopened.status).toBe(409);
    expect(reopened.body.code).toBe('invalid_state');
    expect((await (await app.as('bram')).get('/api/me/requests')).body.items.find((r: { id: string }) => r.id === filed.id).status).toBe('done');
    const log = (await (await app.as('governance')).get('/api/audit/staff-log?action=member_request_updated')).body.items;
    expect(log.map((e: { data: { to: string } }) => e.data.to)).toEqual(['done', 'in_progress']);
    expect(JSON.stringify(log)).not.toMatch(/M-1002|postcode/);
  });

  it('refuses an objection to a decision already changed in the member’s favour, and takes one to a change against them', async () => {
    const { decisionId, caseId } = await objection();
    const reviewer = await app.as('pricing.reviewer');
    await reviewer.post(`/api/cases/${caseId}/claim`).send({ expectedVersion: 1 });
    const lowered = await reviewer
      .post(`/api/cases/${caseId}/resolve`)
      .send({ outcome: 'override', rationale: RATIONALE, override: { newPremiumCents: 121_000 }, expectedVersion: 2 });
    expect(lowered.status).toBe(200);
    expect(lowered.body.decision.overridden).toBe(true);
    const again = await (await app.as('anna')).post(`/api/decisions/${decisionId}/objections`).send({ statement: 'Still not right.' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('decision_already_in_favour');

    const other = await objection();
    await reviewer.post(`/api/cases/${other.caseId}/claim`).send({ expectedVersion: 1 });
    const raised = await reviewer
      .post(`/api/cases/${other.caseId}/resolve`)
      .send({ outcome: 'override', rationale: RATIONALE, override: { newPremiumCents: 131_000 }, expectedVersion: 2 });
    expect(raised.status).toBe(200);
    expect((await (await app.as('anna')).post(`/api/decisions/${other.decisionId}/objections`).send({ statement: 'Higher than before?' })).status).toBe(201);
  });
});
