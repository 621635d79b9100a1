import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { DEMO_INGEST_KEY } from '../../server/config';
import { buildTestApp, type TestApp } from '../support/app';
import { fraudDecision, renewalDecision, riskDecision } from '../support/fixtures';
import { describeEachStore, type TestStore } from '../support/stores';

/** Issue 18: a standing request for a person in future decisions (Art. 21, 22), and consent withdrawal (Art. 7(3)). */
describeEachStore('automation preferences and consent withdrawal', (kind) => {
  let t: TestStore;
  let app: TestApp;
  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store);
  });
  afterAll(async () => t.dispose());

  /** A moment later than everything before it, and the decidedAt of a decision made then. */
  const later = () => {
    app.clock.advance(60_000);
    return app.clock.now().toISOString();
  };
  const ingest = async (body: object) => {
    const res = await app.ingest().post('/api/decisions').send(body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; findings: { code: string }[] };
  };
  const casesOf = (decisionId: string) => app.store.cases.listForDecision(decisionId);
  const scoring = (memberId: string) =>
    request(app.app).get(`/api/members/${memberId}/automation-preferences`).set('Authorization', `Bearer ${DEMO_INGEST_KEY}`);

  describe('the standing request for a person', () => {
    it('opens a mandatory review case at once for later decisions of that type about that member, and stops when taken back', async () => {
      const anna = await app.as('anna');
      const before = await ingest(renewalDecision({ subject: { memberId: 'M-1001', policyId: 'P-5001' }, decidedAt: later() }));

      const put = await anna.put('/api/me/automation-preferences').send({ humanReview: { renewal_price: true } });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      expect(put.body.humanReview).toEqual({ renewal_price: true, fraud_flag: false, risk_score: false });
      expect(put.body.history).toEqual([expect.objectContaining({ change: 'human_review_requested', type: 'renewal_price', channel: 'portal' })]);

      const asked = await ingest(renewalDecision({ subject: { memberId: 'M-1001', policyId: 'P-5001' }, decidedAt: later() }));
      const [opened, ...more] = await casesOf(asked.id);
      expect(more).toEqual([]);
      expect(opened).toMatchObject({ origin: 'human_review', status: 'open', memberId: 'M-1001' });
      const events = await app.store.events.list(asked.id);
      expect(events[0]).toMatchObject({ seq: 1, action: 'human_review_opened', data: expect.objectContaining({ reasons: ['standing_request'] }) });
      const entry = (await app.store.outbox.pending(100)).find((e) => e.caseId === opened!.id);
      expect(entry?.events).toEqual([expect.objectContaining({ type: 'case.opened', data: expect.objectContaining({ origin: 'human_review' }) })]);

      // The member sees the case they asked for on the decision page.
      const detail = await anna.get(`/api/decisions/${asked.id}`);
      expect(detail.body.cases).toEqual([expect.objectContaining({ origin: 'human_review' })]);
      // Decided before the request: no case.
      expect(await casesOf(before.id)).toEqual([]);

      // Another type, another member: nothing.
      const fraud = await ingest(fraudDecision({ subject: { memberId: 'M-1001', claimId: 'C-1' }, decidedAt: later() }));
      expect(await casesOf(fraud.id)).toEqual([]);
      const bram = await ingest(renewalDecision({ subject: { memberId: 'M-1002', policyId: 'P-5002' }, decidedAt: later() }));
      expect(await casesOf(bram.id)).toEqual([]);

      // In a batch too, decision by decision.
      const batch = await app
        .ingest()
        .post('/api/decisions/batch')
        .send({
          decisions: [
            renewalDecision({ subject: { memberId: 'M-1001', policyId: 'P-5001' }, decidedAt: later() }),
            renewalDecision({ subject: { memberId: 'M-1002', policyId: 'P-5002' }, decidedAt: later() }),
          ],
        });
      expect(batch.status).toBe(200);
      expect((await casesOf(batch.body.ids[0])).map((c) => c.origin)).toEqual(['human_review']);
      expect(await casesOf(batch.body.ids[1])).toEqual([]);

      const back = await anna.put('/api/me/automation-preferences').send({ humanReview: { renewal_price: false } });
      expect(back.body.humanReview.renewal_price).toBe(false);
      expect(back.body.history.map((h: { change: string }) => h.change)).toEqual(['human_review_requested', 'human_review_taken_back']);
      const after = await ingest(renewalDecision({ subject: { memberId: 'M-1001', policyId: 'P-5001' }, decidedAt: later() }));
      expect(await casesOf(after.id)).toEqual([]);

      // Kept with the member's other requests, answered at once.
      const requests = (await anna.get('/api/me/requests')).body.items as { kind: string; status: string }[];
      expect(requests.filter((r) => r.kind === 'objection').map((r) => r.status)).toEqual(['done', 'done']);
    });

    it('answers the scoring service with the flags, and all false for an unknown member', async () => {
      const bram = await app.as('bram');
      await bram.put('/api/me/automation-preferences').send({ humanReview: { risk_score: true } });
      const known = await scoring('M-1002');
      expect(known.status).toBe(200);
      expect(known.body).toEqual({
        humanReview: { renewal_price: false, fraud_flag: false, risk_score: true },
        consentWithdrawn: { renewal_price: false, fraud_flag: false, risk_score: false },
      });
      const unknown = await scoring('M-999999');
      expect(unknown.status).toBe(200);
      expect(unknown.body).toEqual({
        humanReview: { renewal_price: false, fraud_flag: false, risk_score: false },
        consentWithdrawn: { renewal_price: false, fraud_flag: false, risk_score: false },
      });
      // A person's session does not open it, nor does no key.
      expect((await bram.get('/api/members/M-1002/automation-preferences')).status).toBe(401);
      expect((await request(app.app).get('/api/members/M-1002/automation-preferences')).status).toBe(401);
      await bram.put('/api/me/automation-preferences').send({ humanReview: { risk_score: false } });
    });

    it('refuses bad bodies with 400 problem+json and changes nothing', async () => {
      const bram = await app.as('bram');
      const before = (await bram.get('/api/me/automation-preferences')).body;
      for (const body of [
        { humanReview: { car_insurance: true } },
        { humanReview: { renewal_price: 'yes' } },
        { humanReview: {} },
        { humanReview: { renewal_price: true }, extra: 1 },
        {},
        [],
      ]) {
        const res = await bram.put('/api/me/automation-preferences').send(body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.code).toBe('validation_failed');
      }
      expect((await bram.get('/api/me/automation-preferences')).body).toEqual(before);
    });

    it('two requests at once end in one consistent state with both changes', async () => {
      const bram = await app.as('bram');
      const [a, b] = await Promise.all([
        bram.put('/api/me/automation-preferences').send({ humanReview: { fraud_flag: true } }),
        bram.put('/api/me/automation-preferences').send({ humanReview: { renewal_price: true } }),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      const now = (await bram.get('/api/me/automation-preferences')).body;
      expect(now.humanReview).toEqual({ renewal_price: true, fraud_flag: true, risk_score: false });
      const stored = await app.store.memberPreferences.get('M-1002');
      // Each change once in the history: the loser of the race re-applied its change on the winner's state.
      const requested = stored!.history.filter((h) => h.change === 'human_review_requested' && h.type !== 'risk_score').map((h) => h.type);
      expect(requested.sort()).toEqual(['fraud_flag', 'renewal_price']);
      await bram.put('/api/me/automation-preferences').send({ humanReview: { fraud_flag: false, renewal_price: false } });
    });

    it('a reviewer registers a request received by phone, in their scope only; it applies from when it was received', async () => {
      const pricing = await app.as('pricing.reviewer');
      const receivedAt = later();
      const decidedBefore = new Date(Date.parse(receivedAt) - 1000).toISOString();
      later();
      const res = await pricing.put('/api/members/M-1003/automation-preferences').send({ humanReview: { risk_score: true }, receivedAt, channel: 'phone' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.humanReviewSince).toEqual({ risk_score: receivedAt });
      expect(res.body.history).toEqual([{ change: 'human_review_requested', type: 'risk_score', at: receivedAt, channel: 'phone' }]);
      const after = await ingest(riskDecision({ subject: { memberId: 'M-1003' }, legalBasis: 'contract', specialCategoryData: false, decidedAt: later() }));
      expect((await casesOf(after.id)).map((c) => c.origin)).toEqual(['human_review']);
      const before = await ingest(
        riskDecision({ subject: { memberId: 'M-1003' }, legalBasis: 'contract', specialCategoryData: false, decidedAt: decidedBefore }),
      );
      expect(await casesOf(before.id)).toEqual([]);
      // Outside the scopes: 404, nothing changed; a future receipt: 400.
      const fraud = await app.as('fraud.reviewer');
      const outside = await fraud.put('/api/members/M-1003/automation-preferences').send({ humanReview: { risk_score: false }, receivedAt, channel: 'post' });
      expect(outside.status).toBe(404);
      const future = new Date(Date.parse(app.clock.now().toISOString()) + 86_400_000).toISOString();
      const early = await pricing
        .put('/api/members/M-1003/automation-preferences')
        .send({ humanReview: { risk_score: false }, receivedAt: future, channel: 'post' });
      expect(early.status).toBe(400);
      expect((await scoring('M-1003')).body.humanReview.risk_score).toBe(true);
      // A member may not register for anyone (nor themselves) this way.
      expect(
        (
          await (
            await app.as('anna')
          )
            .put('/api/members/M-1003/automation-preferences')
            .send({ humanReview: { risk_score: false }, receivedAt, channel: 'post' })
        ).status,
      ).toBe(403);
    });

    it('is only for members: staff have no preferences of their own', async () => {
      const reviewer = await app.as('pricing.reviewer');
      expect((await reviewer.get('/api/me/automation-preferences')).status).toBe(403);
    });
  });

  describe('consent withdrawal', () => {
    it('leaves earlier decisions untouched; later consent-based ones get the finding and a case, contract-based ones do not', async () => {
      const bram = await app.as('bram');
      const earlier = await ingest(riskDecision({ subject: { memberId: 'M-1002' }, decidedAt: later() }));
      const earlierRecord = await app.store.decisions.get(earlier.id);
      const outboxBefore = (await app.store.outbox.pending(1000)).length;

      const res = await bram.post('/api/me/consent-withdrawals').send({ types: ['risk_score'] });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.consentWithdrawn.risk_score).toBe(app.clock.now().toISOString());
      expect(res.body.consentBasedTypes).toContain('risk_score');

      // Nothing erased or changed by the withdrawal alone.
      expect(await app.store.decisions.get(earlier.id)).toEqual(earlierRecord);
      expect(await casesOf(earlier.id)).toEqual([]);
      expect((await app.store.events.list(earlier.id)).length).toBe(0);
      const verify = await (await app.as('governance')).get('/api/audit/verify');
      expect(verify.body.ok).toBe(true);

      // The outbound event: the member and the types, nothing more.
      const pending = await app.store.outbox.pending(1000);
      expect(pending.length).toBe(outboxBefore + 1);
      const notice = pending.find((e) => e.events?.some((ev) => ev.type === 'member.consent_withdrawn'));
      expect(notice?.events).toEqual([
        { type: 'member.consent_withdrawn', data: { memberId: 'M-1002', types: ['risk_score'], withdrawnAt: app.clock.now().toISOString() } },
      ]);

      const consentBased = await ingest(riskDecision({ subject: { memberId: 'M-1002' }, decidedAt: later() }));
      expect(consentBased.findings.map((f) => f.code)).toContain('consent_withdrawn');
      const [c] = await casesOf(consentBased.id);
      expect(c).toMatchObject({ origin: 'human_review' });
      expect((await app.store.events.list(consentBased.id))[0]!.data.reasons).toEqual(['consent_withdrawn']);

      const contractBased = await ingest(
        riskDecision({ subject: { memberId: 'M-1002' }, legalBasis: 'contract', specialCategoryData: false, decidedAt: later() }),
      );
      expect(contractBased.findings.map((f) => f.code)).not.toContain('consent_withdrawn');
      expect(await casesOf(contractBased.id)).toEqual([]);

      // The chain still verifies with the finding in seq 0.
      expect((await (await app.as('governance')).get('/api/audit/verify')).body.ok).toBe(true);
      const findings = await (await app.as('governance')).get('/api/metrics/findings');
      expect(findings.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'consent_withdrawn', type: 'risk_score', count: 1 })]));
      expect(findings.body.memberRequests.consentWithdrawn.risk_score).toBe(1);
      expect(findings.body.memberRequests.humanReviewCases.risk_score).toBeGreaterThanOrEqual(1);
      expect(findings.body.memberRequests.humanReviewCases.renewal_price).toBe(2);

      // The scoring service learns it too.
      expect((await scoring('M-1002')).body.consentWithdrawn.risk_score).toBe(true);
    });

    it('withdrawing again changes nothing and sends no second event', async () => {
      const bram = await app.as('bram');
      const first = (await bram.get('/api/me/automation-preferences')).body;
      const outboxBefore = (await app.store.outbox.pending(1000)).length;
      later();
      const again = await bram.post('/api/me/consent-withdrawals').send({ types: ['risk_score'] });
      expect(again.status).toBe(201);
      expect(again.body.consentWithdrawn).toEqual(first.consentWithdrawn);
      expect((await app.store.outbox.pending(1000)).length).toBe(outboxBefore);
    });

    it('refuses an empty list, an unknown type and a repeated one with 400, nothing changed', async () => {
      const anna = await app.as('anna');
      const before = (await anna.get('/api/me/automation-preferences')).body;
      for (const body of [{ types: [] }, { types: ['car'] }, { types: ['fraud_flag', 'fraud_flag'] }, { types: 'fraud_flag' }, {}]) {
        const res = await anna.post('/api/me/consent-withdrawals').send(body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      }
      expect((await anna.get('/api/me/automation-preferences')).body).toEqual(before);
    });

    it("a member's withdrawal is about their own decisions only", async () => {
      // Anna has no way to name another member: her request is hers, Bram's decisions are untouched.
      const anna = await app.as('anna');
      await anna.post('/api/me/consent-withdrawals').send({ types: ['fraud_flag'] });
      expect((await scoring('M-1002')).body.consentWithdrawn.fraud_flag).toBe(false);
      expect((await scoring('M-1001')).body.consentWithdrawn.fraud_flag).toBe(true);
    });
  });

  describe('another member', () => {
    it("gets 404 for the case opened on someone else's request", async () => {
      const anna = await app.as('anna');
      await anna.put('/api/me/automation-preferences').send({ humanReview: { risk_score: true } });
      const d = await ingest(riskDecision({ subject: { memberId: 'M-1001' }, legalBasis: 'contract', specialCategoryData: false, decidedAt: later() }));
      const [c] = await casesOf(d.id);
      expect(c?.origin).toBe('human_review');
      const bram = await app.as('bram');
      expect((await bram.get(`/api/cases/${c!.id}`)).status).toBe(404);
      expect((await bram.get(`/api/decisions/${d.id}`)).status).toBe(404);
      expect((await anna.get(`/api/cases/${c!.id}`)).status).toBe(200);
      // Anna's list of cases holds it.
      const list = await anna.get('/api/cases');
      expect(list.body.items.map((i: { id: string }) => i.id)).toContain(c!.id);
    });
  });

  describe('export and erasure', () => {
    it('the export holds the preferences with history; erasure removes them', async () => {
      const bram = await app.as('bram');
      const exported = await bram.get('/api/me/export');
      expect(exported.status).toBe(200);
      expect(exported.body.automationPreferences.consentWithdrawn.risk_score).toBeDefined();
      expect(exported.body.automationPreferences.history.length).toBeGreaterThan(0);
      const admin = await app.as('admin');
      const erased = await admin.post('/api/admin/erasure').send({ memberId: 'M-1002' });
      expect(erased.status, JSON.stringify(erased.body)).toBe(200);
      expect(await app.store.memberPreferences.get('M-1002')).toBeNull();
      expect((await scoring('M-1002')).body.consentWithdrawn.risk_score).toBe(false);
      // The notice no longer names the member once erased.
      const pending = await app.store.outbox.pending(1000);
      expect(JSON.stringify(pending.filter((e) => e.events?.some((ev) => ev.type === 'member.consent_withdrawn')))).not.toContain('M-1002');
    });
  });

  describe('retention', () => {
    it("erases decisions past their period but keeps the member's standing request and withdrawals in force", async () => {
      const before = await app.store.memberPreferences.get('M-1001');
      expect(before?.active).toBe(true);
      app.clock.advance(400 * 86_400_000);
      const report = await app.services.erasure.applyRetention({ renewal_price: 30, fraud_flag: 30, risk_score: 30 });
      expect(Object.values(report).reduce((n, r) => n + r.erased, 0)).toBeGreaterThan(0);
      // A standing instruction about future decisions: it lasts as long as the member does (erasure removes it).
      expect(await app.store.memberPreferences.get('M-1001')).toEqual(before);
    });
  });
});
