import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney, TEXTS } from '@shared/explain';
import { FindingsReport } from '@shared/schemas/metrics';
import { Lang } from '@shared/schemas/model';
import { buildTestApp, type TestApp } from '../support/app';
import { fraudDecision, renewalDecision, riskDecision } from '../support/fixtures';
import { describeEachStore, type TestStore } from '../support/stores';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const codes = (body: { findings: { code: string }[] }) => body.findings.map((f) => f.code);

describeEachStore('ingest refuses self-contradicting outputs and marks figures that do not add up', (kind) => {
  let t: TestStore;
  let app: TestApp;
  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store);
  });
  afterAll(async () => t.dispose());

  describe('a fraud flag that contradicts itself', () => {
    it('is refused when it is not flagged above its threshold and still holds the payment, and nothing is stored', async () => {
      const before = await app.store.decisions.count();
      const res = await app
        .ingest()
        .post('/api/decisions')
        .send(fraudDecision({ output: { claimId: 'C-1', score: 0.9, threshold: 0.7, flagged: false, action: 'hold_payment' } }));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          { path: 'output.flagged', message: 'is false while the score 0.9 reaches the threshold 0.7' },
          { path: 'output.action', message: expect.stringContaining('hold_payment') },
        ]),
      );
      expect(await app.store.decisions.count()).toBe(before);
    });

    it('is refused when flagged below its threshold, naming the item of a batch', async () => {
      const decisions = [
        renewalDecision(),
        riskDecision(),
        fraudDecision(),
        fraudDecision({ output: { claimId: 'C-1', score: 0.4, threshold: 0.7, flagged: true, action: 'hold_payment' } }),
      ];
      const res = await app.ingest().post('/api/decisions/batch').send({ decisions });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ path: 'decisions[3].output.flagged', message: 'is true while the score 0.4 is below the threshold 0.7' }]);
    });

    it('accepts a flag exactly at the threshold and an unflagged claim with action "none"', async () => {
      const at = await app
        .ingest()
        .post('/api/decisions')
        .send(fraudDecision({ output: { claimId: 'C-1', score: 0.7, threshold: 0.7, flagged: true, action: 'hold_payment' } }));
      expect(at.status).toBe(201);
      const below = fraudDecision({
        output: { claimId: 'C-1', score: 0.3, threshold: 0.7, flagged: false, action: 'none' },
        rationale: { reasonCodes: [], contributions: [{ feature: 'claim_amount_cents', contribution: 0.25 }], baseline: 0.05 },
      });
      const res = await app.ingest().post('/api/decisions').send(below);
      expect(res.status).toBe(201);
      expect(res.body.findings).toEqual([]);
    });

    it('can still be cleared by a reviewer above its threshold: an override is not a model output', async () => {
      const decisionId = (await app.ingest().post('/api/decisions').send(fraudDecision())).body.id;
      const fraud = await app.as('fraud.reviewer');
      const filed = await fraud
        .post(`/api/decisions/${decisionId}/objections`)
        .send({ statement: 'Letter: the provider is my GP.', channel: 'post', receivedAt: '2026-11-24T10:00:00Z' });
      const caseId = filed.body.case.id;
      await fraud.post(`/api/cases/${caseId}/claim`).send({ expectedVersion: 1 });
      const proposed = await fraud.post(`/api/cases/${caseId}/resolve`).send({
        outcome: 'override',
        rationale: 'The provider is not on the current watchlist.',
        override: { flagged: false, action: 'none' },
        expectedVersion: 2,
      });
      expect(proposed.status).toBe(200);
      const approved = await (
        await app.as('senior.reviewer')
      )
        .post(`/api/cases/${caseId}/approve`)
        .send({ approve: true, rationale: 'Agreed, checked the watchlist history.', expectedVersion: 3 });
      expect(approved.status).toBe(200);
      expect(approved.body.decision.effectiveOutcome).toMatchObject({ score: 0.82, threshold: 0.7, flagged: false, action: 'none' });
    });
  });

  describe('contributions that do not add up to the output', () => {
    // The renewal: contributions of €9,999.99 against a change of €31.95.
    const contradicting = () =>
      renewalDecision({
        subject: { memberId: 'M-1001', policyId: 'P-5001' },
        inputs: { claims_last_12m: 3, medical_inflation_pct: 4.5 },
        output: { currency: 'EUR', previousPremiumCents: 71_000, newPremiumCents: 74_195 },
        rationale: {
          reasonCodes: [{ code: 'CLAIMS_HISTORY' }],
          contributions: [
            { feature: 'medical_inflation_pct', contribution: 3195 },
            { feature: 'claims_last_12m', contribution: 999_999 },
          ],
        },
      });

    it('are recorded (201) with the finding explanation_inconsistent, which governance counts', async () => {
      const res = await app
        .ingest()
        .post('/api/decisions')
        .send({ ...contradicting(), model: { id: 'inconsistent-model', version: '1' } });
      expect(res.status).toBe(201);
      expect(codes(res.body)).toEqual(['explanation_inconsistent']);
      expect(res.body.findings[0].message).toContain('1074194');
      const report = FindingsReport.parse((await (await app.as('governance')).get('/api/metrics/findings?modelId=inconsistent-model')).body);
      expect(report.items).toEqual([{ code: 'explanation_inconsistent', type: 'renewal_price', modelId: 'inconsistent-model', modelVersion: '1', count: 1 }]);
    });

    it.each(Lang.options)('are not shown to the member, who reads the factors in order and why the amounts are missing (%s)', async (lang) => {
      const id = (await app.ingest().post('/api/decisions').send(contradicting())).body.id;
      const res = await (await app.as('anna')).get(`/api/decisions/${id}/explanation?lang=${lang}`);
      expect(res.status).toBe(200);
      expect(res.body.figuresNotice).toBe(TEXTS[lang].figuresNotReconciled);
      expect(res.body.factors.map((f: { feature: string }) => f.feature)).toEqual(['claims_last_12m', 'medical_inflation_pct']);
      const text = plain(JSON.stringify(res.body));
      expect(text).not.toContain(plain(formatMoney(999_999, 'EUR', lang)));
      expect(text).not.toContain(plain(formatMoney(3195 + 999_999, 'EUR', lang)));
      for (const factor of res.body.factors) expect(plain(factor.text)).not.toMatch(/€|\d[.,]\d\d/);
      expect(plain(res.body.headline)).toContain(plain(formatMoney(3195, 'EUR', lang)));
    });

    it('add up with the model base value in rationale.baseline, within the tolerance', async () => {
      const tariff = renewalDecision({
        output: { currency: 'EUR', previousPremiumCents: 120_000, newPremiumCents: 129_000 },
        rationale: { reasonCodes: [], contributions: [{ feature: 'claims_last_12m', contribution: 14_050 }], baseline: 115_000 },
      });
      const res = await app.ingest().post('/api/decisions').send(tariff);
      expect(res.status).toBe(201);
      expect(res.body.findings).toEqual([]);
      const explained = await (await app.as('anna')).get(`/api/decisions/${res.body.id}/explanation?lang=en`);
      expect(explained.body.figuresNotice).toBeNull();
      expect(explained.body.details).toContain('The model starts from a base premium of €1,150.00; the amounts of the factors are measured from it.');

      const offBase = await app
        .ingest()
        .post('/api/decisions')
        .send(renewalDecision({ rationale: { reasonCodes: [], contributions: [{ feature: 'claims_last_12m', contribution: 9000 }], baseline: 100_000 } }));
      expect(codes(offBase.body)).toEqual(['explanation_inconsistent']);
    });

    it('are checked for scores: with a baseline exactly, without one the base value left over must lie on the scale', async () => {
      const withBase = (baseline: number) =>
        riskDecision({
          output: { score: 0.61, band: 'high' },
          rationale: {
            reasonCodes: [],
            contributions: [
              { feature: 'claims_last_36m', contribution: 0.3 },
              { feature: 'chronic_condition', contribution: 0.2 },
            ],
            baseline,
          },
        });
      expect(codes((await app.ingest().post('/api/decisions').send(withBase(0.11))).body)).toEqual([]);
      expect(codes((await app.ingest().post('/api/decisions').send(withBase(0.3))).body)).toEqual(['explanation_inconsistent']);
      // Without a baseline: 0.57 of contributions under a score of 0.82 leaves 0.25, a possible base; 0.9 under 0.45 does not.
      expect(codes((await app.ingest().post('/api/decisions').send(fraudDecision())).body)).toEqual([]);
      const overshoot = fraudDecision({
        output: { claimId: 'C-1', score: 0.45, threshold: 0.7, flagged: false, action: 'none' },
        rationale: {
          reasonCodes: [],
          contributions: [
            { feature: 'claim_amount_cents', contribution: 0.5 },
            { feature: 'provider_on_watchlist', contribution: 0.4 },
          ],
        },
      });
      const res = await app.ingest().post('/api/decisions').send(overshoot);
      expect(res.status).toBe(201);
      expect(codes(res.body)).toEqual(['explanation_inconsistent']);
    });
  });

  describe('decidedAt before the floor', () => {
    it('is refused for the year 160 and the last second of 1999, with the floor named; 1 January 2000 is accepted', async () => {
      for (const decidedAt of ['0160-03-01T10:00:00.000Z', '1999-12-31T23:59:59.000Z']) {
        const res = await app.ingest().post('/api/decisions').send(renewalDecision({ decidedAt }));
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([{ path: 'decidedAt', message: 'may not be before 2000-01-01T00:00:00.000Z (the configured DECIDED_AT_FLOOR)' }]);
      }
      expect(
        (
          await app
            .ingest()
            .post('/api/decisions')
            .send(renewalDecision({ decidedAt: '2000-01-01T00:00:00Z' }))
        ).status,
      ).toBe(201);
    });

    it('is refused in a batch with the item path, and nothing of the batch is stored', async () => {
      const before = await app.store.decisions.count();
      const res = await app
        .ingest()
        .post('/api/decisions/batch')
        .send({ decisions: [renewalDecision(), riskDecision({ decidedAt: '0160-01-01T00:00:00Z' })] });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ path: 'decisions[1].decidedAt', message: expect.stringContaining('2000-01-01T00:00:00.000Z') }]);
      expect(await app.store.decisions.count()).toBe(before);
    });
  });
});

describe('DECIDED_AT_FLOOR', () => {
  it('moves the floor, and governance sees it among the ingest policies', async () => {
    const { openTestSqlite } = await import('../support/stores');
    const t = await openTestSqlite();
    const app = await buildTestApp(t.store, { decidedAtFloor: '2020-01-01T00:00:00.000Z' });
    const old = await app
      .ingest()
      .post('/api/decisions')
      .send(renewalDecision({ decidedAt: '2019-06-01T00:00:00Z' }));
    expect(old.status).toBe(400);
    expect(old.body.errors[0].message).toContain('2020-01-01T00:00:00.000Z');
    expect((await (await app.as('governance')).get('/api/policies')).body.ingest.decidedAtFloor).toBe('2020-01-01T00:00:00.000Z');
    await t.dispose();
  });
});
