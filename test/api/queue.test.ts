import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, TEST_NOW, type TestApp } from '../support/app';
import { fraudDecision, renewalDecision } from '../support/fixtures';
import { describeEachStore, openTestSqlite, type TestStore } from '../support/stores';

/** Issue 17: the reviewers' queue (rows, counts, search, the approvers' inbox), colleagues by name, unassigning, samples' service level. */
describeEachStore('the reviewers’ queue', (kind) => {
  let t: TestStore;
  let app: TestApp;
  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store, { sampleRate: 0, sampleReviewDays: 10 });
  });
  afterAll(async () => t.dispose());

  const ingest = async (body: object) => (await app.ingest().post('/api/decisions').send(body)).body.id as string;
  const object = async (decisionId: string, member = 'anna') =>
    (await (await app.as(member)).post(`/api/decisions/${decisionId}/objections`).send({ statement: 'This is not right, please look again.' })).body.case
      .id as string;

  it('says on each staff row what the case is about and who has it, by name; a member’s rows stay plain cases', async () => {
    const decisionId = await ingest(renewalDecision({ subject: { memberId: 'M-1001', policyId: 'P-ROW-1' } }));
    const caseId = await object(decisionId);
    const pricing = await app.as('pricing.reviewer');
    await pricing.post(`/api/cases/${caseId}/claim`).send({ expectedVersion: 1 });

    const senior = await app.as('senior.reviewer');
    const list = await senior.get('/api/cases?q=P-ROW-1&status=in_review');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      id: caseId,
      about: { memberId: 'M-1001', policyId: 'P-ROW-1', claimId: null, outcome: { currency: 'EUR', previousPremiumCents: 120_000, newPremiumCents: 129_000 } },
      sampleReason: null,
      assigneeName: 'Pieter Claes',
    });

    const mine = await (await app.as('anna')).get('/api/cases?limit=100');
    const row = mine.body.items.find((c: { id: string }) => c.id === caseId);
    expect(row).toBeDefined();
    expect(row).not.toHaveProperty('about');
    expect(row).not.toHaveProperty('assigneeName');
  });

  it('finds cases by claim, policy or member number, exactly, within the reader’s scopes only', async () => {
    const claim = await ingest(
      fraudDecision({
        subject: { memberId: 'M-1002', claimId: 'C-FIND-1' },
        output: { claimId: 'C-FIND-1', score: 0.9, threshold: 0.7, flagged: true, action: 'hold_payment' },
      }),
    );
    const claimCase = await object(claim, 'bram');
    const policyCase = await object(await ingest(renewalDecision({ subject: { memberId: 'M-1002', policyId: 'P-FIND-1' } })), 'bram');
    const fraud = await app.as('fraud.reviewer');
    const pricing = await app.as('pricing.reviewer');
    const ids = async (agent: typeof fraud, q: string) => ((await agent.get(`/api/cases?status=open&q=${q}`)).body.items as { id: string }[]).map((c) => c.id);

    expect(await ids(fraud, 'C-FIND-1')).toEqual([claimCase]);
    expect(await ids(pricing, 'P-FIND-1')).toEqual([policyCase]);
    // Out of scope: the fraud reviewer does not find the renewal, nor the pricing reviewer the claim.
    expect(await ids(fraud, 'P-FIND-1')).toEqual([]);
    expect(await ids(pricing, 'C-FIND-1')).toEqual([]);
    // Exact, not a prefix; a member number in any case.
    expect(await ids(fraud, 'C-FIND')).toEqual([]);
    const byMember = await ids(await app.as('senior.reviewer'), 'm-1002');
    expect(byMember).toEqual(expect.arrayContaining([claimCase, policyCase]));

    const bad = await fraud.get('/api/cases?q=C%20FIND%201');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
  });

  it('counts every view with indexed counts, and gives approvers an inbox without their own proposals', async () => {
    const pricing = await app.as('pricing.reviewer');
    const senior = await app.as('senior.reviewer');
    const before = (await senior.get('/api/cases/counts?type=renewal_price')).body;

    // pricing proposes one override, senior another: each waits for the other.
    const propose = async (agent: typeof pricing, member: string) => {
      const caseId = await object(await ingest(renewalDecision({ subject: { memberId: member } })), member === 'M-1001' ? 'anna' : 'bram');
      await agent.post(`/api/cases/${caseId}/claim`).send({ expectedVersion: 1 });
      const proposed = await agent.post(`/api/cases/${caseId}/resolve`).send({
        outcome: 'override',
        rationale: 'The claims counted belong to a different policy altogether.',
        override: { newPremiumCents: 120_000 },
        expectedVersion: 2,
      });
      expect(proposed.status).toBe(200);
      return caseId;
    };
    const byPricing = await propose(pricing, 'M-1001');
    const bySenior = await propose(senior, 'M-1002');

    const counts = await senior.get('/api/cases/counts?type=renewal_price');
    expect(counts.status).toBe(200);
    expect(counts.body.byStatus.pending_approval).toBe(before.byStatus.pending_approval + 2);
    expect(counts.body.awaitingMe).toBe(before.awaitingMe + 1);
    expect(counts.body.mine).toBe(before.mine + 1);

    const inbox = (await senior.get('/api/cases?awaitingMe=true&limit=500')).body.items.map((c: { id: string }) => c.id);
    expect(inbox).toContain(byPricing);
    expect(inbox).not.toContain(bySenior);
    expect(inbox).toHaveLength(counts.body.awaitingMe);
    // A reviewer who approves nothing has an empty inbox, and a count of 0.
    expect((await pricing.get('/api/cases?awaitingMe=true')).body.items).toEqual([]);
    expect((await pricing.get('/api/cases/counts')).body.awaitingMe).toBe(0);
    // The list's own filters still say what they said.
    expect((await senior.get('/api/cases?awaitingMe=true&status=open')).body.items).toEqual([]);

    // Members and read-only staff have no queue to count.
    expect((await (await app.as('anna')).get('/api/cases/counts')).status).toBe(403);
    expect((await (await app.as('governance')).get('/api/cases/counts')).status).toBe(403);
  });

  it('tells the proposer on their row that an approver sent the proposal back', async () => {
    const pricing = await app.as('pricing.reviewer');
    const caseId = await object(await ingest(renewalDecision({ subject: { memberId: 'M-1001' } })));
    await pricing.post(`/api/cases/${caseId}/claim`).send({ expectedVersion: 1 });
    await pricing.post(`/api/cases/${caseId}/resolve`).send({
      outcome: 'override',
      rationale: 'The claims counted belong to a different policy altogether.',
      override: { newPremiumCents: 120_000 },
      expectedVersion: 2,
    });
    const rejected = await (
      await app.as('senior.reviewer')
    )
      .post(`/api/cases/${caseId}/approve`)
      .send({ approve: false, rationale: 'The register still lists these claims on this policy.', expectedVersion: 3 });
    expect(rejected.status).toBe(200);
    const row = (await pricing.get('/api/cases?assignee=me&status=in_review&limit=500')).body.items.find((c: { id: string }) => c.id === caseId);
    expect(row.proposalRejectedAt).toBe(TEST_NOW);
  });

  it('lists colleagues by name, never members; unassigns with userId null (approvers only) and the member does not hear of it', async () => {
    const governance = await app.as('governance');
    const colleagues = await governance.get('/api/cases/colleagues');
    expect(colleagues.status).toBe(200);
    expect(colleagues.body.items.map((c: { username: string }) => c.username).sort()).toEqual(['fraud.reviewer', 'pricing.reviewer', 'senior.reviewer']);
    expect(colleagues.body.items.find((c: { username: string }) => c.username === 'senior.reviewer')).toMatchObject({
      displayName: 'Sofie Dubois',
      scopes: ['renewal_price', 'fraud_flag', 'risk_score'],
    });
    expect((await (await app.as('anna')).get('/api/cases/colleagues')).status).toBe(403);

    const caseId = await object(await ingest(renewalDecision({ subject: { memberId: 'M-1001' } })));
    const pricing = await app.as('pricing.reviewer');
    await pricing.post(`/api/cases/${caseId}/claim`).send({ expectedVersion: 1 });
    const notApprover = await pricing.post(`/api/cases/${caseId}/assign`).send({ userId: null, expectedVersion: 2 });
    expect(notApprover.status).toBe(403);

    const senior = await app.as('senior.reviewer');
    const unassigned = await senior.post(`/api/cases/${caseId}/assign`).send({ userId: null, expectedVersion: 2 });
    expect(unassigned.status).toBe(200);
    expect(unassigned.body.case).toMatchObject({ status: 'in_review', assignee: null, version: 3 });
    expect(unassigned.body.timeline.at(-1)).toMatchObject({ action: 'assigned', visibility: 'internal', data: { assignee: null } });
    // Nobody has it now: a second unassign is refused, and anyone in scope may claim it.
    const again = await senior.post(`/api/cases/${caseId}/assign`).send({ userId: null, expectedVersion: 3 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invalid_state');
    expect((await pricing.post(`/api/cases/${caseId}/claim`).send({ expectedVersion: 3 })).status).toBe(200);
    // The member's timeline never shows the internal step.
    const memberView = await (await app.as('anna')).get(`/api/cases/${caseId}`);
    expect(memberView.body.timeline.filter((e: { action: string }) => e.action === 'assigned')).toHaveLength(2);
  });
});

describe('sample cases are due on the internal service level', () => {
  let t: TestStore;
  let app: TestApp;
  beforeAll(async () => {
    t = await openTestSqlite();
    app = await buildTestApp(t.store, { sampleRate: 1, sampleReviewDays: 10 });
  });
  afterAll(async () => t.dispose());

  it('sets a sample’s due date SAMPLE_REVIEW_DAYS calendar days on, to the end of that day in Brussels, and says why it was drawn', async () => {
    const decisionId = (await app.ingest().post('/api/decisions').send(renewalDecision())).body.id as string;
    const senior = await app.as('senior.reviewer');
    const detail = await senior.get(`/api/decisions/${decisionId}`);
    const sample = detail.body.cases.find((c: { origin: string }) => c.origin === 'sample');
    // Recorded 25 Nov 2026 12:00 UTC; ten days on is 5 Dec, whose end in Brussels (CET) is 22:59:59.999 UTC.
    expect(sample.dueAt).toBe('2026-12-05T22:59:59.999Z');
    expect(sample.originalDueAt).toBe(sample.dueAt);
    const row = (await senior.get('/api/cases?origin=sample&limit=500')).body.items.find((c: { id: string }) => c.id === sample.id);
    expect(row.sampleReason).toBe('random');
  });
});
