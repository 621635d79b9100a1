/**
 * Every route × every caller → the outcome the API promises that caller. The rows are checked
 * against the router itself, so a new route without a row fails here before it ships.
 *
 * `allow` is stricter than "not refused": it means a 2xx, because every cell sends a valid body
 * against a fresh fixture in the right state, so anything else is a wrong answer too.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INGEST_KEY } from '../../server/config';
import { DEMO_MODEL_ENTRIES } from '../../server/demo/models';
import { createUser } from '../../server/auth/users.service';
import { buildTestApp, type TestApp } from '../support/app';
import { fraudDecision, renewalDecision } from '../support/fixtures';
import { webhookRows, webhookWithDeadLetter } from './matrix-webhooks';
import { apiRoutes } from '../support/routes';
import { PDF } from '../support/documents';
import { sessionCookieFor } from '../support/session-cookies';
import { describeEachStore, openTestSqlite, type TestStore } from '../support/stores';

const CALLERS = ['anonymous', 'member_own', 'member_other', 'fraud', 'pricing', 'senior', 'governance', 'admin', 'ingest'] as const;
type Caller = (typeof CALLERS)[number];
/** 302: the browser-navigated sign-in routes answer everyone with a redirect (to the provider or back to /sign-in). */
type Outcome = 'allow' | 302 | 401 | 403 | 404;

const USERNAME: Record<Caller, string | null> = {
  anonymous: null,
  member_own: 'anna', // M-1001: the subject of every fixture below
  member_other: 'bram', // M-1002
  fraud: 'fraud.reviewer', // scope fraud_flag: out of scope for the renewal fixtures
  pricing: 'pricing.reviewer', // scopes renewal_price, risk_score
  senior: 'senior.reviewer', // approver, all scopes
  governance: 'governance',
  admin: 'admin',
  ingest: null,
};
let registered = 0;
const isStaffCaller = (c: Caller) => ['fraud', 'pricing', 'senior', 'governance', 'admin'].includes(c);

/** What one cell needs: a fresh decision, case or member so no cell sees another's state. */
interface Fixture {
  decisionId?: string;
  caseId?: string;
  memberId?: string;
  webhookId?: string;
  deliveryId?: string;
  /** A fresh staff account or ingest key for the admin's people and keys rows. */
  userId?: string;
  ingestKeyId?: string;
  attachmentId?: string;
  requestId?: string;
  disclosureId?: string;
  reportId?: string;
  monitorId?: string;
  userIds: Record<string, string>;
}

interface Row {
  fixture?: (f: Fixtures) => Promise<Partial<Fixture>>;
  /** A multipart upload instead of a JSON body: the form part `file`. */
  attach?: { bytes: Buffer; fileName: string };
  path?: (f: Fixture) => string;
  query?: string;
  body?: (caller: Caller, f: Fixture) => unknown;
  expect: Record<Caller, Outcome>;
  /** The reviewer out of scope of the row's fixture: fraud for anna's renewals (the default), pricing for her fraud checks. */
  outOfScope?: 'fraud' | 'pricing';
}

// ---- expectation shorthands ------------------------------------------------------------------

const everyone = (o: Outcome): Record<Caller, Outcome> => Object.fromEntries(CALLERS.map((c) => [c, o])) as Record<Caller, Outcome>;
const PUBLIC = everyone('allow');
const SIGNED_IN: Record<Caller, Outcome> = { ...everyone('allow'), anonymous: 401, ingest: 401 };
/** Role-gated: the named callers, 403 for every other signed-in caller (checked before any lookup). */
const only = (...allowed: Caller[]): Record<Caller, Outcome> => ({
  ...everyone(403),
  anonymous: 401,
  ingest: 401,
  ...Object.fromEntries(allowed.map((c) => [c, 'allow'])),
});
/** Anna's renewal decision: its subject and staff in scope read it; everyone else gets 404. */
const READ_DECISION: Record<Caller, Outcome> = { ...SIGNED_IN, member_other: 404, fraud: 404 };
/** A reviewer's command on anna's case: in-scope reviewers act; the member and read-only staff get 403. */
const REVIEWER_ACTS = (overrides: Partial<Record<Caller, Outcome>> = {}): Record<Caller, Outcome> => ({
  ...only('pricing', 'senior'),
  member_other: 404,
  fraud: 404,
  ...overrides,
});

// ---- fixtures ----------------------------------------------------------------------------------

class Fixtures {
  private n = 0;
  constructor(private readonly t: TestApp) {}

  cookie = (username: string) => sessionCookieFor(this.t.store, this.t.clock, this.t.config, username);

  /** Each decision a second newer than the last, so lists show the newest fixture first. */
  private decidedAt() {
    return new Date(Date.parse('2026-11-24T00:00:00.000Z') + ++this.n * 1000).toISOString();
  }

  async decision(memberId = 'M-1001', make = renewalDecision): Promise<Partial<Fixture>> {
    const res = await this.t
      .ingest()
      .post('/api/decisions')
      .send(make({ subject: { memberId, claimId: 'C-1' }, decidedAt: this.decidedAt() } as never));
    if (res.status !== 201) throw new Error(`fixture decision: ${res.status} ${JSON.stringify(res.body)}`);
    return { decisionId: res.body.id, memberId };
  }

  private async as(username: string, method: 'post', url: string, body: unknown) {
    const res = await request(this.t.app)
      [method](url)
      .set('Cookie', await this.cookie(username))
      .send(body as object);
    if (res.status >= 300) throw new Error(`fixture ${url} as ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async openCase(make = renewalDecision): Promise<Partial<Fixture>> {
    const d = await this.decision('M-1001', make);
    const filed = await this.as('anna', 'post', `/api/decisions/${d.decisionId}/objections`, { statement: 'Please have a person look at this again.' });
    return { ...d, caseId: filed.case.id };
  }

  async claimedCase(): Promise<Partial<Fixture>> {
    const c = await this.openCase();
    await this.as('pricing.reviewer', 'post', `/api/cases/${c.caseId}/claim`, { expectedVersion: 1 });
    return c;
  }

  /** Anna's objection claiming a correction of claims_last_12m, claimed by pricing.reviewer (version 2). */
  async correctionCase(): Promise<Partial<Fixture>> {
    const d = await this.decision('M-1001');
    const filed = await this.as('anna', 'post', `/api/decisions/${d.decisionId}/objections`, {
      statement: 'The claims counted are not mine.',
      corrections: [{ feature: 'claims_last_12m', claimedValue: 0, reason: 'I made no claims this year.' }],
    });
    await this.as('pricing.reviewer', 'post', `/api/cases/${filed.case.id}/claim`, { expectedVersion: 1 });
    return { ...d, caseId: filed.case.id };
  }

  async proposedCase(): Promise<Partial<Fixture>> {
    const c = await this.claimedCase();
    await this.as('pricing.reviewer', 'post', `/api/cases/${c.caseId}/resolve`, {
      outcome: 'override',
      rationale: 'The claims counted belong to another policy.',
      override: { newPremiumCents: 120_000 },
      expectedVersion: 2,
    });
    return c;
  }

  async memberWithData(): Promise<Partial<Fixture>> {
    return this.decision(`M-9${String(++this.n).padStart(5, '0')}`);
  }

  async heldMember(): Promise<Partial<Fixture>> {
    const memberId = `M-8${String(++this.n).padStart(5, '0')}`;
    await this.t.store.holds.put({ memberId, reason: 'pending dispute', setBy: 'admin', setAt: this.t.clock.now().toISOString() });
    return { memberId };
  }

  async caseWithDocument(): Promise<Partial<Fixture>> {
    const c = await this.openCase();
    const res = await request(this.t.app)
      .post(`/api/cases/${c.caseId}/attachments`)
      .set('Cookie', await this.cookie('anna'))
      .attach('file', PDF, 'invoice.pdf');
    if (res.status !== 201) throw new Error(`fixture document: ${res.status} ${JSON.stringify(res.body)}`);
    return { ...c, attachmentId: res.body.id };
  }

  webhook = () => webhookWithDeadLetter((...args) => this.as(...args), this.t.store);

  async staffUser(): Promise<Partial<Fixture>> {
    const user = await createUser(this.t.store, this.t.clock, {
      username: `matrix.user${++this.n}`,
      password: 'a-password-of-some-length',
      roles: ['reviewer'],
    });
    return { userId: user.id };
  }

  /** A fresh open request of bram's, straight into the store (one of a kind may be open through the API). */
  async memberRequest(): Promise<Partial<Fixture>> {
    const at = this.t.clock.now().toISOString();
    const id = `req_${String(++this.n).padStart(24, '0')}`;
    await this.t.store.memberRequests.put({ id, memberId: 'M-1002', kind: 'erasure', details: null, status: 'received', filedAt: at, updatedAt: at });
    return { requestId: id };
  }

  /** Anna's open fraud case with a disclosure fraud.reviewer proposed, pending approval. */
  async pendingDisclosure(): Promise<Partial<Fixture>> {
    const c = await this.openCase(fraudDecision);
    const proposed = await this.as('fraud.reviewer', 'post', `/api/cases/${c.caseId}/disclosures`, {
      recipient: { kind: 'fraud_register', name: 'Datassur' },
      fields: [],
    });
    return { ...c, disclosureId: proposed.id };
  }

  async report(): Promise<Partial<Fixture>> {
    const frozen = await this.as('governance', 'post', '/api/reports', { from: '2026-11-01', to: '2026-11-30' });
    return { reportId: frozen.id };
  }

  async monitor(): Promise<Partial<Fixture>> {
    const made = await this.as('governance', 'post', '/api/monitors', {
      modelId: `matrix-model-${++this.n}`,
      metric: 'psi',
      threshold: 0.25,
      windowDays: 30,
      enabled: true,
    });
    return { monitorId: made.id };
  }

  async ingestKey(): Promise<Partial<Fixture>> {
    const made = await this.as('admin', 'post', '/api/admin/ingest-keys', { name: `matrix key ${++this.n}` });
    return { ingestKeyId: made.id };
  }
}

// ---- the table ---------------------------------------------------------------------------------

let newUsers = 0;
const newUsername = () => `matrix.made${++newUsers}`;

const statement = 'I do not agree with this decision about me.';
const objection = (caller: Caller) => (isStaffCaller(caller) ? { statement, channel: 'phone', receivedAt: '2026-11-25T09:00:00.000Z' } : { statement });

const ROWS: Record<string, Row> = {
  'GET /api/health': { expect: PUBLIC },
  'GET /api/health/live': { expect: PUBLIC },
  'GET /api/health/ready': { expect: PUBLIC },
  'GET /api/openapi.json': { expect: PUBLIC },
  'GET /api/docs': { expect: PUBLIC },
  'POST /api/session': { body: (c) => ({ username: USERNAME[c] ?? 'anna', password: 'demo' }), expect: PUBLIC },
  'GET /api/session': { expect: SIGNED_IN },
  'DELETE /api/session': { expect: SIGNED_IN },
  'GET /api/session/providers': { expect: PUBLIC },
  // No provider in this app: every caller is sent back to /sign-in?error=oidc_not_configured
  // (test/api/oidc-sign-in.test.ts drives them against a real provider).
  'GET /api/session/oidc': { expect: everyone(302) },
  'GET /api/session/oidc/callback': { expect: everyone(302) },
  'GET /api/session/oidc/logout': { expect: everyone(302) },
  'GET /api/session/member-oidc': { expect: everyone(302) },
  'GET /api/session/member-oidc/callback': { expect: everyone(302) },
  'GET /api/session/member-oidc/logout': { expect: everyone(302) },

  // Ingest is the scoring services' door: a session is never its credential (401 "send a key",
  // as test/api/ingest.test.ts pins), so nobody signed in writes a decision either.
  'POST /api/decisions': { body: () => renewalDecision(), expect: { ...everyone(401), ingest: 'allow' } },
  'POST /api/decisions/batch': { body: () => ({ decisions: [renewalDecision(), fraudDecision()] }), expect: { ...everyone(401), ingest: 'allow' } },

  'GET /api/decisions': { fixture: (f) => f.openCase(), query: 'limit=20', expect: SIGNED_IN },
  'GET /api/decisions/:id': { fixture: (f) => f.decision(), expect: READ_DECISION },
  'GET /api/decisions/:id/explanation': { fixture: (f) => f.decision(), query: 'lang=nl', expect: READ_DECISION },
  'POST /api/decisions/:id/objections': {
    fixture: (f) => f.decision(),
    body: objection,
    // Governance and admin read the decision but never file or register anything.
    expect: { ...READ_DECISION, governance: 403, admin: 403 },
  },

  'GET /api/cases': { fixture: (f) => f.openCase(), query: 'limit=20', expect: SIGNED_IN },
  'GET /api/cases/counts': { query: 'type=renewal_price', expect: only('fraud', 'pricing', 'senior') },
  'GET /api/cases/colleagues': { expect: only('fraud', 'pricing', 'senior', 'governance') },
  'GET /api/cases/:id': { fixture: (f) => f.openCase(), expect: READ_DECISION },
  'POST /api/cases/:id/claim': { fixture: (f) => f.openCase(), body: () => ({ expectedVersion: 1 }), expect: REVIEWER_ACTS() },
  'POST /api/cases/:id/assign': {
    fixture: (f) => f.openCase(),
    body: (_c, f) => ({ userId: f.userIds['pricing.reviewer'], expectedVersion: 1 }),
    expect: REVIEWER_ACTS({ pricing: 403 }), // assigning to others is the approver's
  },
  'POST /api/cases/:id/comments': {
    fixture: (f) => f.openCase(),
    body: () => ({ text: 'We are looking into your claims history.', visibility: 'member', expectedVersion: 1 }),
    expect: REVIEWER_ACTS(),
  },
  'POST /api/cases/:id/resolve': {
    fixture: (f) => f.claimedCase(), // claimed by pricing.reviewer; the approver may resolve too
    body: () => ({ outcome: 'confirm', rationale: 'Checked against the claims register: it stands.', expectedVersion: 2 }),
    expect: REVIEWER_ACTS(),
  },
  'POST /api/cases/:id/approve': {
    fixture: (f) => f.proposedCase(), // proposed by pricing.reviewer
    body: () => ({ approve: true, rationale: 'Verified against the claims register.', expectedVersion: 3 }),
    expect: REVIEWER_ACTS({ pricing: 403 }), // four-eyes: never the proposer
  },
  'POST /api/cases/:id/extend': {
    fixture: (f) => f.openCase(),
    body: () => ({ months: 2, reason: 'We need the file from your hospital.', expectedVersion: 1 }),
    expect: REVIEWER_ACTS(),
  },
  'POST /api/cases/:id/withdraw': {
    fixture: (f) => f.openCase(),
    body: () => ({ expectedVersion: 1 }),
    expect: { ...only('member_own'), member_other: 404, fraud: 404 },
  },

  // Rectification: the reviewer who may resolve the case decides its corrections.
  'POST /api/cases/:id/corrections/:feature': {
    fixture: (f) => f.correctionCase(),
    path: (f) => `/api/cases/${f.caseId}/corrections/claims_last_12m`,
    body: () => ({ accept: true, reason: 'The claims register shows no claims of yours.', expectedVersion: 2 }),
    expect: REVIEWER_ACTS(),
  },
  // Art. 18: the member asks on their own objection, or a reviewer in scope registers it from a call or a letter.
  'POST /api/cases/:id/restriction': {
    fixture: (f) => f.openCase(),
    body: () => ({ expectedVersion: 1 }),
    expect: REVIEWER_ACTS({ member_own: 'allow' }),
  },

  // Adding information is the member's, on their own case; asking for it is the reviewers'.
  'POST /api/cases/:id/messages': {
    fixture: (f) => f.openCase(),
    body: () => ({ text: 'Here is the invoice of the 2025 claim.' }),
    expect: { ...only('member_own'), member_other: 404, fraud: 404 },
  },
  'POST /api/cases/:id/information-requests': {
    fixture: (f) => f.openCase(),
    body: () => ({ text: 'Please send us the invoice of the 2025 claim.', expectedVersion: 1 }),
    expect: REVIEWER_ACTS(),
  },
  'POST /api/cases/:id/attachments': {
    fixture: (f) => f.openCase(),
    attach: { bytes: PDF, fileName: 'invoice.pdf' },
    expect: { ...only('member_own'), member_other: 404, fraud: 404 },
  },
  'GET /api/cases/:id/attachments': { fixture: (f) => f.caseWithDocument(), expect: READ_DECISION },
  'GET /api/cases/:id/attachments/:attachmentId': {
    fixture: (f) => f.caseWithDocument(),
    path: (f) => `/api/cases/${f.caseId}/attachments/${f.attachmentId}`,
    expect: READ_DECISION,
  },
  // Disclosures of fraud cases: proposed by a reviewer with the discloser role in scope (fraud),
  // approved by an approver in scope who did not propose it (senior); members never reach them.
  'POST /api/cases/:id/disclosures': {
    outOfScope: 'pricing',
    fixture: (f) => f.openCase(fraudDecision),
    body: () => ({
      recipient: { kind: 'employer', name: 'Brouwerij De Klok NV' },
      fields: ['claimId'],
      reasons: { claimId: 'The employer must match the claim.' },
    }),
    expect: { ...only('fraud'), member_own: 404, member_other: 404, pricing: 404 },
  },
  'GET /api/cases/:id/disclosures': {
    outOfScope: 'pricing',
    fixture: (f) => f.pendingDisclosure(),
    expect: { ...only('fraud', 'senior', 'governance', 'admin'), member_own: 404, member_other: 404, pricing: 404 },
  },
  'POST /api/disclosures/:id/approve': {
    outOfScope: 'pricing',
    fixture: (f) => f.pendingDisclosure(),
    path: (f) => `/api/disclosures/${f.disclosureId}/approve`,
    body: () => ({ approve: true, rationale: 'Checked: the register needs only the minimum.' }),
    expect: { ...only('senior'), member_own: 404, member_other: 404, pricing: 404 }, // fraud: four-eyes (403)
  },
  'GET /api/disclosures': { query: 'limit=20', expect: only('governance', 'admin') },
  'POST /api/me/requests': { body: () => ({ kind: 'erasure' }), expect: only('member_own', 'member_other') },
  'GET /api/me/requests': { expect: only('member_own', 'member_other') },
  // Issue 18: a member's standing request for a person, and consent withdrawal: their own only (no id to guess).
  'GET /api/me/automation-preferences': { expect: only('member_own', 'member_other') },
  'PUT /api/me/automation-preferences': { body: () => ({ humanReview: { risk_score: true } }), expect: only('member_own', 'member_other') },
  'POST /api/me/consent-withdrawals': { body: () => ({ types: ['risk_score'] }), expect: only('member_own', 'member_other') },
  // The scoring service asks before deciding; people have no session that opens it.
  'GET /api/members/:memberId/automation-preferences': { expect: { ...everyone(401), ingest: 'allow' } },
  // A request received by phone or post: reviewers register it for the types in their scopes (renewals: not the fraud reviewer's).
  'PUT /api/members/:memberId/automation-preferences': {
    body: () => ({ humanReview: { renewal_price: true }, receivedAt: '2026-11-20T09:00:00.000Z', channel: 'phone' }),
    expect: { ...only('pricing', 'senior'), fraud: 404 },
  },
  'GET /api/admin/requests': { expect: only('admin') },
  // Each cell registers for a member of its own: a second open erasure request of one member is a 409.
  'POST /api/admin/requests': {
    body: () => ({ memberId: `M-7${String(++registered).padStart(3, '0')}`, kind: 'erasure', channel: 'post', receivedAt: '2026-11-20T09:00:00.000Z' }),
    expect: only('admin'),
  },
  // Refused, not erased: erasing M-1002 would take bram's account from the cells after it.
  'POST /api/admin/requests/:id/decision': {
    fixture: (f) => f.memberRequest(),
    path: (f) => `/api/admin/requests/${f.requestId}/decision`,
    body: () => ({ decision: 'refuse', ground: 'retention_duty', explanation: 'The tax law obliges us to keep invoices for seven years.' }),
    expect: only('admin'),
  },
  'POST /api/admin/requests/:id/extend': {
    fixture: (f) => f.memberRequest(),
    path: (f) => `/api/admin/requests/${f.requestId}/extend`,
    body: () => ({ months: 1, reason: 'We are collecting the data from our archives.' }),
    expect: only('admin'),
  },
  'PATCH /api/admin/requests/:id': {
    fixture: (f) => f.memberRequest(),
    path: (f) => `/api/admin/requests/${f.requestId}`,
    body: () => ({ status: 'refused' }),
    expect: only('admin'),
  },

  'GET /api/policies': { expect: only('fraud', 'pricing', 'senior', 'governance', 'admin') },
  'GET /api/models': { expect: only('fraud', 'pricing', 'senior', 'governance', 'admin') },
  'GET /api/models/:modelId/:version': {
    path: () => `/api/models/${DEMO_MODEL_ENTRIES[0]!.modelId}/${DEMO_MODEL_ENTRIES[0]!.version}`,
    expect: only('fraud', 'pricing', 'senior', 'governance', 'admin'),
  },
  'PUT /api/models': { body: () => DEMO_MODEL_ENTRIES[0], expect: only('admin') },

  'GET /api/me/export': { fixture: (f) => f.decision(), expect: only('member_own', 'member_other') },
  'GET /api/admin/members/:memberId/export': { fixture: (f) => f.decision(), expect: only('admin') },
  'POST /api/admin/erasure': { fixture: (f) => f.memberWithData(), body: (_c, f) => ({ memberId: f.memberId }), expect: only('admin') },
  // Lifting anna's sign-in throttle: the admin's alone, as every admin action.
  'DELETE /api/admin/sign-in-throttles/:username': { path: () => '/api/admin/sign-in-throttles/anna', expect: only('admin') },
  'GET /api/admin/legal-holds': { expect: only('admin') },
  'PUT /api/admin/legal-holds/:memberId': { fixture: (f) => f.memberWithData(), body: () => ({ reason: 'pending court case' }), expect: only('admin') },
  'DELETE /api/admin/legal-holds/:memberId': { fixture: (f) => f.heldMember(), body: () => ({ reason: 'court case settled' }), expect: only('admin') },
  'POST /api/admin/webhooks': { body: () => ({ url: 'https://203.0.113.10/hook', events: ['case.resolved'] }), expect: only('admin') },
  'GET /api/admin/webhooks': { expect: only('admin') },
  ...webhookRows(only('admin')),
  // People and ingest keys: the admin's alone, role-gated before any lookup.
  'GET /api/admin/users': { expect: only('admin') },
  'POST /api/admin/users': { body: () => ({ username: newUsername(), roles: ['reviewer'], scopes: ['fraud_flag'] }), expect: only('admin') },
  'PATCH /api/admin/users/:id': {
    fixture: (f) => f.staffUser(),
    path: (f) => `/api/admin/users/${f.userId}`,
    body: () => ({ roles: ['reviewer', 'approver'], scopes: ['fraud_flag'] }),
    expect: only('admin'),
  },
  'POST /api/admin/users/:id/password-reset': {
    fixture: (f) => f.staffUser(),
    path: (f) => `/api/admin/users/${f.userId}/password-reset`,
    expect: only('admin'),
  },
  'GET /api/admin/ingest-keys': { expect: only('admin') },
  'POST /api/admin/ingest-keys': { body: () => ({ name: 'Pricing engine', types: ['renewal_price'] }), expect: only('admin') },
  'POST /api/admin/ingest-keys/:id/rotate': {
    fixture: (f) => f.ingestKey(),
    path: (f) => `/api/admin/ingest-keys/${f.ingestKeyId}/rotate`,
    expect: only('admin'),
  },
  'POST /api/admin/ingest-keys/:id/revoke': {
    fixture: (f) => f.ingestKey(),
    path: (f) => `/api/admin/ingest-keys/${f.ingestKeyId}/revoke`,
    expect: only('admin'),
  },
  // Every person chooses their own password (here each caller's demo password, once).
  'POST /api/session/password': { body: () => ({ currentPassword: 'demo', newPassword: 'a-new-password-of-mine' }), expect: SIGNED_IN },
  'GET /api/audit/staff-log': { expect: only('governance', 'admin') },

  // The insurer's CRM pushes contact data with an ingest key; people cannot, not even admin.
  'PUT /api/members/:memberId/contact': { body: () => ({ email: 'anna@example.org', language: 'nl' }), expect: { ...everyone(401), ingest: 'allow' } },
  'GET /api/me/contact': { expect: only('member_own', 'member_other') },
  'PATCH /api/me/contact': { body: () => ({ language: 'fr' }), expect: only('member_own', 'member_other') },
  'GET /api/admin/mail': { expect: only('admin') },
  // No mail of that id is ever written: the admin passes the door and learns it does not exist.
  'GET /api/admin/mail/:mailId': { path: () => '/api/admin/mail/no-such-mail', expect: { ...only('admin'), admin: 404 } },

  'GET /api/audit/verify': { expect: only('governance', 'admin') },
  'GET /api/audit/anchors': { expect: only('governance', 'admin') },
  // Sealing the chain heads changes no record: governance may do it (before a regulator's export).
  'POST /api/audit/anchors': { expect: only('governance', 'admin') },
  'GET /api/audit/events': { query: 'limit=5', expect: only('governance', 'admin') },
  'GET /api/audit/export': { query: 'kind=events&from=2026-11-24&to=2026-11-25', expect: only('governance', 'admin') },

  'GET /api/metrics/overview': { expect: only('governance') },
  // Reviewers see the score distributions of the models in their scopes (aggregates, no members).
  'GET /api/metrics/models': { expect: only('governance', 'fraud', 'pricing', 'senior') },
  'GET /api/metrics/fairness': { query: 'type=renewal_price&attribute=region', expect: only('governance') },
  'GET /api/metrics/labels': { query: 'type=fraud_flag&attribute=age_band', expect: only('governance') },
  'GET /api/metrics/drift': { query: 'type=fraud_flag&modelId=claims-fraud-screen', expect: only('governance') },
  'GET /api/metrics/overrides': { expect: only('governance') },
  'GET /api/metrics/findings': { expect: only('governance') },
  // The admin reads it too: the gaps are what they fill in the model registry.
  'GET /api/metrics/coverage': { expect: only('governance', 'admin') },
  'GET /api/metrics/deliveries': { expect: only('governance') },
  'GET /api/metrics/corrections': { expect: only('governance') },

  // Frozen reports are governance's figures: governance freezes (a report, never a decision) and reads them.
  'POST /api/reports': { body: () => ({ from: '2026-11-01', to: '2026-11-30' }), expect: only('governance') },
  'GET /api/reports': { expect: only('governance') },
  // Anyone else learns nothing of a report, not even that it exists: 404 like a decision not theirs.
  'GET /api/reports/:id': {
    fixture: (f) => f.report(),
    path: (f) => `/api/reports/${f.reportId}`,
    expect: { ...only('governance'), member_own: 404, member_other: 404, fraud: 404, pricing: 404, senior: 404, admin: 404 },
  },
  // Monitors are governance's: a monitor by id is 404 to everyone else (no enumeration).
  'GET /api/monitors': { expect: only('governance') },
  'POST /api/monitors': {
    body: () => ({ modelId: 'matrix-model', metric: 'psi', threshold: 0.25, windowDays: 30, enabled: true }),
    expect: only('governance'),
  },
  'GET /api/monitors/alerts': { expect: only('governance') },
  'PATCH /api/monitors/:id': {
    fixture: (f) => f.monitor(),
    path: (f) => `/api/monitors/${f.monitorId}`,
    body: () => ({ threshold: 0.3, expectedVersion: 1 }),
    expect: { ...everyone(404), anonymous: 401, ingest: 401, governance: 'allow' },
  },
  'DELETE /api/monitors/:id': {
    fixture: (f) => f.monitor(),
    path: (f) => `/api/monitors/${f.monitorId}`,
    expect: { ...everyone(404), anonymous: 401, ingest: 401, governance: 'allow' },
  },
};

/** Writes governance may make: its own session, and sealing the log. Everything else is refused. */
const GOVERNANCE_WRITES = new Set([
  'POST /api/session',
  'DELETE /api/session',
  'POST /api/session/password',
  'POST /api/audit/anchors',
  'POST /api/reports',
  // Governance's own monitors (thresholds and alerts), never the decisions or cases.
  'POST /api/monitors',
  'PATCH /api/monitors/:id',
  'DELETE /api/monitors/:id',
]);
const INGEST_ROUTES = new Set([
  'POST /api/decisions',
  'POST /api/decisions/batch',
  'PUT /api/members/:memberId/contact',
  'GET /api/members/:memberId/automation-preferences',
]);

/** The rows run on both stores: where a slip would show one member another's decision or let the wrong person act. */
const SENSITIVE = [
  'GET /api/decisions',
  'GET /api/decisions/:id',
  'GET /api/cases/:id',
  'POST /api/decisions/:id/objections',
  'POST /api/cases/:id/claim',
  'POST /api/cases/:id/approve',
  'POST /api/cases/:id/withdraw',
  'POST /api/cases/:id/corrections/:feature',
  'POST /api/cases/:id/attachments',
  'GET /api/cases/:id/attachments/:attachmentId',
  'GET /api/me/export',
  'POST /api/admin/erasure',
  'GET /api/audit/verify',
];

// ---- the runner --------------------------------------------------------------------------------

const concretePath = (route: string, f: Fixture) =>
  route
    .replace(':id', f.caseId && route.startsWith('/api/cases/') ? f.caseId : (f.decisionId ?? 'dec_000000000000000000000000'))
    .replace(':memberId', f.memberId ?? 'M-1001');

const matches = (outcome: Outcome, status: number) => (outcome === 'allow' ? status >= 200 && status < 300 : status === outcome);

const logSize = (t: TestApp) => Promise.all([t.store.decisions.count(), t.store.events.count()]);

async function runCell(
  t: TestApp,
  fixtures: Fixtures,
  userIds: Record<string, string>,
  key: string,
  caller: Caller,
  usernames: Partial<Record<Caller, string>> = {},
) {
  const row = ROWS[key]!;
  const [method, route] = key.split(' ') as [string, string];
  const f: Fixture = { userIds, ...(row.fixture ? await row.fixture(fixtures) : {}) };
  const url = (row.path ? row.path(f) : concretePath(route, f)) + (row.query ? `?${row.query}` : '');
  let req = (request(t.app) as unknown as Record<string, (u: string) => request.Test>)[method.toLowerCase()]!(url);
  const username = usernames[caller] ?? USERNAME[caller];
  if (username) req = req.set('Cookie', await fixtures.cookie(username));
  if (caller === 'ingest') req = req.set('Authorization', `Bearer ${DEMO_INGEST_KEY}`);
  const body = row.body?.(caller, f);
  // Governance never writes: measured around its own request only, after the cell's fixture.
  const guardLog = caller === 'governance' && method !== 'GET' && !GOVERNANCE_WRITES.has(key);
  const before = guardLog ? await logSize(t) : null;
  const res = row.attach ? await req.attach('file', row.attach.bytes, row.attach.fileName) : body === undefined ? await req : await req.send(body as object);

  const problems: string[] = [];
  const expected = row.expect[caller];
  if (!matches(expected, res.status)) problems.push(`${key} as ${caller}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
  if (res.status >= 400 && res.headers['content-type']?.startsWith('application/problem+json') !== true) {
    problems.push(`${key} as ${caller}: a ${res.status} that is not problem+json`);
  }
  if (before && JSON.stringify(await logSize(t)) !== JSON.stringify(before)) problems.push(`${key} as governance changed the log`);
  // Whatever the status, nothing of anna's fixture may reach bram or an out-of-scope reviewer.
  if ((caller === 'member_other' || caller === (row.outOfScope ?? 'fraud')) && res.status < 300) {
    const text = JSON.stringify(res.body ?? '') + (res.text ?? '');
    for (const secret of [f.decisionId, f.caseId, caller === 'member_other' ? 'M-1001' : undefined]) {
      if (secret && text.includes(secret)) problems.push(`${key} as ${caller}: the response shows ${secret}`);
    }
  }
  return problems;
}

function matrixSuite(open: () => Promise<TestStore>, keys: string[] | 'all') {
  let t: TestStore;
  let app: TestApp;
  let fixtures: Fixtures;
  const userIds: Record<string, string> = {};
  beforeAll(async () => {
    t = await open();
    app = await buildTestApp(t.store);
    fixtures = new Fixtures(app);
    for (const u of await t.store.users.list()) userIds[u.username] = u.id;
  });
  afterAll(async () => t.dispose());

  for (const key of keys === 'all' ? Object.keys(ROWS) : keys) {
    it(key, async () => {
      const problems: string[] = [];
      for (const caller of CALLERS) problems.push(...(await runCell(app, fixtures, userIds, key, caller)));
      expect(problems).toEqual([]);
    });
  }
}

describe('authorisation matrix: the table itself', () => {
  it('has exactly one row per route the router serves, and a cell for every caller', async () => {
    const t = await openTestSqlite();
    const app = await buildTestApp(t.store);
    const served = apiRoutes(app.app)
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    await t.dispose();
    expect(Object.keys(ROWS).sort()).toEqual(served);
    for (const [key, row] of Object.entries(ROWS)) expect(Object.keys(row.expect).sort(), key).toEqual([...CALLERS].sort());
  });

  it('says governance never writes, anonymous callers reach only the public routes, and no one reads what is not theirs', () => {
    for (const [key, row] of Object.entries(ROWS)) {
      const method = key.split(' ')[0]!;
      if (method !== 'GET' && !GOVERNANCE_WRITES.has(key)) {
        expect([403, 404].concat(INGEST_ROUTES.has(key) ? [401] : []), key).toContain(row.expect.governance);
      }
      const open = [
        'GET /api/health',
        'GET /api/health/live',
        'GET /api/health/ready',
        'GET /api/openapi.json',
        'GET /api/docs',
        'POST /api/session',
        'GET /api/session/providers',
        ...Object.keys(ROWS).filter((k) => /^GET \/api\/session\/(member-)?oidc/.test(k)),
      ];
      if (!open.includes(key)) expect(row.expect.anonymous, key).toBe(401);
      // A resource of anna's (a route with :id) is 404 for bram and the out-of-scope reviewer: no enumeration.
      // (Admin's own resources, such as webhook subscriptions, are role-gated before any lookup: 403.)
      if (key.includes(':id') && !key.includes('/api/admin/')) {
        expect(row.expect.member_other, key).toBe(404);
        expect(row.expect[row.outOfScope ?? 'fraud'], key).toBe(404);
      }
    }
  });
});

describe('authorisation matrix: every route × every caller [sqlite]', () => matrixSuite(openTestSqlite, 'all'));

describeEachStore('authorisation matrix: the most sensitive rows', (kind) => matrixSuite(kind.open, SENSITIVE));

/**
 * People provisioned by an OpenID Connect provider are users like local ones: the same roles and
 * scopes give the same answer in every cell. Every row runs for a provisioned fraud reviewer and
 * a provisioned approver against the local ones' expectations; only password sign-in differs,
 * since a provisioned person has no password (test/api/oidc-sign-in.test.ts).
 */
describe('authorisation matrix: OIDC-provisioned reviewers answer as the local ones', () => {
  let t: TestStore;
  let app: TestApp;
  let fixtures: Fixtures;
  const userIds: Record<string, string> = {};
  const provisioned: Partial<Record<Caller, string>> = { fraud: 'fraud.oidc', senior: 'senior.oidc' };
  beforeAll(async () => {
    t = await openTestSqlite();
    app = await buildTestApp(t.store);
    fixtures = new Fixtures(app);
    for (const u of await t.store.users.list()) userIds[u.username] = u.id;
    for (const [caller, username] of Object.entries(provisioned)) {
      const local = (await t.store.users.byUsername(USERNAME[caller as Caller]!))!;
      await t.store.users.insert({
        ...local,
        id: `u_oidc_${caller}`,
        username,
        source: { issuer: 'https://login.insurer.example', subject: `sub-${caller}` },
        passwordHash: '',
      });
    }
  });
  afterAll(async () => t.dispose());

  // A provisioned person has no password here: signing in with one or choosing one is not theirs.
  const PASSWORD_ROUTES = new Set(['POST /api/session', 'POST /api/session/password']);
  for (const key of Object.keys(ROWS).filter((k) => !PASSWORD_ROUTES.has(k))) {
    it(key, async () => {
      const problems: string[] = [];
      for (const caller of ['fraud', 'senior'] as const) problems.push(...(await runCell(app, fixtures, userIds, key, caller, provisioned)));
      expect(problems).toEqual([]);
    });
  }

  it('refuses a provisioned person a password of their own (409 invalid_state): the provider keeps it', async () => {
    const res = await request(app.app)
      .post('/api/session/password')
      .set('Cookie', await fixtures.cookie(provisioned.fraud!))
      .send({ currentPassword: 'anything', newPassword: 'a-new-password-of-mine' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('invalid_state');
  });
});

describe('authorisation matrix: the scope mirror', () => {
  let t: TestStore;
  let app: TestApp;
  let fixtures: Fixtures;
  beforeAll(async () => {
    t = await openTestSqlite();
    app = await buildTestApp(t.store);
    fixtures = new Fixtures(app);
  });
  afterAll(async () => t.dispose());

  it('on a fraud flag, the fraud reviewer acts and the pricing reviewer gets 404', async () => {
    const statuses: Record<string, number> = {};
    for (const username of ['fraud.reviewer', 'pricing.reviewer', 'senior.reviewer']) {
      const f = await fixtures.openCase(fraudDecision);
      const cookie = await fixtures.cookie(username);
      statuses[`${username} read`] = (await request(app.app).get(`/api/decisions/${f.decisionId}`).set('Cookie', cookie)).status;
      statuses[`${username} claim`] = (await request(app.app).post(`/api/cases/${f.caseId}/claim`).set('Cookie', cookie).send({ expectedVersion: 1 })).status;
    }
    expect(statuses).toEqual({
      'fraud.reviewer read': 200,
      'fraud.reviewer claim': 200,
      'pricing.reviewer read': 404,
      'pricing.reviewer claim': 404,
      'senior.reviewer read': 200,
      'senior.reviewer claim': 200,
    });
  });

  it('answers a role-gated route the same for an existing and an unknown member', async () => {
    await fixtures.decision('M-1001');
    const bram = await fixtures.cookie('bram');
    const known = await request(app.app).get('/api/admin/members/M-1001/export').set('Cookie', bram);
    const unknown = await request(app.app).get('/api/admin/members/M-0000404/export').set('Cookie', bram);
    expect(known.status).toBe(403);
    expect(unknown.body).toEqual(known.body);
  });
});
