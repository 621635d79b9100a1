import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../server/auth/users.service';
import { DEMO_PASSWORD } from '../../server/demo/seed';
import { buildTestApp, type TestApp } from '../support/app';
import { caseSteps } from '../support/case-steps';
import { fraudDecision, renewalDecision } from '../support/fixtures';
import { describeEachStore, type TestStore } from '../support/stores';

const employer = { kind: 'employer', name: 'Brouwerij De Klok NV' };
const claimReason = 'The employer administers the group policy and must match the claim.';
const approval = { approve: true, rationale: 'Second look: the minimum plus the claim is proportionate.' };

describeEachStore('disclosures of fraud cases', (kind) => {
  let t: TestStore;
  let app: TestApp;
  let steps: ReturnType<typeof caseSteps>;
  let annaFraud: string;
  let bramFraud: string;
  let annaRenewal: string;
  let annaCase: { id: string; version: number };
  let bramCase: { id: string; version: number };

  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store);
    steps = caseSteps(app);
    await createUser(t.store, app.clock, { username: 'second.approver', roles: ['reviewer', 'approver'], scopes: ['fraud_flag'], password: DEMO_PASSWORD });
    [annaFraud, bramFraud, annaRenewal] = (await steps.batch([
      fraudDecision({
        subject: { memberId: 'M-1001', claimId: 'C-71' },
        output: { claimId: 'C-71', score: 0.82, threshold: 0.7, flagged: true, action: 'hold_payment' },
      }),
      fraudDecision({
        subject: { memberId: 'M-1002', claimId: 'C-72' },
        output: { claimId: 'C-72', score: 0.81, threshold: 0.7, flagged: true, action: 'hold_payment' },
      }),
      renewalDecision({ subject: { memberId: 'M-1001', policyId: 'P-1' } }),
    ])) as [string, string, string];
    annaCase = await steps.object('anna', annaFraud);
    bramCase = await steps.object('bram', bramFraud);
  });
  afterAll(async () => t.dispose());

  const propose = async (caseId: string, body: unknown, as = 'fraud.reviewer') =>
    (await app.as(as)).post(`/api/cases/${caseId}/disclosures`).send(body as object);

  it('fraud.reviewer proposes, senior.reviewer approves, the register shows it, the member sees the recipient only once the case is resolved', async () => {
    const proposed = await propose(annaCase.id, {
      recipient: employer,
      fields: ['claimId'],
      reasons: { claimId: claimReason },
      purpose: 'Fraud case under the group contract, Art. 6(1)(f).',
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({
      state: 'pending',
      recipient: employer,
      fields: ['caseReference', 'outcome', 'claimId'],
      reasons: { claimId: claimReason },
      approvedAt: null,
    });
    expect(proposed.body.proposedBy.username).toBe('fraud.reviewer');
    expect(proposed.body).not.toHaveProperty('memberId');

    // Pending is not disclosed: the register counts no approved one yet.
    const governance = await app.as('governance');
    expect((await governance.get('/api/disclosures')).body.approvedByKind.employer).toBe(0);

    const approved = await (await app.as('senior.reviewer')).post(`/api/disclosures/${proposed.body.id}/approve`).send(approval);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'approved', decidedBy: { username: 'senior.reviewer' } });
    expect(approved.body.approvedAt).toEqual(expect.any(String));

    const register = await governance.get('/api/disclosures?kind=employer&state=approved');
    expect(register.status).toBe(200);
    expect(register.body.items).toEqual([
      expect.objectContaining({ id: proposed.body.id, caseId: annaCase.id, fields: ['caseReference', 'outcome', 'claimId'] }),
    ]);
    expect(register.body.approvedByKind).toEqual({ employer: 1, investigation_agency: 0, fraud_register: 0, police: 0 });
    expect((await governance.get('/api/disclosures?kind=police')).body.items).toEqual([]);
    const csv = await governance.get('/api/disclosures?format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toContain('Brouwerij De Klok NV');

    // On the chain: proposed and approved, the recipient and fields in data, the words personal.
    const events = await t.store.events.list(annaFraud);
    const chain = events.filter((e) => e.action.startsWith('disclosure_'));
    expect(chain.map((e) => e.action)).toEqual(['disclosure_proposed', 'disclosure_approved']);
    expect(chain[0]!.data).toMatchObject({ disclosureId: proposed.body.id, recipient: employer, fields: ['caseReference', 'outcome', 'claimId'] });
    expect(JSON.stringify(chain.map((e) => e.data))).not.toContain('M-1001');
    expect(JSON.stringify(chain.map((e) => e.data))).not.toContain(claimReason);
    expect(chain[0]!.personal).toMatchObject({ reasons: { claimId: claimReason } });

    // Tipping off: while anna's fraud case is open, her export holds the recipient back.
    const anna = await app.as('anna');
    const before = await anna.get('/api/me/export');
    expect(before.status).toBe(200);
    expect(before.body.recipients).toEqual([]);
    // Members never see the disclosure itself.
    expect((await anna.get(`/api/cases/${annaCase.id}/disclosures`)).status).toBe(404);

    const claimed = await steps.claim('fraud.reviewer', annaCase);
    await steps.confirm('fraud.reviewer', claimed);
    const after = await anna.get('/api/me/export');
    expect(after.body.recipients).toEqual([
      { kind: 'employer', name: employer.name, disclosedAt: approved.body.approvedAt, decisionId: annaFraud, fields: ['caseReference', 'outcome', 'claimId'] },
    ]);
  });

  it('four-eyes: the proposer can never approve their own disclosure (403), even as an approver', async () => {
    const mine = await propose(bramCase.id, { recipient: { kind: 'fraud_register', name: 'Datassur' }, fields: [], reasons: {} });
    expect(mine.status).toBe(201);
    const res = await (await app.as('fraud.reviewer')).post(`/api/disclosures/${mine.body.id}/approve`).send(approval);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('four_eyes_violation');
    expect((await t.store.disclosures.get(mine.body.id))!.state).toBe('pending');
  });

  it('two approvers at once: one wins, the other gets 409', async () => {
    const proposed = await propose(bramCase.id, {
      recipient: { kind: 'investigation_agency', name: 'Recherchebureau Noord' },
      fields: ['score'],
      reasons: { score: 'The agency weighs the score against its own findings.' },
    });
    expect(proposed.status).toBe(201);
    const [a, b] = await Promise.all([
      (await app.as('senior.reviewer')).post(`/api/disclosures/${proposed.body.id}/approve`).send(approval),
      (await app.as('second.approver'))
        .post(`/api/disclosures/${proposed.body.id}/approve`)
        .send({ approve: false, rationale: 'Not needed: the agency has the claim already.' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(['version_conflict', 'invalid_state']).toContain(loser.body.code);
    const chain = (await t.store.events.list(bramFraud)).filter((e) => e.data.disclosureId === proposed.body.id);
    expect(chain.map((e) => e.action).filter((x) => x !== 'disclosure_proposed')).toHaveLength(1);
  });

  it('keeps members, reviewers out of scope and reviewers without the permission away (404 / 403)', async () => {
    const body = { recipient: employer, fields: [], reasons: {} };
    // A member on another's case, and on their own: 404, nothing about disclosures is theirs.
    expect((await propose(bramCase.id, body, 'anna')).status).toBe(404);
    expect((await propose(annaCase.id, body, 'anna')).status).toBe(404);
    // Out of scope: 404; in scope without the discloser role: 403.
    expect((await propose(bramCase.id, body, 'pricing.reviewer')).status).toBe(404);
    const senior = await propose(bramCase.id, body, 'senior.reviewer');
    expect(senior.status).toBe(403);
    expect(senior.body.code).toBe('forbidden');
    // Governance reads the register but does not propose; reviewers do not read the register.
    expect((await propose(bramCase.id, body, 'governance')).status).toBe(403);
    expect((await (await app.as('fraud.reviewer')).get('/api/disclosures')).status).toBe(403);
    const pending = (await t.store.disclosures.forCase(bramCase.id)).find((d) => d.state === 'pending')!;
    expect((await (await app.as('anna')).post(`/api/disclosures/${pending.id}/approve`).send(approval)).status).toBe(404);
    expect((await (await app.as('pricing.reviewer')).post(`/api/disclosures/${pending.id}/approve`).send(approval)).status).toBe(404);
    expect((await (await app.as('governance')).post(`/api/disclosures/${pending.id}/approve`).send(approval)).status).toBe(403);
    expect((await (await app.as('senior.reviewer')).post('/api/disclosures/dsc_000000000000000000000000/approve').send(approval)).status).toBe(404);
    // Only fraud cases.
    const renewalCase = await steps.object('anna', annaRenewal);
    const renewal = await propose(renewalCase.id, body, 'fraud.reviewer');
    expect(renewal.status).toBe(404);
  });

  it('refuses bad bodies with 400 problem+json naming the fields, and changes nothing', async () => {
    const count = async () => (await t.store.disclosures.forCase(bramCase.id)).length;
    const events = async () => (await t.store.events.list(bramFraud)).length;
    const before = [await count(), await events()];
    const cases: [unknown, string][] = [
      [{ recipient: employer, fields: ['claimId'], reasons: {} }, 'reasons.claimId'],
      [{ recipient: employer, fields: ['shoeSize'], reasons: {} }, 'fields[0]'],
      [{ recipient: { kind: 'neighbour', name: 'Jan' }, fields: [], reasons: {} }, 'recipient.kind'],
      [{ recipient: { kind: 'employer', name: '' }, fields: [], reasons: {} }, 'recipient.name'],
      [{ recipient: employer, fields: [], reasons: { policyId: 'A reason for a field that is not disclosed.' } }, 'reasons.policyId'],
    ];
    for (const [body, field] of cases) {
      const res = await propose(bramCase.id, body);
      expect(res.status, field).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(
        res.body.errors.map((e: { path: string }) => e.path),
        field,
      ).toContain(field);
    }
    const pending = (await t.store.disclosures.forCase(bramCase.id)).find((d) => d.state === 'pending')!;
    const bad = await (await app.as('senior.reviewer')).post(`/api/disclosures/${pending.id}/approve`).send({ approve: 'yes' });
    expect(bad.status).toBe(400);
    expect([await count(), await events()]).toEqual(before);
    expect((await t.store.disclosures.get(pending.id))!.state).toBe('pending');
    expect((await (await app.as('governance')).get('/api/disclosures?state=sent')).status).toBe(400);
    expect((await (await app.as('governance')).get('/api/disclosures?cursor=nope')).status).toBe(400);
  });

  it('pages the register with a cursor, newest proposal first', async () => {
    const governance = await app.as('governance');
    const all = (await governance.get('/api/disclosures?limit=500')).body.items as { id: string }[];
    expect(all.length).toBeGreaterThanOrEqual(3);
    const first = await governance.get('/api/disclosures?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await governance.get(`/api/disclosures?limit=500&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...second.body.items].map((d: { id: string }) => d.id)).toEqual(all.map((d) => d.id));
  });

  it('erasure keeps that a disclosure happened, without the member or the staff words', async () => {
    const admin = await app.as('admin');
    const erased = await admin.post('/api/admin/erasure').send({ memberId: 'M-1001' });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    const kept = await t.store.disclosures.forDecision(annaFraud);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ memberId: 'ERASED', erased: true, reasons: {}, purpose: null, rationale: null, state: 'approved', recipient: employer });
    expect(kept[0]!.approvedAt).toEqual(expect.any(String));
    expect(await t.store.disclosures.forMember('M-1001')).toEqual([]);
    const chain = (await t.store.events.list(annaFraud)).filter((e) => e.action.startsWith('disclosure_'));
    expect(chain.every((e) => e.personal === null)).toBe(true);
    const register = await (await app.as('governance')).get('/api/disclosures?kind=employer');
    expect(register.body.items[0]).toMatchObject({ erased: true, reasons: {} });
    expect(JSON.stringify(register.body)).not.toContain(claimReason);
  });

  it('retention erases the register entries of a decision past its period the same way', async () => {
    const c = (await t.store.cases.get(bramCase.id))!;
    const claimed = await steps.claim('fraud.reviewer', c);
    await steps.confirm('fraud.reviewer', claimed);
    const report = await app.services.erasure.applyRetention({ renewal_price: 100_000, fraud_flag: 0, risk_score: 100_000 });
    expect(report.fraud_flag!.erased).toBeGreaterThanOrEqual(1);
    const kept = await t.store.disclosures.forDecision(bramFraud);
    expect(kept.length).toBe(2);
    for (const d of kept) expect(d).toMatchObject({ memberId: 'ERASED', erased: true, reasons: {}, purpose: null, rationale: null });
    expect(await t.store.disclosures.forMember('M-1002')).toEqual([]);
  });
});
