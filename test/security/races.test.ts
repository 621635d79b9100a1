/**
 * Races, beyond test/api/cases.test.ts (50 resolves; 10 objections from one session):
 * many clients at once (each its own session, several people) on approve, extend, withdraw, a
 * mix of commands, and objections from members and reviewers alike. Exactly one wins each race,
 * every other gets 409, and the chain, the case and the log still agree.
 */
import type { Server } from 'node:http';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, TEST_NOW, type TestApp } from '../support/app';
import { renewalDecision } from '../support/fixtures';
import { sessionCookieFor } from '../support/session-cookies';
import { describeEachStore, type TestStore } from '../support/stores';

const APPROVERS = ['senior.reviewer', 'approver.two', 'approver.three'];
const statement = 'I have not made any claims, please look again.';

describeEachStore('races on one decision, many clients', (kind) => {
  let t: TestStore;
  let app: TestApp;
  let server: Server;
  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store);
    // Two more approvers, so the races are between people and not only between tabs.
    for (const username of APPROVERS.slice(1)) {
      await t.store.users.insert({
        id: `u_${username}`,
        username,
        roles: ['reviewer', 'approver'],
        scopes: ['renewal_price', 'fraud_flag', 'risk_score'],
        passwordHash: 'none',
        createdAt: TEST_NOW,
      });
    }
    server = app.app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    server.close();
    await t.dispose();
  });

  /** A client: its own session, as another browser tab or person would have. */
  const client = async (username: string) => {
    const cookie = await sessionCookieFor(app.store, app.clock, app.config, username);
    return {
      post: (url: string, body: unknown) =>
        request(server)
          .post(url)
          .set('Cookie', cookie)
          .send(body as object),
    };
  };
  const clients = (usernames: string[], each: number) => Promise.all(usernames.flatMap((u) => Array.from({ length: each }, () => client(u))));

  async function openCase() {
    const decisionId = (await app.ingest().post('/api/decisions').send(renewalDecision())).body.id as string;
    const filed = await (await client('anna')).post(`/api/decisions/${decisionId}/objections`, { statement });
    expect(filed.status).toBe(201);
    return { decisionId, caseId: filed.body.case.id as string };
  }

  /** One winner, the rest 409 with the named codes; then chain, case projection and verify agree. */
  async function expectOneWinner(results: request.Response[], decisionId: string, codes: string[]) {
    const statuses = results.map((r) => r.status);
    expect(
      statuses.filter((s) => s >= 200 && s < 300),
      JSON.stringify(statuses),
    ).toHaveLength(1);
    const losers = results.filter((r) => r.status >= 300);
    expect(
      losers.every((r) => r.status === 409),
      JSON.stringify(losers.map((r) => r.body)),
    ).toBe(true);
    expect(new Set(losers.map((r) => r.body.code))).toSatisfy((set: Set<string>) => [...set].every((c) => codes.includes(c)));
    const events = await app.store.events.list(decisionId);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    for (const c of await app.store.cases.listForDecision(decisionId)) {
      // Each event of a case raised its version by one: no lost and no doubled update.
      expect(c.version).toBe(events.filter((e) => e.caseId === c.id).length);
    }
    const verify = await (await app.as('governance')).get('/api/audit/verify');
    expect(verify.body.ok, JSON.stringify(verify.body)).toBe(true);
    return { winner: results.find((r) => r.status < 300)!, events };
  }

  it("approve: 24 approvers' tabs approving and rejecting one override at once", async () => {
    const { decisionId, caseId } = await openCase();
    const pricing = await client('pricing.reviewer');
    await pricing.post(`/api/cases/${caseId}/claim`, { expectedVersion: 1 });
    const proposed = await pricing.post(`/api/cases/${caseId}/resolve`, {
      outcome: 'override',
      rationale: 'The counted claims belong to another policy.',
      override: { newPremiumCents: 115_000 },
      expectedVersion: 2,
    });
    expect(proposed.body.case.status).toBe('pending_approval');
    const racers = await clients(APPROVERS, 8);
    const results = await Promise.all(
      racers.map((c, i) =>
        c.post(`/api/cases/${caseId}/approve`, { approve: i % 3 !== 0, rationale: `Decided by approver tab number ${i}.`, expectedVersion: 3 }),
      ),
    );
    const { winner, events } = await expectOneWinner(results, decisionId, ['version_conflict', 'invalid_state']);
    const verdicts = events.filter((e) => e.action === 'approved' || e.action === 'rejected');
    expect(verdicts).toHaveLength(1);
    const decision = await app.store.decisions.get(decisionId);
    expect(decision!.overridden).toBe(verdicts[0]!.action === 'approved');
    expect(winner.body.case.status).toBe(verdicts[0]!.action === 'approved' ? 'resolved' : 'in_review');
  });

  it('extend: 20 reviewers extending one deadline at once, with different months and reasons', async () => {
    const { decisionId, caseId } = await openCase();
    const racers = await clients(['pricing.reviewer', ...APPROVERS], 5);
    const results = await Promise.all(
      racers.map((c, i) =>
        c.post(`/api/cases/${caseId}/extend`, { months: 1 + (i % 2), reason: `We need the hospital file, request ${i}.`, expectedVersion: 1 }),
      ),
    );
    const { winner, events } = await expectOneWinner(results, decisionId, ['version_conflict', 'invalid_state']);
    const extended = events.filter((e) => e.action === 'extended');
    expect(extended).toHaveLength(1);
    const stored = await app.store.cases.get(caseId);
    expect(stored!.dueAt).toBe(winner.body.case.dueAt);
    expect(stored!.extension!.reason).toBe(winner.body.case.extension.reason);
  });

  it('withdraw: the member in 12 tabs, with and without a version, withdraws once', async () => {
    const { decisionId, caseId } = await openCase();
    const racers = await clients(['anna'], 12);
    const results = await Promise.all(racers.map((c, i) => c.post(`/api/cases/${caseId}/withdraw`, i % 2 ? { expectedVersion: 1 } : {})));
    const { events } = await expectOneWinner(results, decisionId, ['version_conflict', 'invalid_state']);
    expect(events.filter((e) => e.action === 'withdrawn')).toHaveLength(1);
    expect((await app.store.outbox.pending(10_000)).filter((m) => m.caseId === caseId && m.kind === 'withdrawn')).toHaveLength(1);
  });

  it('mixed: claim, comment, extend and withdraw on one open case at the same version', async () => {
    const { decisionId, caseId } = await openCase();
    const [pricing, senior, anna] = await Promise.all([clients(['pricing.reviewer'], 10), clients(APPROVERS, 3), clients(['anna'], 5)]);
    const results = await Promise.all([
      ...pricing.map((c, i) =>
        i % 2
          ? c.post(`/api/cases/${caseId}/claim`, { expectedVersion: 1 })
          : c.post(`/api/cases/${caseId}/extend`, { months: 1, reason: `Waiting for the file, ${i}.`, expectedVersion: 1 }),
      ),
      ...senior.map((c, i) => c.post(`/api/cases/${caseId}/comments`, { text: `A note from approver tab ${i}.`, visibility: 'internal', expectedVersion: 1 })),
      ...anna.map((c) => c.post(`/api/cases/${caseId}/withdraw`, { expectedVersion: 1 })),
    ]);
    const { events } = await expectOneWinner(results, decisionId, ['version_conflict', 'invalid_state']);
    expect(events.map((e) => e.action)).toHaveLength(2); // the objection and the one winner
  });

  it("objections: the member's tabs and two reviewers registering a phone call, all at once", async () => {
    const decisionId = (await app.ingest().post('/api/decisions').send(renewalDecision())).body.id as string;
    const [members, reviewers] = await Promise.all([clients(['anna'], 8), clients(['pricing.reviewer', 'senior.reviewer'], 4)]);
    const results = await Promise.all([
      ...members.map((c) => c.post(`/api/decisions/${decisionId}/objections`, { statement })),
      ...reviewers.map((c, i) =>
        c.post(`/api/decisions/${decisionId}/objections`, {
          statement: `Called us on the phone (${i}).`,
          channel: i % 2 ? 'phone' : 'post',
          receivedAt: '2026-11-24T09:00:00.000Z',
        }),
      ),
    ]);
    const { events } = await expectOneWinner(results, decisionId, ['case_already_open']);
    expect(events.map((e) => e.action)).toEqual(['objection_filed']);
    expect(await app.store.cases.listForDecision(decisionId)).toHaveLength(1);
  });
});
