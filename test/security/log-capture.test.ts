/**
 * The server's own log, captured through a workload that touches every route
 * family, holds no password, session token or id, ingest key, member id or member's words.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp, createLogger } from '../../server/app';
import { createUser } from '../../server/auth/users.service';
import { fixedClock } from '../../server/clock';
import { testConfig } from '../../server/config';
import { DEMO_MODEL_ENTRIES } from '../../server/demo/models';
import { DEMO_USERS } from '../../server/demo/seed';
import { deliverOutbox, logSender } from '../../server/jobs/outbox';
import { TEST_NOW } from '../support/app';
import { fraudDecision, renewalDecision, riskDecision } from '../support/fixtures';
import { sessionTokenHash, sessionTokenOf } from '../support/session-cookies';
import { openTestSqlite } from '../support/stores';

const INGEST_KEY = 'ingest-key-for-the-log-test-4b1d';
/** A password per user, each a string that appears nowhere else. */
const passwordOf = (username: string) => `Pw!${username}-9c41e7`;
const WRONG_PASSWORD = 'Wrong-pa55word-71aa';
const MEMBER = 'M-7001';
const OTHER_MEMBER = 'M-7002';
const STATEMENT = 'My daughter was in hospital in March, which is why I claimed so often.';
const TEXTS = [
  STATEMENT,
  'Please keep my old premium.',
  'Asked the hospital for the discharge letter.',
  'We are waiting for the letter from your hospital.',
  'Dispute about the March claims pending in court',
  'The claims were for a child now covered elsewhere.',
];

async function runWorkload(level: string) {
  const lines: string[] = [];
  const logger = createLogger(level, { write: (line: string) => void lines.push(line) });
  const t = await openTestSqlite();
  const clock = fixedClock(TEST_NOW);
  const config = testConfig({ ingestApiKeys: [INGEST_KEY], sampleRate: 0, logLevel: level });
  for (const u of DEMO_USERS) {
    await createUser(t.store, clock, {
      ...u,
      memberId: u.memberId === 'M-1001' ? MEMBER : u.memberId === 'M-1002' ? OTHER_MEMBER : undefined,
      password: passwordOf(u.username),
    });
  }
  for (const entry of DEMO_MODEL_ENTRIES) await t.store.models.put(entry);
  const { app } = createApp({ store: t.store, config, clock, logger });
  const tokens: string[] = [];

  const signIn = async (username: string) => {
    const res = await request(app)
      .post('/api/session')
      .send({ username, password: passwordOf(username) });
    expect(res.status).toBe(200);
    const token = sessionTokenOf(res.headers['set-cookie'])!;
    tokens.push(token);
    const cookie = `recourse_session=${token}`;
    const call = (method: 'get' | 'post' | 'put' | 'delete', url: string, body?: unknown) => {
      const req = request(app)[method](url).set('Cookie', cookie);
      return body === undefined ? req : req.send(body as object);
    };
    return {
      get: (url: string) => call('get', url),
      post: (url: string, body: unknown = {}) => call('post', url, body),
      put: (url: string, body: unknown) => call('put', url, body),
      delete: (url: string, body?: unknown) => call('delete', url, body),
    };
  };
  const ingest = (url: string) => request(app).post(url).set('Authorization', `Bearer ${INGEST_KEY}`);

  // Sign-in: right and wrong passwords, unknown names, the throttle.
  await request(app).post('/api/session').send({ username: 'anna', password: WRONG_PASSWORD });
  await request(app).post('/api/session').send({ username: 'nobody.here', password: WRONG_PASSWORD });
  for (let i = 0; i < 6; i++)
    await request(app)
      .post('/api/session')
      .send({ username: 'bram', password: `${WRONG_PASSWORD}${i}` });
  const anna = await signIn('anna');
  const pricing = await signIn('pricing.reviewer');
  const senior = await signIn('senior.reviewer');
  const governance = await signIn('governance');
  const admin = await signIn('admin');
  await anna.get('/api/session');

  // Ingest: one, a batch, NDJSON, a retry, a conflict and an invalid batch, all naming members.
  const one = (await ingest('/api/decisions').send(renewalDecision({ subject: { memberId: MEMBER, policyId: 'P-77' } }))).body.id as string;
  const batch = [
    fraudDecision({ subject: { memberId: MEMBER, claimId: 'C-1' } }),
    riskDecision({ subject: { memberId: MEMBER } }),
    renewalDecision({ subject: { memberId: OTHER_MEMBER } }),
  ];
  const ids = (await ingest('/api/decisions/batch').send({ decisions: batch })).body.ids as string[];
  await ingest('/api/decisions/batch').send({ decisions: batch });
  await ingest('/api/decisions/batch')
    .set('Content-Type', 'application/x-ndjson')
    .send(batch.map((d) => JSON.stringify(d)).join('\n'));
  await ingest('/api/decisions').send({ ...batch[0], inputs: { claim_amount_cents: 1 } });
  await ingest('/api/decisions/batch').send({ decisions: [{ ...batch[0], subject: { memberId: `${MEMBER}$bad` } }] });
  await ingest('/api/decisions').set('Content-Type', 'application/json').send(`{"subject": {"memberId": "${MEMBER}"`);
  await request(app).post('/api/decisions').set('Authorization', 'Bearer not-the-key').send(batch[0]!);

  // Member: reads, explanation in three languages, objection, export.
  await anna.get(`/api/decisions?memberId=${MEMBER}`);
  await anna.get(`/api/decisions/${one}`);
  for (const lang of ['en', 'nl', 'fr']) await anna.get(`/api/decisions/${one}/explanation?lang=${lang}`);
  const filed = await anna.post(`/api/decisions/${one}/objections`, { statement: STATEMENT, requestedOutcome: TEXTS[1] });
  expect(filed.status).toBe(201);
  const caseId = filed.body.case.id as string;
  await anna.post(`/api/decisions/${one}/objections`, { statement: STATEMENT });
  await anna.get('/api/cases');
  await anna.get(`/api/cases/${caseId}`);
  await anna.get('/api/me/export?lang=nl');

  // Reviewers: claim, comments, extension, override, four-eyes, approval; a phone objection; a withdrawal.
  await pricing.post(`/api/cases/${caseId}/claim`, { expectedVersion: 1 });
  await pricing.post(`/api/cases/${caseId}/comments`, { text: TEXTS[2], visibility: 'internal', expectedVersion: 2 });
  await pricing.post(`/api/cases/${caseId}/extend`, { months: 1, reason: TEXTS[3], expectedVersion: 3 });
  await pricing.post(`/api/cases/${caseId}/resolve`, { outcome: 'override', rationale: TEXTS[5], override: { newPremiumCents: 100_000 }, expectedVersion: 4 });
  await pricing.post(`/api/cases/${caseId}/approve`, { approve: true, rationale: TEXTS[5], expectedVersion: 5 });
  expect((await senior.post(`/api/cases/${caseId}/approve`, { approve: true, rationale: TEXTS[5], expectedVersion: 5 })).status).toBe(200);
  await senior.post(`/api/cases/${caseId}/assign`, { userId: 'nobody', expectedVersion: 6 });
  const phoned = await senior.post(`/api/decisions/${ids[0]}/objections`, { statement: STATEMENT, channel: 'phone', receivedAt: '2026-11-24T10:00:00.000Z' });
  expect((await anna.post(`/api/cases/${phoned.body.case.id}/withdraw`, { expectedVersion: 1 })).status).toBe(200);
  await senior.get(`/api/cases?assignee=me&overdue=true`);
  await senior.get('/api/models');
  await senior.get(`/api/models/${DEMO_MODEL_ENTRIES[0]!.modelId}/${DEMO_MODEL_ENTRIES[0]!.version}`);
  await senior.get('/api/policies');

  // Governance: audit trail, exports, metrics.
  await governance.post('/api/audit/anchors');
  await governance.get('/api/audit/verify');
  await governance.get('/api/audit/anchors');
  await governance.get(`/api/audit/events?decisionId=${one}`);
  await governance.get('/api/audit/export?kind=events&from=2026-11-01&to=2026-11-30&format=csv');
  await governance.get('/api/audit/export?kind=decisions&from=2026-11-01&to=2026-11-30');
  for (const m of ['overview', 'models', 'fairness', 'overrides', 'findings', 'coverage']) await governance.get(`/api/metrics/${m}`);
  await governance.get('/api/metrics/overview?format=csv');
  await governance.post(`/api/decisions/${one}/objections`, { statement: STATEMENT });

  // Admin: registry, a member's export on request, legal holds, erasure refused then done.
  await admin.put('/api/models', DEMO_MODEL_ENTRIES[0]);
  expect((await admin.get(`/api/admin/members/${MEMBER}/export`)).status).toBe(200);
  await admin.put(`/api/admin/legal-holds/${MEMBER}`, { reason: TEXTS[4] });
  await admin.get('/api/admin/legal-holds');
  expect((await admin.post('/api/admin/erasure', { memberId: MEMBER })).status).toBe(409);
  await admin.delete(`/api/admin/legal-holds/${MEMBER}`, { reason: TEXTS[4] });
  expect((await admin.post('/api/admin/erasure', { memberId: MEMBER })).status).toBe(200);
  await admin.get(`/api/admin/members/${OTHER_MEMBER}/export`);
  await anna.get(`/api/nothing/here/${MEMBER}?memberId=${MEMBER}`);

  // Notifications go out through the log sender; then everyone signs out.
  await deliverOutbox(t.store, clock, logSender(logger));
  for (const u of [pricing, senior, governance, admin]) await u.delete('/api/session');

  await t.dispose();
  return { log: lines.join(''), lines, tokens };
}

/** Everything that must never be in a log line. */
function secrets(tokens: string[]) {
  return [
    ...DEMO_USERS.map((u) => passwordOf(u.username)),
    WRONG_PASSWORD,
    INGEST_KEY,
    ...tokens,
    ...tokens.map(sessionTokenHash),
    MEMBER,
    OTHER_MEMBER,
    ...TEXTS,
    // Fragments: a truncated or re-encoded copy still gives it away.
    'daughter was in hospital',
    'discharge letter',
  ];
}

describe('the server log', () => {
  for (const level of ['info', 'trace']) {
    it(`holds no secret or personal data at LOG_LEVEL=${level}`, async () => {
      const { log, lines, tokens } = await runWorkload(level);
      // It did log the workload: a request line per call, the notifications, the warnings.
      expect(lines.length).toBeGreaterThan(60);
      expect(log).toContain('"status":401');
      expect(log).toContain('member notification sent');
      const found = secrets(tokens).filter((s) => log.includes(s));
      const where = found.map((s) => `${s} in: ${lines.find((l) => l.includes(s))!.slice(0, 300)}`);
      expect(where).toEqual([]);
    });
  }
});
