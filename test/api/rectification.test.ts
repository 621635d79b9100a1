import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { fraudDecision, renewalDecision, riskDecision } from '../support/fixtures';
import { describeEachStore, type TestStore } from '../support/stores';
import { dueDate } from '../../server/domain/deadlines';
import { repairRecentProjections } from '../../server/jobs/repair';

/** Rectification (GDPR Art. 16): corrections in an objection, decided by a reviewer, a new decision that supersedes the old. */
describeEachStore('rectification', (kind) => {
  let t: TestStore;
  let app: TestApp;
  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store, { sampleRate: 0 });
  });
  afterAll(async () => t.dispose());

  const statement = 'The claims counted in my file are not mine.';
  const reason = 'I made no claims this year; the three claims belong to my neighbour.';
  const inputs = { claims_last_12m: 3, age_band: '30-44', region: 'Flanders', years_insured: 4 };
  const ingest = async (body: object) => {
    const res = await app.ingest().post('/api/decisions').send(body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const renewal = (memberId = 'M-1001', extra: Record<string, unknown> = {}) =>
    renewalDecision({ subject: { memberId, policyId: 'P-5001' }, inputs, ...extra });
  const corrections = [
    { feature: 'claims_last_12m', claimedValue: 0, reason },
    { feature: 'years_insured', claimedValue: 9, reason: 'I have been insured with you since 2017.' },
  ];
  const ofType = async (type: string) => (await app.store.outbox.pending(1000)).flatMap((m) => (m.events ?? []).filter((e) => e.type === type));
  const objectWithCorrections = async (decisionId: string) => {
    const filed = await (await app.as('anna')).post(`/api/decisions/${decisionId}/objections`).send({ statement, corrections });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    return filed.body.case as { id: string; version: number; dueAt: string; corrections: unknown[] };
  };
  const claimed = async (decisionId: string) => {
    const c = await objectWithCorrections(decisionId);
    expect((await (await app.as('pricing.reviewer')).post(`/api/cases/${c.id}/claim`).send({ expectedVersion: 1 })).status).toBe(200);
    return c.id;
  };

  it('runs old → corrected → new: objection with corrections, accept, re-decision request, superseding ingest, both links', async () => {
    const oldId = await ingest(renewal());
    const c = await objectWithCorrections(oldId);
    expect(c.corrections).toEqual([
      expect.objectContaining({ feature: 'claims_last_12m', claimedValue: 0, reason, state: 'pending', decisionReason: null, decidedBy: null }),
      expect.objectContaining({ feature: 'years_insured', claimedValue: 9, state: 'pending' }),
    ]);
    // The one-month deadline of any objection, from receipt.
    expect(c.dueAt).toBe(dueDate(app.clock.now()).toISOString());

    const pricing = await app.as('pricing.reviewer');
    expect((await pricing.post(`/api/cases/${c.id}/claim`).send({ expectedVersion: 1 })).status).toBe(200);
    // The case's outcome waits for every correction's answer.
    const early = await pricing
      .post(`/api/cases/${c.id}/resolve`)
      .send({ outcome: 'confirm', rationale: 'Checked against the claims register.', expectedVersion: 2 });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('invalid_state');

    const accepted = await pricing
      .post(`/api/cases/${c.id}/corrections/claims_last_12m`)
      .send({ accept: true, reason: 'The claims register shows no claims of yours this year.', expectedVersion: 2 });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.case.version).toBe(3);
    expect(accepted.body.case.corrections[0]).toMatchObject({
      state: 'accepted',
      decidedBy: expect.any(String),
      decisionReason: expect.stringContaining('claims register'),
    });
    // A decided correction stays decided.
    const again = await pricing
      .post(`/api/cases/${c.id}/corrections/claims_last_12m`)
      .send({ accept: false, reason: 'Changed my mind on this.', expectedVersion: 3 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invalid_state');
    const rejected = await pricing
      .post(`/api/cases/${c.id}/corrections/years_insured`)
      .send({ accept: false, reason: 'Our records show your policy started in 2022.', expectedVersion: 3 });
    expect(rejected.status).toBe(200);

    // The accepted correction asks the scoring service for a new decision, with every input and the correction applied.
    const requests = await ofType('decision.redecision_requested');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.data).toMatchObject({
      decisionId: oldId,
      decisionType: 'renewal_price',
      memberId: 'M-1001',
      policyId: 'P-5001',
      caseId: c.id,
      model: { id: 'renewal-tariff', version: '2026.2' },
      correctedFeatures: ['claims_last_12m'],
      inputs: { ...inputs, claims_last_12m: 0 },
    });

    // The member reads the reasons, never who gave them; the timeline has the reviewer's reason too.
    const anna = await app.as('anna');
    const seen = await anna.get(`/api/cases/${c.id}`);
    expect(seen.body.case.corrections.map((x: { state: string }) => x.state)).toEqual(['accepted', 'rejected']);
    expect(seen.body.case.corrections.every((x: { decidedBy: string | null }) => x.decidedBy === null)).toBe(true);
    expect(JSON.stringify(seen.body)).not.toContain('pricing.reviewer');
    expect(seen.body.timeline.map((e: { text: string | null }) => e.text)).toContain('Our records show your policy started in 2022.');

    // The scoring service answers with a new decision that supersedes the old one.
    const newBody = renewal('M-1001', {
      supersedes: oldId,
      inputs: { ...inputs, claims_last_12m: 0 },
      output: { currency: 'EUR', previousPremiumCents: 120_000, newPremiumCents: 118_000 },
    });
    const newId = await ingest(newBody);
    const oldSeen = await anna.get(`/api/decisions/${oldId}`);
    expect(oldSeen.body).toMatchObject({ supersedes: null, supersededBy: newId });
    expect(oldSeen.body.effectiveOutcome.newPremiumCents).toBe(118_000);
    expect(oldSeen.body.output.newPremiumCents).toBe(129_000);
    expect(oldSeen.body.corrections.map((x: { feature: string; state: string }) => [x.feature, x.state])).toEqual([
      ['claims_last_12m', 'accepted'],
      ['years_insured', 'rejected'],
    ]);
    const newSeen = await anna.get(`/api/decisions/${newId}`);
    expect(newSeen.body).toMatchObject({ supersedes: oldId, supersededBy: null, corrections: [] });

    // On the old decision's chain, once, even when the scoring service sends the same decision again.
    const replay = await app.ingest().post('/api/decisions').send(newBody);
    expect(replay.status).toBe(200);
    const superseded = (await app.store.events.list(oldId)).filter((e) => e.action === 'superseded');
    expect(superseded).toHaveLength(1);
    expect(superseded[0]!.data.supersededBy).toBe(newId);
    expect((await (await app.as('governance')).get('/api/audit/verify')).body.ok).toBe(true);

    // The case resolves once every correction is answered.
    const resolved = await pricing
      .post(`/api/cases/${c.id}/resolve`)
      .send({ outcome: 'confirm', rationale: 'The new premium follows the corrected claims.', expectedVersion: 4 });
    expect(resolved.status).toBe(200);

    // Governance: per feature, per type and model, from the rollups.
    const metrics = await (await app.as('governance')).get('/api/metrics/corrections?type=renewal_price');
    expect(metrics.status).toBe(200);
    expect(metrics.body.items).toEqual(
      expect.arrayContaining([
        { type: 'renewal_price', modelId: 'renewal-tariff', feature: 'claims_last_12m', claimed: 1, accepted: 1, rejected: 0, acceptedRate: 1 },
        { type: 'renewal_price', modelId: 'renewal-tariff', feature: 'years_insured', claimed: 1, accepted: 0, rejected: 1, acceptedRate: 0 },
      ]),
    );
    expect((await (await app.as('pricing.reviewer')).get('/api/metrics/corrections')).status).toBe(403);
  });

  it('keeps the objection deadline and its extension', async () => {
    const decisionId = await ingest(renewal());
    const c = await objectWithCorrections(decisionId);
    const pricing = await app.as('pricing.reviewer');
    const extended = await pricing
      .post(`/api/cases/${c.id}/extend`)
      .send({ months: 2, reason: 'We need the claims register of your former insurer.', expectedVersion: 1 });
    expect(extended.status).toBe(200);
    const due = extended.body.case.dueAt;
    expect(due > c.dueAt).toBe(true);
    await pricing.post(`/api/cases/${c.id}/claim`).send({ expectedVersion: 2 });
    const decided = await pricing
      .post(`/api/cases/${c.id}/corrections/years_insured`)
      .send({ accept: false, reason: 'Our records show 2022 as the start.', expectedVersion: 3 });
    expect(decided.status).toBe(200);
    expect(decided.body.case).toMatchObject({ dueAt: due, originalDueAt: c.dueAt, extension: { months: 2 } });
  });

  it('lets exactly one of two reviewers deciding one correction at once win; the other gets 409', async () => {
    const caseId = await claimed(await ingest(renewal()));
    const [pricing, senior] = [await app.as('pricing.reviewer'), await app.as('senior.reviewer')];
    const results = await Promise.all([
      pricing
        .post(`/api/cases/${caseId}/corrections/claims_last_12m`)
        .send({ accept: true, reason: 'The claims register agrees with you.', expectedVersion: 2 }),
      senior.post(`/api/cases/${caseId}/corrections/claims_last_12m`).send({ accept: false, reason: 'The claims register disagrees.', expectedVersion: 2 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('version_conflict');
    const events = (await app.store.events.list(caseId.replace(/^case_(\w{24})_\d+$/, 'dec_$1'))).filter((e) => e.action === 'correction_decided');
    expect(events).toHaveLength(1);
  });

  it("answers 404 to a member acting on another's decision, to an unknown feature and to a reviewer out of scope", async () => {
    const decisionId = await ingest(renewal());
    const bram = await app.as('bram');
    const foreign = await bram.post(`/api/decisions/${decisionId}/objections`).send({ statement, corrections });
    expect(foreign.status).toBe(404);
    const caseId = await claimed(decisionId);
    const body = { accept: true, reason: 'The claims register agrees with you.', expectedVersion: 2 };
    expect((await bram.post(`/api/cases/${caseId}/corrections/claims_last_12m`).send(body)).status).toBe(404);
    expect((await (await app.as('fraud.reviewer')).post(`/api/cases/${caseId}/corrections/claims_last_12m`).send(body)).status).toBe(404);
    const unknown = await (await app.as('pricing.reviewer')).post(`/api/cases/${caseId}/corrections/region`).send(body);
    expect(unknown.status).toBe(404);
    // The member's own case: a reviewer's command, refused (as claim and resolve are).
    expect((await (await app.as('anna')).post(`/api/cases/${caseId}/corrections/claims_last_12m`).send(body)).status).toBe(403);
    expect((await app.store.cases.get(caseId))!.version).toBe(2);
  });

  it('refuses bad bodies with 400 problem+json naming the fields, changing nothing', async () => {
    const decisionId = await ingest(renewal());
    const anna = await app.as('anna');
    const eventsBefore = await app.store.events.count();
    const bad = [
      [{ statement, corrections: [{ feature: 'not_an_input', claimedValue: 1, reason }] }, 'corrections[0].feature'],
      [{ statement, corrections: [corrections[0], { ...corrections[0], claimedValue: 1 }] }, 'corrections[1].feature'],
      [{ statement, corrections: [{ feature: 'claims_last_12m', claimedValue: { n: 1 }, reason }] }, 'corrections[0].claimedValue'],
      [{ statement, corrections: [{ feature: 'claims_last_12m', claimedValue: 0, reason: 'x'.repeat(2001) }] }, 'corrections[0].reason'],
      [{ statement, corrections: [{ feature: 'claims_last_12m', claimedValue: 0, reason: '   ' }] }, 'corrections[0].reason'],
      [{ statement, corrections: [] }, 'corrections'],
      [{ statement, corrections: [{ feature: 'claims_last_12m', claimedValue: 0 }] }, 'corrections[0].reason'],
    ] as const;
    for (const [body, path] of bad) {
      const res = await anna.post(`/api/decisions/${decisionId}/objections`).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(await app.store.cases.listForDecision(decisionId)).toEqual([]);
    expect(await app.store.events.count()).toBe(eventsBefore);

    const caseId = await claimed(decisionId);
    const before = await app.store.cases.get(caseId);
    const pricing = await app.as('pricing.reviewer');
    for (const body of [
      { accept: true, expectedVersion: 2 },
      { accept: 'yes', reason: 'A reason long enough.', expectedVersion: 2 },
      { accept: true, reason: 'short', expectedVersion: 2 },
    ]) {
      const res = await pricing.post(`/api/cases/${caseId}/corrections/claims_last_12m`).send(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    }
    expect(await app.store.cases.get(caseId)).toEqual(before);
  });

  it('checks supersedes: the decision exists, has the type and the member, and was not superseded yet', async () => {
    const oldId = await ingest(renewal());
    const count = await app.store.decisions.count();
    const refused = async (body: object, status: number, path: string) => {
      const res = await app.ingest().post('/api/decisions').send(body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    };
    await refused(renewal('M-1001', { supersedes: 'dec_000000000000000000000000' }), 400, 'supersedes');
    await refused(renewal('M-1001', { supersedes: 'not-an-id' }), 400, 'supersedes');
    await refused(renewal('M-1002', { supersedes: oldId }), 400, 'supersedes');
    await refused(riskDecision({ subject: { memberId: 'M-1001' }, supersedes: oldId }), 400, 'supersedes');
    const mixed = await app
      .ingest()
      .post('/api/decisions/batch')
      .send({ decisions: [fraudDecision(), renewal('M-1002', { supersedes: oldId })] });
    expect(mixed.status).toBe(400);
    expect(mixed.body.errors.map((e: { path: string }) => e.path)).toEqual(['decisions[1].supersedes']);
    expect(await app.store.decisions.count()).toBe(count);

    const first = await ingest(renewal('M-1001', { supersedes: oldId }));
    await refused(renewal('M-1001', { supersedes: oldId }), 409, 'supersedes');
    const batch = await app
      .ingest()
      .post('/api/decisions/batch')
      .send({ decisions: [renewal('M-1001', { supersedes: oldId })] });
    expect(batch.status).toBe(409);
    expect(batch.body.errors[0].path).toBe('decisions[0].supersedes');
    expect((await app.store.decisions.get(oldId))!.supersededBy).toBe(first);

    // A chain of corrections: the newest is superseded in turn, through the batch.
    const third = await app
      .ingest()
      .post('/api/decisions/batch')
      .send({ decisions: [renewal('M-1001', { supersedes: first })] });
    expect(third.status).toBe(200);
    expect((await app.store.decisions.get(first))!.supersededBy).toBe(third.body.ids[0]);
  });

  it('repairs the old decision from its chain when a crash left the link unwritten', async () => {
    const oldId = await ingest(renewal());
    const newId = await ingest(renewal('M-1001', { supersedes: oldId, output: { currency: 'EUR', previousPremiumCents: 120_000, newPremiumCents: 110_000 } }));
    // The crash: the event is on the chain, the projection is not.
    await t.raw.updateDecision(oldId, (doc) => {
      delete doc.supersededBy;
      doc.effectiveOutcome = { ...doc.effectiveOutcome, newPremiumCents: 129_000 };
    });
    expect((await app.store.decisions.get(oldId))!.supersededBy).toBeUndefined();
    await repairRecentProjections(app.store, '2000-01-01T00:00:00.000Z');
    const repaired = await app.store.decisions.get(oldId);
    expect(repaired).toMatchObject({ supersededBy: newId, effectiveOutcome: { newPremiumCents: 110_000 } });
  });
});
