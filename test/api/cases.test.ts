import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { fraudDecision, renewalDecision, riskDecision } from '../support/fixtures';
import { describeEachStore, type TestStore } from '../support/stores';

describeEachStore('contest and review', (kind) => {
  let t: TestStore;
  let app: TestApp;
  beforeAll(async () => {
    t = await kind.open();
    // No random sampling here: these tests open their own cases.
    app = await buildTestApp(t.store, { sampleRate: 0 });
  });
  afterAll(async () => t.dispose());

  const ingest = async (body: unknown) =>
    (
      await app
        .ingest()
        .post('/api/decisions')
        .send(body as object)
    ).body.id as string;
  const statement = 'My premium went up although I made no claims this year.';

  it('runs the whole story: object, claim, propose, four-eyes, approve, member sees the new premium', async () => {
    const decisionId = await ingest(renewalDecision({ subject: { memberId: 'M-1001' } }));
    const anna = await app.as('anna');
    const filed = await anna.post(`/api/decisions/${decisionId}/objections`).send({ statement, requestedOutcome: 'Keep my old premium' });
    expect(filed.status).toBe(201);
    const caseId = filed.body.case.id;
    expect(filed.body.case).toMatchObject({ status: 'open', origin: 'objection', channel: 'portal', version: 1, statement });

    const again = await anna.post(`/api/decisions/${decisionId}/objections`).send({ statement });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('case_already_open');

    const pricing = await app.as('pricing.reviewer');
    const claimed = await pricing.post(`/api/cases/${caseId}/claim`).send({ expectedVersion: 1 });
    expect(claimed.status).toBe(200);
    expect(claimed.body.case).toMatchObject({ status: 'in_review', version: 2 });

    await pricing
      .post(`/api/cases/${caseId}/comments`)
      .send({ text: 'Checked: the 3 claims belong to another policy.', visibility: 'internal', expectedVersion: 2 });
    await pricing.post(`/api/cases/${caseId}/comments`).send({ text: 'We are looking at your claims history.', visibility: 'member', expectedVersion: 3 });

    const proposed = await pricing.post(`/api/cases/${caseId}/resolve`).send({
      outcome: 'override',
      rationale: 'The claims counted belong to a different policy; premium without them.',
      override: { newPremiumCents: 120_000 },
      expectedVersion: 4,
    });
    expect(proposed.status).toBe(200);
    expect(proposed.body.case.status).toBe('pending_approval');

    const self = await pricing
      .post(`/api/cases/${caseId}/approve`)
      .send({ approve: true, rationale: 'I am sure this is correct, approve.', expectedVersion: 5 });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('four_eyes_violation');

    const senior = await app.as('senior.reviewer');
    const approved = await senior
      .post(`/api/cases/${caseId}/approve`)
      .send({ approve: true, rationale: 'Verified against the claims register.', expectedVersion: 5 });
    expect(approved.status).toBe(200);
    expect(approved.body.case).toMatchObject({ status: 'resolved', resolution: 'overridden' });

    const seen = await anna.get(`/api/cases/${caseId}`);
    expect(seen.body.case.status).toBe('resolved');
    expect(seen.body.decision.effectiveOutcome.newPremiumCents).toBe(120_000);
    expect(seen.body.decision.output.newPremiumCents).toBe(129_000);
    const texts = seen.body.timeline.map((e: { text: string | null }) => e.text).join(' | ');
    expect(texts).toContain('We are looking at your claims history.');
    expect(texts).toContain('The claims counted belong to a different policy');
    expect(texts).not.toContain('another policy.');
    expect(texts).not.toContain('Verified against the claims register.');
    expect(seen.body.timeline.every((e: { visibility: string }) => e.visibility === 'member')).toBe(true);
    expect(JSON.stringify(seen.body)).not.toContain('pricing.reviewer');

    const decision = await anna.get(`/api/decisions/${decisionId}`);
    expect(decision.body).toMatchObject({ overridden: true, effectiveOutcome: { newPremiumCents: 120_000 }, output: { newPremiumCents: 129_000 } });
    expect(decision.body.cases).toHaveLength(1);

    expect((await (await app.as('fraud.reviewer')).get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await (await app.as('bram')).get(`/api/cases/${caseId}`)).status).toBe(404);

    const verify = await (await app.as('governance')).get('/api/audit/verify');
    expect(verify.body.ok).toBe(true);
    const events = await app.store.events.list(decisionId);
    expect(events.map((e) => e.action)).toEqual(['objection_filed', 'assigned', 'comment', 'comment', 'resolution_proposed', 'approved']);
    expect(events.every((e) => e.actor.id && e.at)).toBe(true);
  });

  it('rejects an override back to review with the reason, and confirms with a rationale', async () => {
    const decisionId = await ingest(riskDecision({ subject: { memberId: 'M-1002' } }));
    const bram = await app.as('bram');
    const caseId = (await bram.post(`/api/decisions/${decisionId}/objections`).send({ statement })).body.case.id;
    const pricing = await app.as('pricing.reviewer');
    await pricing.post(`/api/cases/${caseId}/claim`).send({ expectedVersion: 1 });
    const short = await pricing.post(`/api/cases/${caseId}/resolve`).send({ outcome: 'confirm', rationale: 'ok', expectedVersion: 2 });
    expect(short.status).toBe(400);
    expect(short.body.errors[0].path).toBe('rationale');
    const badOverride = await pricing
      .post(`/api/cases/${caseId}/resolve`)
      .send({ outcome: 'override', rationale: 'The band should be lower for this member.', override: { score: 2, band: 'low' }, expectedVersion: 2 });
    expect(badOverride.status).toBe(400);
    expect(badOverride.body.errors[0].path).toBe('override.score');
    await pricing
      .post(`/api/cases/${caseId}/resolve`)
      .send({ outcome: 'override', rationale: 'The band should be lower for this member.', override: { score: 0.3, band: 'medium' }, expectedVersion: 2 });
    const senior = await app.as('senior.reviewer');
    const rejected = await senior
      .post(`/api/cases/${caseId}/approve`)
      .send({ approve: false, rationale: 'The claims count is right, keep the band.', expectedVersion: 3 });
    expect(rejected.body.case).toMatchObject({ status: 'in_review', proposal: null, version: 4 });
    const confirmed = await pricing
      .post(`/api/cases/${caseId}/resolve`)
      .send({ outcome: 'confirm', rationale: 'Checked the claims register: the score stands.', expectedVersion: 4 });
    expect(confirmed.body.case).toMatchObject({ status: 'resolved', resolution: 'confirmed' });
    expect((await bram.get(`/api/decisions/${decisionId}`)).body.overridden).toBe(false);
  });

  it('lets a reviewer register a postal objection with its real receipt date and computes the deadline', async () => {
    app.clock.set('2024-02-10T09:00:00Z');
    const decisionId = await ingest(renewalDecision({ decidedAt: '2024-01-20T10:00:00Z' }));
    const pricing = await app.as('pricing.reviewer');
    const future = await pricing.post(`/api/decisions/${decisionId}/objections`).send({ statement, channel: 'post', receivedAt: '2024-03-01T10:00:00Z' });
    expect(future.status).toBe(400);
    const early = await pricing.post(`/api/decisions/${decisionId}/objections`).send({ statement, channel: 'post', receivedAt: '2024-01-01T10:00:00Z' });
    expect(early.body.errors[0]).toMatchObject({ path: 'receivedAt' });
    const filed = await pricing.post(`/api/decisions/${decisionId}/objections`).send({ statement, channel: 'post', receivedAt: '2024-01-31T10:00:00+01:00' });
    expect(filed.status).toBe(201);
    expect(filed.body.case).toMatchObject({ channel: 'post', receivedAt: '2024-01-31T09:00:00.000Z', dueAt: '2024-02-29T22:59:59.999Z' });
    const caseId = filed.body.case.id;

    const tooLong = await pricing.post(`/api/cases/${caseId}/extend`).send({ months: 3, reason: 'We need the medical file.', expectedVersion: 1 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].path).toBe('months');

    app.clock.set('2024-03-01T09:00:00Z');
    const overdue = await pricing.get('/api/cases?overdue=true');
    expect(overdue.body.items.map((c: { id: string }) => c.id)).toContain(caseId);
    expect(overdue.body.items.find((c: { id: string }) => c.id === caseId).overdue).toBe(true);
    const late = await pricing.post(`/api/cases/${caseId}/extend`).send({ months: 2, reason: 'We need the medical file.', expectedVersion: 1 });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('deadline_passed');

    app.clock.set('2024-02-20T09:00:00Z');
    const extended = await pricing
      .post(`/api/cases/${caseId}/extend`)
      .send({ months: 2, reason: 'We need the medical file from your hospital.', expectedVersion: 1 });
    expect(extended.status).toBe(200);
    expect(extended.body.case.dueAt).toBe('2024-04-29T21:59:59.999Z');
    const twice = await pricing.post(`/api/cases/${caseId}/extend`).send({ months: 1, reason: 'Still waiting for the file.', expectedVersion: 2 });
    expect(twice.status).toBe(409);
    const member = await (await app.as('anna')).get(`/api/cases/${caseId}`);
    expect(member.body.timeline.map((e: { text: string }) => e.text)).toContain('We need the medical file from your hospital.');
    app.clock.set('2026-11-25T12:00:00.000Z');
  });

  it('lets the member withdraw, and nobody else', async () => {
    const decisionId = await ingest(renewalDecision());
    const anna = await app.as('anna');
    const caseId = (await anna.post(`/api/decisions/${decisionId}/objections`).send({ statement })).body.case.id;
    expect((await (await app.as('pricing.reviewer')).post(`/api/cases/${caseId}/withdraw`).send({ expectedVersion: 1 })).status).toBe(403);
    const withdrawn = await anna.post(`/api/cases/${caseId}/withdraw`).send({ expectedVersion: 1 });
    expect(withdrawn.body.case.status).toBe('withdrawn');
    // A new objection may follow a withdrawn one.
    expect((await anna.post(`/api/decisions/${decisionId}/objections`).send({ statement })).status).toBe(201);
  });

  it('keeps governance read-only and scopes reviewers', async () => {
    const decisionId = await ingest(fraudDecision({ subject: { memberId: 'M-1001', claimId: 'C-1' } }));
    const caseId = (await (await app.as('anna')).post(`/api/decisions/${decisionId}/objections`).send({ statement })).body.case.id;
    const gov = await app.as('governance');
    expect((await gov.get(`/api/cases/${caseId}`)).status).toBe(200);
    expect((await gov.post(`/api/cases/${caseId}/claim`).send({ expectedVersion: 1 })).status).toBe(403);
    expect((await (await app.as('pricing.reviewer')).post(`/api/cases/${caseId}/claim`).send({ expectedVersion: 1 })).status).toBe(404);
    expect((await (await app.as('pricing.reviewer')).get('/api/cases?type=fraud_flag')).body.items).toEqual([]);
    expect((await (await app.as('fraud.reviewer')).post(`/api/cases/${caseId}/claim`).send({ expectedVersion: 1 })).status).toBe(200);
    const stale = await (
      await app.as('senior.reviewer')
    )
      .post(`/api/cases/${caseId}/comments`)
      .send({ text: 'hello', visibility: 'internal', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
  });

  it('queues member notifications in the outbox without losing any', async () => {
    const pending = await app.store.outbox.pending(1000);
    const kinds = new Set(pending.map((m) => m.kind));
    expect(kinds).toEqual(new Set(['received', 'extended', 'resolved', 'withdrawn']));
  });

  it('lists a reviewer queue sorted by due date with a cursor', async () => {
    const pricing = await app.as('pricing.reviewer');
    const first = await pricing.get('/api/cases?limit=2');
    const second = await pricing.get(`/api/cases?limit=2&cursor=${first.body.nextCursor}`);
    const dues = [...first.body.items, ...second.body.items].map((c: { dueAt: string }) => c.dueAt);
    expect(dues).toEqual([...dues].sort());
    expect(new Set([...first.body.items, ...second.body.items].map((c: { id: string }) => c.id)).size).toBe(dues.length);
  });
});

describeEachStore('races on one case', (kind) => {
  let t: TestStore;
  let app: TestApp;
  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store, { sampleRate: 0 });
  });
  afterAll(async () => t.dispose());

  it('50 concurrent resolves with the same expectedVersion: one wins, 49 get 409, the chain verifies', async () => {
    const decisionId = (await app.ingest().post('/api/decisions').send(renewalDecision())).body.id;
    const caseId = (await (await app.as('anna')).post(`/api/decisions/${decisionId}/objections`).send({ statement: 'Please look again at this.' })).body.case
      .id;
    const senior = await app.as('senior.reviewer');
    await senior.post(`/api/cases/${caseId}/claim`).send({ expectedVersion: 1 });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        senior.post(`/api/cases/${caseId}/resolve`).send({ outcome: 'confirm', rationale: `Confirmed after checking, attempt ${i}.`, expectedVersion: 2 }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'version_conflict')).toBe(true);
    const events = await app.store.events.list(decisionId);
    expect(events.map((e) => e.action)).toEqual(['objection_filed', 'assigned', 'resolved']);
    expect((await (await app.as('governance')).get('/api/audit/verify')).body.ok).toBe(true);
  });

  it('concurrent objections on one decision open exactly one case', async () => {
    const decisionId = (await app.ingest().post('/api/decisions').send(renewalDecision())).body.id;
    const anna = await app.as('anna');
    const results = await Promise.all(Array.from({ length: 10 }, () => anna.post(`/api/decisions/${decisionId}/objections`).send({ statement: 'Wrong.' })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'case_already_open')).toBe(true);
    expect(await app.store.cases.listForDecision(decisionId)).toHaveLength(1);
  });
});

describeEachStore('sampling', (kind) => {
  let t: TestStore;
  let app: TestApp;
  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store, { sampleRate: 0.02 });
  });
  afterAll(async () => t.dispose());

  it('opens about 2% sample cases at random and one for every near-threshold fraud flag, the same on retry', async () => {
    const count = kind.name === 'sqlite' ? 10_000 : 3_000;
    const decisions = Array.from({ length: count }, (_, i) =>
      i % 10 === 0
        ? fraudDecision({ idempotencyKey: `s-${i}`, output: { claimId: 'C-1', score: 0.68, threshold: 0.7, flagged: false, action: 'none' } })
        : renewalDecision({ idempotencyKey: `s-${i}` }),
    );
    for (let i = 0; i < count; i += 5000)
      await app
        .ingest()
        .post('/api/decisions/batch')
        .send({ decisions: decisions.slice(i, i + 5000) });
    const nearThreshold = count / 10;
    const sampled = await app.store.cases.count({ origin: 'sample' });
    const randomOnes = sampled - nearThreshold;
    const expected = (count - nearThreshold) * 0.02;
    expect(randomOnes).toBeGreaterThan(expected * 0.7);
    expect(randomOnes).toBeLessThan(expected * 1.3);
    // Every near-threshold fraud flag has its case.
    const fraudCases = await app.store.cases.count({ origin: 'sample', type: 'fraud_flag' });
    expect(fraudCases).toBe(nearThreshold);
    await app
      .ingest()
      .post('/api/decisions/batch')
      .send({ decisions: decisions.slice(0, 5000) });
    expect(await app.store.cases.count({ origin: 'sample' })).toBe(sampled);
    // A member's objection takes an open sample case in, keeping its history.
    const sample = (await app.store.cases.page({ origin: 'sample', type: 'renewal_price' }, null, 1))[0]!;
    const filed = await (await app.as('anna')).post(`/api/decisions/${sample.decisionId}/objections`).send({ statement: 'I disagree.' });
    expect(filed.status).toBe(201);
    expect(filed.body.case).toMatchObject({ id: sample.id, origin: 'objection', version: 2 });
  }, 240_000);
});
