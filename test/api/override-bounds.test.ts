/**
 * Overrides stay inside a plausible range per decision type (the overrides policy), and their
 * rationale is words: a reviewer's slip cannot set a premium of €9,007,199,254,740.99.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { renewalDecision, riskDecision } from '../support/fixtures';
import { openTestSqlite, type TestStore } from '../support/stores';

describe('override bounds', () => {
  let t: TestStore;
  let app: TestApp;
  beforeAll(async () => {
    t = await openTestSqlite();
    app = await buildTestApp(t.store, { overrideMaxRiskScoreChange: 0.25 });
  });
  afterAll(async () => t.dispose());

  const rationale = 'The claims counted belong to a different policy of this member.';

  /** A renewal (previous premium €1,200.00, new €1,290.00) contested by anna and claimed by the pricing reviewer. */
  async function claimedCase(decision = renewalDecision()) {
    const decisionId = (await app.ingest().post('/api/decisions').send(decision)).body.id as string;
    const member = await app.as(decision.type === 'risk_score' ? 'bram' : 'anna');
    const caseId = (await member.post(`/api/decisions/${decisionId}/objections`).send({ statement: 'Please look at this again.' })).body.case.id as string;
    const pricing = await app.as('pricing.reviewer');
    const claimed = await pricing.post(`/api/cases/${caseId}/claim`).send({ expectedVersion: 1 });
    return { decisionId, caseId, pricing, claimed };
  }

  it('refuses a new premium outside ±50 % of the previous premium with 400, naming the range in money', async () => {
    const { caseId, pricing, decisionId } = await claimedCase();
    const eventsBefore = (await app.store.events.list(decisionId)).length;
    for (const newPremiumCents of [900_719_925_474_099, 180_001, 59_999]) {
      const res = await pricing
        .post(`/api/cases/${caseId}/resolve`)
        .send({ outcome: 'override', rationale, override: { newPremiumCents }, expectedVersion: 2 });
      expect(res.status, String(newPremiumCents)).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        code: 'override_out_of_range',
        errors: [{ path: 'override.newPremiumCents', message: 'must be between €600.00 and €1,800.00' }],
        allowedRange: { field: 'newPremiumCents', min: 60_000, max: 180_000, currency: 'EUR' },
      });
      expect(res.body.detail).toContain('within 50 % of the previous premium');
    }
    expect((await app.store.events.list(decisionId)).length).toBe(eventsBefore);
    // The bounds themselves are inside.
    const atEdge = await pricing
      .post(`/api/cases/${caseId}/resolve`)
      .send({ outcome: 'override', rationale, override: { newPremiumCents: 60_000 }, expectedVersion: 2 });
    expect(atEdge.status).toBe(200);
    expect(atEdge.body.case.status).toBe('pending_approval');
  });

  it('shows staff the range before they propose, and members nothing of it', async () => {
    const { caseId, claimed } = await claimedCase();
    expect(claimed.body.overrideRange).toEqual({ field: 'newPremiumCents', min: 60_000, max: 180_000, currency: 'EUR' });
    const seen = await (await app.as('anna')).get(`/api/cases/${caseId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.overrideRange).toBeUndefined();
  });

  it("bounds a risk score around the model's score as configured, within 0..1", async () => {
    const { caseId, pricing, claimed } = await claimedCase(riskDecision()); // score 0.61
    expect(claimed.body.overrideRange).toEqual({ field: 'score', min: 0.36, max: 0.86 });
    const far = await pricing
      .post(`/api/cases/${caseId}/resolve`)
      .send({ outcome: 'override', rationale, override: { score: 0.1, band: 'low' }, expectedVersion: 2 });
    expect(far.status).toBe(400);
    expect(far.body).toMatchObject({ code: 'override_out_of_range', errors: [{ path: 'override.score', message: 'must be between 0.36 and 0.86' }] });
    const near = await pricing
      .post(`/api/cases/${caseId}/resolve`)
      .send({ outcome: 'override', rationale, override: { score: 0.4, band: 'medium' }, expectedVersion: 2 });
    expect(near.status).toBe(200);
  });

  it('refuses a rationale that is not words', async () => {
    const { caseId, pricing } = await claimedCase();
    for (const text of ['xxxxxxxx', 'xxxxxxxxxxxxxxxxxxxxxxxx', 'asdf asdf asdf asdf asdf', '1234567890 1234567890']) {
      const res = await pricing.post(`/api/cases/${caseId}/resolve`).send({ outcome: 'confirm', rationale: text, expectedVersion: 2 });
      expect(res.status, text).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors[0].path).toBe('rationale');
    }
    const ok = await pricing
      .post(`/api/cases/${caseId}/resolve`)
      .send({ outcome: 'confirm', rationale: 'Checked the claims register: it stands.', expectedVersion: 2 });
    expect(ok.status).toBe(200);
  });

  it('shows governance the bounds in the policies', async () => {
    const res = await (await app.as('governance')).get('/api/policies');
    expect(res.status).toBe(200);
    expect(res.body.overrides).toEqual({ maxPremiumChange: 0.5, maxRiskScoreChange: 0.25 });
  });
});
