import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedActions, CASE_ACTIONS, type Actor, type CaseAction } from '@shared/cases/allowed-actions';
import type { Case } from '@shared/schemas/case';
import { buildTestApp, TEST_NOW, type TestApp } from '../support/app';
import { renewalDecision } from '../support/fixtures';
import { storeKinds, type TestStore } from '../support/stores';

/**
 * The rule the buttons follow (allowedActions) against the rule the server enforces: for each state
 * a case can be in and each person who can see it, every action the rule allows succeeds through
 * the API and every action it refuses is refused, so the two cannot drift apart unnoticed.
 */
const PEOPLE = ['anna', 'pricing.reviewer', 'senior.reviewer', 'fraud.reviewer', 'governance', 'admin'] as const;
const RATIONALE = 'The claims counted belong to a different policy; premium without them.';

type Step = (app: TestApp, caseId: string, version: number) => Promise<{ status: number; body: { case?: Case } }>;

const request =
  (username: string, action: CaseAction, body: object): Step =>
  async (app, caseId) =>
    (await app.as(username)).post(`/api/cases/${caseId}/${PATHS[action] ?? action}`).send(body);

/** Actions whose path is not their name. */
const PATHS: Partial<Record<CaseAction, string>> = { comment: 'comments', addInformation: 'messages', requestInformation: 'information-requests' };

/** Each action as the person in question sends it, with a body the schema accepts. */
function send(username: string, action: CaseAction, version: number, assigneeId: string): Step {
  const bodies: Record<CaseAction, object> = {
    addInformation: { text: 'The claims in 2025 were for my neighbour.' },
    requestInformation: { text: 'Please send the invoice of the 2025 claim.', expectedVersion: version },
    claim: { expectedVersion: version },
    assign: { userId: assigneeId, expectedVersion: version },
    comment: { text: 'Looked at the claims history.', visibility: 'internal', expectedVersion: version },
    resolve: { outcome: 'confirm', rationale: RATIONALE, expectedVersion: version },
    approve: { approve: true, rationale: 'Verified against the claims register.', expectedVersion: version },
    extend: { months: 1, reason: 'We are waiting for the claims register.', expectedVersion: version },
    withdraw: { expectedVersion: version },
  };
  return request(username, action, bodies[action]);
}

/** How to bring a fresh case into each state, step by step from a filed objection. */
const STATES: Record<string, { steps: ((version: number) => Step)[]; after?: string }> = {
  open: { steps: [] },
  in_review: { steps: [(v) => send('pricing.reviewer', 'claim', v, '')] },
  pending_approval: {
    steps: [
      (v) => send('pricing.reviewer', 'claim', v, ''),
      (v) => request('pricing.reviewer', 'resolve', { outcome: 'override', rationale: RATIONALE, override: { newPremiumCents: 120_000 }, expectedVersion: v }),
    ],
  },
  rejected_back_to_review: {
    steps: [
      (v) => send('pricing.reviewer', 'claim', v, ''),
      (v) => request('pricing.reviewer', 'resolve', { outcome: 'override', rationale: RATIONALE, override: { newPremiumCents: 120_000 }, expectedVersion: v }),
      (v) => request('senior.reviewer', 'approve', { approve: false, rationale: 'Not enough evidence for this change.', expectedVersion: v }),
    ],
  },
  extended: { steps: [(v) => send('pricing.reviewer', 'claim', v, ''), (v) => send('pricing.reviewer', 'extend', v, '')] },
  resolved: { steps: [(v) => send('pricing.reviewer', 'claim', v, ''), (v) => send('pricing.reviewer', 'resolve', v, '')] },
  withdrawn: { steps: [(v) => send('anna', 'withdraw', v, '')] },
  // Filed on 25 November, due on 25 December: two days later it can no longer be extended.
  open_past_deadline: { steps: [], after: '2026-12-27T12:00:00.000Z' },
};

// The rule is the service's, not the adapter's: SQLite alone keeps this matrix quick.
describe('allowed actions match the server', () => {
  const kind = storeKinds()[0]!;
  let t: TestStore;
  let app: TestApp;
  const actors = new Map<string, Actor>();
  beforeAll(async () => {
    t = await kind.open();
    // Sessions outlive the jump past a deadline, so every person stays signed in.
    app = await buildTestApp(t.store, { sampleRate: 0, sessionIdleMs: 365 * 86_400_000, sessionAbsoluteMs: 365 * 86_400_000 });
    for (const username of [...PEOPLE, 'pricing.reviewer']) {
      const user = (await app.store.users.byUsername(username))!;
      actors.set(username, { id: user.id, roles: user.roles, scopes: user.scopes });
    }
  });
  afterAll(async () => t.dispose());

  /** A renewal objection by anna, brought into `state`; the case as staff see it (with its proposal). */
  async function caseIn(state: string): Promise<Case> {
    app.clock.set(TEST_NOW);
    const decisionId = (
      await app
        .ingest()
        .post('/api/decisions')
        .send(renewalDecision({ subject: { memberId: 'M-1001' } }))
    ).body.id as string;
    const filed = await (
      await app.as('anna')
    )
      .post(`/api/decisions/${decisionId}/objections`)
      .send({ statement: 'My premium went up although I made no claims.' });
    let c = filed.body.case as Case;
    for (const step of STATES[state]!.steps) {
      const res = await step(c.version)(app, c.id, c.version);
      expect(res.status, `setting up ${state}`).toBe(200);
      c = res.body.case!;
    }
    if (STATES[state]!.after) app.clock.set(STATES[state]!.after!);
    return (await (await app.as('senior.reviewer')).get(`/api/cases/${c.id}`)).body.case as Case;
  }

  for (const state of Object.keys(STATES)) {
    it(`in state ${state}, each person may do exactly what allowedActions says`, async () => {
      const mismatches: string[] = [];
      // A refused action changes nothing, so the same case serves until an action goes through.
      let c: Case | null = null;
      for (const username of PEOPLE) {
        for (const action of CASE_ACTIONS) {
          c ??= await caseIn(state);
          const allowed = allowedActions(c, actors.get(username)!, app.clock.now()).includes(action);
          const res = await send(username, action, c.version, actors.get('pricing.reviewer')!.id)(app, c.id, c.version);
          const succeeded = res.status >= 200 && res.status < 300;
          if (succeeded) c = null;
          if (succeeded !== allowed) mismatches.push(`${username} ${action}: allowedActions says ${allowed}, the server answered ${res.status}`);
          if (!succeeded && ![403, 404, 409].includes(res.status)) mismatches.push(`${username} ${action}: refused with ${res.status}`);
        }
      }
      expect(mismatches).toEqual([]);
    }, 120_000);
  }
});
