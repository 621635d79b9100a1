import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';
import { buildTestApp, type TestApp } from '../support/app';
import { fraudDecision, renewalDecision, riskDecision } from '../support/fixtures';
import { describeEachStore, type TestStore } from '../support/stores';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describeEachStore('member rights', (kind) => {
  let t: TestStore;
  let app: TestApp;
  const ids: Record<string, string> = {};
  const bramStatement = 'Bram says: the hospital stay was planned and approved in advance.';
  const bramCorrection = 'Bram corrects: one claim last year, the windscreen, not two.';
  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store);
    const model = { id: 'renewal-tariff', version: '2026.2' };
    const decisions = {
      annaRenewal: renewalDecision({
        subject: { memberId: 'M-1001', policyId: 'P-5001' },
        model,
        inputs: { claims_last_12m: 3, age_band: '30-44', region: 'Flanders', years_insured: 4, hospital_cover: true, medical_inflation_pct: 4.5 },
        output: { currency: 'EUR', previousPremiumCents: 123_456, newPremiumCents: 132_456 },
        rationale: {
          reasonCodes: [{ code: 'CLAIMS_HISTORY' }, { code: 'MEDICAL_INFLATION' }],
          contributions: [
            { feature: 'claims_last_12m', contribution: 9000 },
            { feature: 'medical_inflation_pct', contribution: 1600 },
            { feature: 'years_insured', contribution: -1600 },
          ],
          counterfactuals: [{ feature: 'claims_last_12m', from: 3, to: 0, outcome: 'lower' }],
        },
      }),
      annaFraud: fraudDecision({
        subject: { memberId: 'M-1001', claimId: 'C-77' },
        model: { id: 'claims-fraud-screen', version: '3.2' },
        inputs: {
          claim_amount_cents: 480_123,
          provider_on_watchlist: true,
          days_since_policy_start: 12,
          prior_claims_24m: 1,
          claim_type: 'hospital',
          age_band: '30-44',
          region: 'Flanders',
        },
        output: { claimId: 'C-77', score: 0.82, threshold: 0.7, flagged: true, action: 'hold_payment' },
        rationale: {
          reasonCodes: [{ code: 'PROVIDER_WATCHLIST' }],
          contributions: [
            { feature: 'claim_amount_cents', contribution: 0.35 },
            { feature: 'provider_on_watchlist', contribution: 0.22 },
          ],
        },
      }),
      bramRenewal: renewalDecision({
        subject: { memberId: 'M-1002', policyId: 'P-5002' },
        model,
        inputs: { claims_last_12m: 1, age_band: '60-74', region: 'Wallonia' },
        rationale: { reasonCodes: [], contributions: [{ feature: 'claims_last_12m', contribution: 9000 }] },
      }),
      bramRisk: riskDecision({ subject: { memberId: 'M-1002' } }),
    };
    for (const [name, body] of Object.entries(decisions)) ids[name] = (await app.ingest().post('/api/decisions').send(body)).body.id;
    // Bram contests the price with a correction, asks that it be held meanwhile (Art. 18), and asks for erasure (Art. 17).
    await (
      await app.as('bram')
    )
      .post(`/api/decisions/${ids.bramRenewal}/objections`)
      .send({ statement: bramStatement, restrict: true, corrections: [{ feature: 'claims_last_12m', claimedValue: 'zero claims', reason: bramCorrection }] });
    await (await app.as('bram')).post('/api/me/requests').send({ kind: 'erasure', details: 'Bram asks: erase all of it.' });
  });
  afterAll(async () => t.dispose());

  describe('explanations', () => {
    it('explains a renewal completely in English, Dutch and French, money written the local way', async () => {
      const anna = await app.as('anna');
      const byLang: Record<
        string,
        { headline: string; factors: { feature: string; label: string; text: string }[]; rights: unknown[]; whatCouldChange: string[] }
      > = {};
      for (const lang of ['en', 'nl', 'fr']) {
        const res = await anna.get(`/api/decisions/${ids.annaRenewal}/explanation?lang=${lang}`);
        expect(res.status).toBe(200);
        expect(res.body.lang).toBe(lang);
        byLang[lang] = res.body;
        expect(res.body.factors.length).toBe(3);
        expect(res.body.rights.length).toBeGreaterThanOrEqual(3);
        expect(res.body.whatCouldChange.length).toBeGreaterThan(0);
        for (const factor of res.body.factors) {
          expect(factor.label).not.toBe(factor.feature);
          expect(factor.text).not.toContain(factor.feature);
        }
        expect(res.body.coverageGaps).toEqual([]);
      }
      expect(nbsp(byLang.nl!.headline)).toContain('€ 1.234,56');
      expect(nbsp(byLang.nl!.headline)).toContain('€ 1.324,56');
      expect(nbsp(byLang.fr!.headline)).toContain('1 234,56 €');
      expect(byLang.en!.headline).toContain('€1,234.56');
      expect(nbsp(byLang.nl!.factors[0]!.text)).toContain('€ 90,00');
      expect(byLang.nl!.headline).not.toBe(byLang.en!.headline);
      expect(byLang.fr!.factors[0]!.text).not.toBe(byLang.en!.factors[0]!.text);
    });

    it("refuses an unknown language and someone else's decision", async () => {
      const anna = await app.as('anna');
      expect((await anna.get(`/api/decisions/${ids.annaRenewal}/explanation?lang=de`)).status).toBe(400);
      expect((await anna.get(`/api/decisions/${ids.bramRenewal}/explanation?lang=en`)).status).toBe(404);
    });
  });

  describe('fraud flags under review', () => {
    const indicators = ['PROVIDER_WATCHLIST', 'provider_on_watchlist', 'claim_amount_cents', '480123'];
    const leaks = (body: unknown) => indicators.filter((s) => JSON.stringify(body).includes(s));

    it('show the member no indicators in any endpoint while a case is open, and all of them after', async () => {
      const anna = await app.as('anna');
      const filed = await anna.post(`/api/decisions/${ids.annaFraud}/objections`).send({ statement: 'The bill is genuine.' });
      expect(leaks(filed.body)).toEqual([]);
      const caseId = filed.body.case.id;
      for (const url of [
        '/api/decisions',
        `/api/decisions/${ids.annaFraud}`,
        `/api/decisions/${ids.annaFraud}/explanation?lang=en`,
        `/api/decisions/${ids.annaFraud}/explanation?lang=nl`,
        `/api/cases/${caseId}`,
        '/api/cases',
        '/api/me/export',
      ]) {
        const res = await anna.get(url);
        expect(res.status, url).toBe(200);
        expect(leaks(res.body), url).toEqual([]);
      }
      const explanation = await anna.get(`/api/decisions/${ids.annaFraud}/explanation?lang=en`);
      expect(explanation.body.restricted).toBe(true);
      expect(explanation.body.rights.length).toBeGreaterThan(0);
      // Staff still see everything.
      expect(leaks((await (await app.as('fraud.reviewer')).get(`/api/decisions/${ids.annaFraud}`)).body).length).toBeGreaterThan(0);

      const fraud = await app.as('fraud.reviewer');
      await fraud.post(`/api/cases/${caseId}/claim`).send({ expectedVersion: 1 });
      await fraud
        .post(`/api/cases/${caseId}/resolve`)
        .send({ outcome: 'confirm', rationale: 'The provider is on the watchlist for this period.', expectedVersion: 2 });
      expect(leaks((await anna.get(`/api/decisions/${ids.annaFraud}`)).body).length).toBeGreaterThan(0);
    });
  });

  describe('export', () => {
    it("holds all of anna's decisions and cases and nothing about M-1002", async () => {
      const res = await (await app.as('anna')).get('/api/me/export?lang=nl');
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toContain('attachment');
      expect(res.body.decisions.map((d: { id: string }) => d.id).sort()).toEqual([ids.annaRenewal, ids.annaFraud].sort());
      expect(res.body.decisions.every((d: { explanation: { lang: string } }) => d.explanation.lang === 'nl')).toBe(true);
      expect(res.body.cases).toHaveLength(1);
      expect(res.body.cases[0].timeline.length).toBeGreaterThan(0);
      // Art. 15(1)(c): nothing was disclosed about anna (test/api/disclosures.test.ts discloses and holds back).
      expect(res.body.recipients).toEqual([]);
      const text = JSON.stringify(res.body);
      expect(text).not.toContain('M-1002');
      expect(text).not.toContain(bramStatement);
    });

    it('holds the corrections the member claimed (rectification), their values and reasons', async () => {
      const res = await (await app.as('bram')).get('/api/me/export?lang=en');
      expect(res.status).toBe(200);
      const ofRenewal = res.body.cases.find((c: { decisionId: string }) => c.decisionId === ids.bramRenewal);
      expect(ofRenewal.corrections).toEqual([
        expect.objectContaining({ feature: 'claims_last_12m', claimedValue: 'zero claims', reason: bramCorrection, state: 'pending' }),
      ]);
    });

    it('holds the restriction bram asked and his erasure request with its due date', async () => {
      const res = await (await app.as('bram')).get('/api/me/export?lang=fr');
      const renewal = res.body.decisions.find((d: { id: string }) => d.id === ids.bramRenewal);
      expect(renewal.restriction).toEqual({ since: expect.any(String) });
      expect(res.body.cases[0].restriction).toEqual(renewal.restriction);
      expect(res.body.requests).toEqual([
        expect.objectContaining({ kind: 'erasure', status: 'received', dueAt: expect.any(String), details: 'Bram asks: erase all of it.' }),
      ]);
    });

    it('can be produced by admin on request, and that request is on the record', async () => {
      const admin = await app.as('admin');
      const res = await admin.get('/api/admin/members/M-1001/export');
      expect(res.status).toBe(200);
      expect(res.body.decisions).toHaveLength(2);
      const log = await app.store.staffLog.list();
      expect(log.at(-1)).toMatchObject({ action: 'member_export', actor: { role: 'admin' }, subjectDigest: expect.any(String) });
      expect(JSON.stringify(log)).not.toContain('M-1001');
      expect((await (await app.as('governance')).get('/api/admin/members/M-1001/export')).status).toBe(403);
    });
  });

  describe('erasure', () => {
    it('is refused under a legal hold, then removes M-1002 from every answer and file while chains still verify', async () => {
      const admin = await app.as('admin');
      const gov = await app.as('governance');
      const decisionsBefore = await app.store.decisions.count();
      expect((await admin.put('/api/admin/legal-holds/M-1002').send({ reason: 'Pending court case 2026/114' })).status).toBe(200);
      const held = await admin.post('/api/admin/erasure').send({ memberId: 'M-1002' });
      expect(held.status).toBe(409);
      expect(held.body.code).toBe('legal_hold');
      expect((await admin.delete('/api/admin/legal-holds/M-1002').send({ reason: 'Case closed' })).status).toBe(204);

      const erased = await admin.post('/api/admin/erasure').send({ memberId: 'M-1002' });
      expect(erased.status).toBe(200);
      expect(erased.body).toEqual({ decisions: 2, cases: 1, accounts: 1, contacts: 0, attachments: 0 });

      expect((await gov.get('/api/audit/verify')).body.ok).toBe(true);
      expect(await app.store.decisions.count()).toBe(decisionsBefore);
      const answers = [
        await gov.get('/api/decisions?limit=500'),
        await gov.get('/api/decisions?memberId=M-1002'),
        await gov.get('/api/cases?limit=500'),
        await gov.get(`/api/decisions/${ids.bramRenewal}`),
      ];
      for (const res of answers) {
        expect(JSON.stringify(res.body)).not.toContain('M-1002');
        expect(JSON.stringify(res.body)).not.toContain(bramStatement);
        expect(JSON.stringify(res.body)).not.toContain(bramCorrection);
        expect(JSON.stringify(res.body)).not.toContain('zero claims');
      }
      // The correction stays as a fact (which input, where it stands) without the member's words.
      expect(answers[3]!.body.corrections).toEqual([
        expect.objectContaining({ feature: 'claims_last_12m', claimedValue: null, reason: null, state: 'pending' }),
      ]);
      const caseId = answers[3]!.body.cases[0].id;
      const detail = await gov.get(`/api/cases/${caseId}`);
      expect(JSON.stringify(detail.body)).not.toContain(bramStatement);
      expect(answers[3]!.body.erasedAt).toEqual(expect.any(String));
      // The restriction is no personal data (two dates): billing still holds the price until the case closes.
      expect(answers[3]!.body.restriction).toEqual({ since: expect.any(String) });
      // His erasure request is answered by the erasure, and no longer names him or keeps his words.
      const requests = JSON.stringify((await admin.get('/api/admin/requests')).body);
      expect(requests).not.toContain('Bram asks');
      expect((await admin.get('/api/admin/requests')).body.items.find((r: { kind: string; memberId: string }) => r.memberId === 'ERASED')).toMatchObject({
        status: 'done',
      });
      expect((await app.anonymous().post('/api/session').send({ username: 'bram', password: 'demo' })).status).toBe(401);

      if (t.files) {
        for (const file of t.files()) {
          const bytes = fs.readFileSync(file);
          expect(bytes.includes('M-1002'), file).toBe(false);
          expect(bytes.includes(bramStatement), file).toBe(false);
          expect(bytes.includes(bramStatement.slice(0, 24)), file).toBe(false);
          expect(bytes.includes(bramCorrection), file).toBe(false);
        }
      }
    });
  });

  describe('legal holds', () => {
    it('are lifted without a body: the reason is optional, as ?reason= or in the body, and logged', async () => {
      const admin = await app.as('admin');
      const hold = async (memberId: string) =>
        expect((await admin.put(`/api/admin/legal-holds/${memberId}`).send({ reason: 'Pending dispute' })).status).toBe(200);
      const lastLogged = async () => (await app.store.staffLog.list()).at(-1)!;

      await hold('M-4001');
      // No body and no Content-Type at all, as most HTTP clients send a DELETE.
      expect((await admin.delete('/api/admin/legal-holds/M-4001')).status).toBe(204);
      expect(await app.store.holds.get('M-4001')).toBeNull();
      expect(await lastLogged()).toMatchObject({ action: 'legal_hold_lifted', data: { reason: null } });

      await hold('M-4002');
      expect((await admin.delete('/api/admin/legal-holds/M-4002?reason=Dispute%20settled')).status).toBe(204);
      expect(await lastLogged()).toMatchObject({ action: 'legal_hold_lifted', data: { reason: 'Dispute settled' } });

      await hold('M-4003');
      const twice = await admin.delete('/api/admin/legal-holds/M-4003?reason=Dispute%20settled').send({ reason: 'Something else' });
      expect(twice.status).toBe(400);
      expect(twice.body.errors[0].path).toBe('reason');
      const short = await admin.delete('/api/admin/legal-holds/M-4003?reason=ok');
      expect(short.status).toBe(400);
      // A body that is there must be the documented object: JSON null is not "no body" (found by Schemathesis).
      const nullBody = await admin.delete('/api/admin/legal-holds/M-4003?reason=Dispute%20settled').set('Content-Type', 'application/json').send('null');
      expect(nullBody.status).toBe(400);
      expect(await app.store.holds.get('M-4003')).not.toBeNull();
      expect((await admin.delete('/api/admin/legal-holds/M-4003').send({ reason: 'Dispute settled' })).status).toBe(204);
      expect((await admin.delete('/api/admin/legal-holds/M-4003')).status).toBe(404);
    });
  });

  describe('retention', () => {
    it('erases decisions past their period unless a case is open or a hold applies', async () => {
      const old = { decidedAt: '2018-01-10T10:00:00.000Z' };
      const plain = (
        await app
          .ingest()
          .post('/api/decisions')
          .send(renewalDecision({ ...old, subject: { memberId: 'M-3001' } }))
      ).body.id;
      const contested = (
        await app
          .ingest()
          .post('/api/decisions')
          .send(renewalDecision({ ...old, subject: { memberId: 'M-3002' } }))
      ).body.id;
      const onHold = (
        await app
          .ingest()
          .post('/api/decisions')
          .send(renewalDecision({ ...old, subject: { memberId: 'M-3003' } }))
      ).body.id;
      await (
        await app.as('pricing.reviewer')
      )
        .post(`/api/decisions/${contested}/objections`)
        .send({ statement: 'Letter.', channel: 'post', receivedAt: '2018-01-20T10:00:00.000Z', restrict: true });
      await (await app.as('admin')).put('/api/admin/legal-holds/M-3003').send({ reason: 'Litigation hold' });
      // A closed objection with a correction (rectification): retention removes the member's claimed value and reason too.
      const corrected = (
        await app
          .ingest()
          .post('/api/decisions')
          .send(renewalDecision({ ...old, subject: { memberId: 'M-3004' } }))
      ).body.id;
      const pricing = await app.as('pricing.reviewer');
      const letter = await pricing.post(`/api/decisions/${corrected}/objections`).send({
        statement: 'Letter.',
        channel: 'post',
        receivedAt: '2018-01-20T10:00:00.000Z',
        corrections: [{ feature: 'claims_last_12m', claimedValue: 1, reason: 'Retention test: only one claim was mine.' }],
      });
      expect(letter.status).toBe(201);
      const correctedCase = letter.body.case.id;
      await pricing.post(`/api/cases/${correctedCase}/claim`).send({ expectedVersion: 1 });
      await pricing
        .post(`/api/cases/${correctedCase}/corrections/claims_last_12m`)
        .send({ accept: false, reason: 'Two claims were paid out.', expectedVersion: 2 });
      await pricing
        .post(`/api/cases/${correctedCase}/resolve`)
        .send({ outcome: 'confirm', rationale: 'The claims register confirms two claims.', expectedVersion: 3 });
      const report = await app.services.erasure.applyRetention({ renewal_price: 7 * 365, fraud_flag: 7 * 365, risk_score: 7 * 365 });
      expect(report.renewal_price).toEqual({ erased: 2, keptOpenCase: 1, keptOnHold: 1 });
      const retained = await app.store.cases.get(correctedCase);
      expect(retained!.corrections).toEqual([
        expect.objectContaining({ feature: 'claims_last_12m', state: 'rejected', claimedValue: null, reason: null, decisionReason: null }),
      ]);
      expect(JSON.stringify(await app.store.events.list(corrected))).not.toContain('Retention test');
      expect((await app.store.decisions.get(plain))?.erasedAt).toEqual(expect.any(String));
      expect((await app.store.decisions.get(contested))?.erasedAt).toBeUndefined();
      // Kept with its open case, the restriction still holds the price.
      expect((await (await app.as('governance')).get(`/api/decisions/${contested}`)).body.restriction).toEqual({ since: expect.any(String) });
      expect((await app.store.decisions.get(onHold))?.erasedAt).toBeUndefined();
      expect((await (await app.as('governance')).get('/api/audit/verify')).body.ok).toBe(true);
    });
  });
});

describe('retention configuration', () => {
  it('refuses a retention period under 183 days at start, with a clear message', () => {
    expect(() => loadConfig({ RETENTION_DAYS_FRAUD_FLAG: '90' })).toThrow(ConfigError);
    expect(() => loadConfig({ RETENTION_DAYS_FRAUD_FLAG: '90' })).toThrow(/RETENTION_DAYS_FRAUD_FLAG.*183 days/);
    expect(loadConfig({}).retentionDays.renewal_price).toBe(2555);
  });
});

describe('model registry', () => {
  it('is written by admin and read by staff', async () => {
    const { openTestSqlite } = await import('../support/stores');
    const t = await openTestSqlite();
    const app = await buildTestApp(t.store);
    const gov = await app.as('governance');
    const list = await gov.get('/api/models');
    expect(list.body.items.length).toBeGreaterThanOrEqual(5);
    const entry = { ...list.body.items[0], version: '9.9' };
    expect((await gov.put('/api/models').send(entry)).status).toBe(403);
    expect((await (await app.as('admin')).put('/api/models').send(entry)).status).toBe(201);
    expect((await (await app.as('pricing.reviewer')).get(`/api/models/${entry.modelId}/9.9`)).status).toBe(200);
    expect((await (await app.as('anna')).get('/api/models')).status).toBe(403);
    const bad = await (await app.as('admin')).put('/api/models').send({ ...entry, description: { en: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('description.nl');
    await t.dispose();
  });
});
