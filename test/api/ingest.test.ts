import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionIdFor } from '../../server/decisions/ingest';
import { buildTestApp, type TestApp } from '../support/app';
import { decisionMakers, fraudDecision, renewalDecision } from '../support/fixtures';
import { describeEachStore, type TestStore } from '../support/stores';

describeEachStore('ingest', (kind) => {
  let t: TestStore;
  let app: TestApp;
  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store);
  });
  afterAll(async () => t.dispose());

  for (const [type, make] of Object.entries(decisionMakers)) {
    describe(type, () => {
      it('answers 201 for a new decision, 200 with the same id for an exact replay', async () => {
        const body = make();
        const first = await app.ingest().post('/api/decisions').send(body);
        expect(first.status).toBe(201);
        expect(first.body).toMatchObject({ type, id: expect.stringMatching(/^dec_/), hash: expect.any(String) });
        expect(first.body.effectiveOutcome).toEqual(body.output);
        const replay = await app.ingest().post('/api/decisions').send(body);
        expect(replay.status).toBe(200);
        expect(replay.body.id).toBe(first.body.id);
        expect(replay.body.recordedAt).toBe(first.body.recordedAt);
      });

      it('refuses the same key with another body with 409 idempotency_conflict and keeps the original', async () => {
        const body = make();
        const first = await app.ingest().post('/api/decisions').send(body);
        const other = { ...body, decidedAt: '2026-11-19T10:00:00.000Z' };
        const res = await app.ingest().post('/api/decisions').send(other);
        expect(res.status).toBe(409);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.code).toBe('idempotency_conflict');
        const stored = await app.store.decisions.get(first.body.id);
        expect(stored?.decidedAt).toBe(body.decidedAt);
      });
    });
  }

  it('names every invalid field with its path and stores nothing', async () => {
    const before = await app.store.decisions.count();
    const body = renewalDecision({
      output: { currency: 'euro', previousPremiumCents: -1, newPremiumCents: 10.5 },
      rationale: { reasonCodes: [], contributions: [{ feature: 'not_an_input', contribution: 1 }] },
    });
    const res = await app.ingest().post('/api/decisions').send(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['output.currency', 'output.previousPremiumCents', 'output.newPremiumCents']));
    expect(await app.store.decisions.count()).toBe(before);
  });

  it('checks the cross-field rules: contributions must be inputs, at most 200 inputs, decidedAt not ahead', async () => {
    const badFeature = await app
      .ingest()
      .post('/api/decisions')
      .send(
        renewalDecision({
          rationale: { reasonCodes: [], contributions: [{ feature: 'shoe_size', contribution: 5 }] },
        }),
      );
    expect(badFeature.body.errors).toContainEqual({ path: 'rationale.contributions[0].feature', message: expect.stringContaining('shoe_size') });
    const inputs = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`f${i}`, i]));
    const tooMany = await app
      .ingest()
      .post('/api/decisions')
      .send(renewalDecision({ inputs, rationale: { reasonCodes: [], contributions: [] } }));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0].path).toBe('inputs');
    const ahead = new Date(app.clock.now().getTime() + 6 * 60_000).toISOString();
    const future = await app
      .ingest()
      .post('/api/decisions')
      .send(renewalDecision({ decidedAt: ahead }));
    expect(future.status).toBe(400);
    expect(future.body.errors[0].path).toBe('decidedAt');
    const nearlyNow = new Date(app.clock.now().getTime() + 4 * 60_000).toISOString();
    expect(
      (
        await app
          .ingest()
          .post('/api/decisions')
          .send(renewalDecision({ decidedAt: nearlyNow }))
      ).status,
    ).toBe(201);
    const score = await app
      .ingest()
      .post('/api/decisions')
      .send(fraudDecision({ output: { claimId: 'C-1', score: 1.5, threshold: 0.7, flagged: true, action: 'hold_payment' } }));
    expect(score.body.errors[0].path).toBe('output.score');
  });

  it('records compliance findings instead of dropping the decision', async () => {
    const res = await app
      .ingest()
      .post('/api/decisions')
      .send(
        renewalDecision({
          inputs: { sex: 'F', claims_last_12m: 1 },
          rationale: { reasonCodes: [], contributions: [{ feature: 'sex', contribution: 9000 }] },
          specialCategoryData: true,
        }),
      );
    expect(res.status).toBe(201);
    expect(res.body.findings.map((f: { code: string }) => f.code).sort()).toEqual(['prohibited_input', 'special_category_without_consent']);
  });

  it('requires a valid ingest key: 401 with a Bearer challenge, whether none or a wrong one is sent', async () => {
    const none = await app.anonymous().post('/api/decisions').send(renewalDecision());
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('unauthenticated');
    expect(none.headers['www-authenticate']).toBe('Bearer realm="recourse-ingest"');
    // A wrong key is not a valid key lacking a permission (403): the caller is not authenticated.
    for (const path of ['/api/decisions', '/api/decisions/batch']) {
      const wrong = await app
        .anonymous()
        .post(path)
        .set('Authorization', 'Bearer nope')
        .send(path.endsWith('batch') ? { decisions: [renewalDecision()] } : renewalDecision());
      expect(wrong.status, path).toBe(401);
      expect(wrong.body.code, path).toBe('unauthenticated');
      expect(wrong.headers['www-authenticate'], path).toBe('Bearer realm="recourse-ingest", error="invalid_token"');
    }
    const ndjson = await app
      .anonymous()
      .post('/api/decisions/batch')
      .set('Authorization', 'Bearer nope')
      .set('Content-Type', 'application/x-ndjson')
      .send(JSON.stringify(renewalDecision()));
    expect(ndjson.status).toBe(401);
    const anna = await app.as('anna');
    expect((await anna.post('/api/decisions').send(renewalDecision())).status).toBe(401);
  });

  describe('batch', () => {
    it('accepts a JSON batch idempotently: a retry reports duplicates with the same ids', async () => {
      const decisions = [renewalDecision(), fraudDecision(), decisionMakers.risk_score()];
      const first = await app.ingest().post('/api/decisions/batch').send({ decisions });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ accepted: 3, duplicates: 0 });
      const retry = await app.ingest().post('/api/decisions/batch').send({ decisions });
      expect(retry.body).toEqual({ accepted: 0, duplicates: 3, ids: first.body.ids });
    });

    it('refuses an envelope with anything beside its decisions, storing nothing (the document says the same)', async () => {
      const gov = await app.as('governance');
      const stored = async () => (await gov.get('/api/decisions?limit=500')).body.items.length as number;
      const before = await stored();
      const res = await app
        .ingest()
        .post('/api/decisions/batch')
        .send({ decisions: [renewalDecision()], x: 42 });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect((await app.ingest().post('/api/decisions/batch').send({ decisions: 'none' })).status).toBe(400);
      expect(await stored()).toBe(before);
    });

    it('accepts NDJSON streamed line by line', async () => {
      const decisions = [renewalDecision(), fraudDecision()];
      const res = await app
        .ingest()
        .post('/api/decisions/batch')
        .set('Content-Type', 'application/x-ndjson')
        .send(decisions.map((d) => JSON.stringify(d)).join('\n') + '\n');
      expect(res.status).toBe(200);
      expect(res.body.accepted).toBe(2);
      const bad = await app
        .ingest()
        .post('/api/decisions/batch')
        .set('Content-Type', 'application/x-ndjson')
        .send(`${JSON.stringify(renewalDecision())}\n{"type": "risk_score"\n`);
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('malformed_json');
    });

    it('accepts 10,000 valid decisions in one request and refuses the same batch with one bad item at 9,999, storing nothing', async () => {
      const decisions = Array.from({ length: 10_000 }, (_, i) =>
        renewalDecision({ idempotencyKey: `${kind.name}-big-${i}`, subject: { memberId: `M-${2000 + (i % 300)}` } }),
      );
      const bad = decisions.map((d) => d);
      bad[9999] = { ...decisions[9999]!, output: { currency: 'EUR', previousPremiumCents: 100, newPremiumCents: -5 } } as never;
      const before = await app.store.decisions.count();
      const refused = await app.ingest().post('/api/decisions/batch').send({ decisions: bad });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([{ path: 'decisions[9999].output.newPremiumCents', message: expect.any(String) }]);
      expect(await app.store.decisions.count()).toBe(before);

      const accepted = await app.ingest().post('/api/decisions/batch').send({ decisions });
      expect(accepted.status).toBe(200);
      expect(accepted.body.accepted).toBe(10_000);
      expect(await app.store.decisions.count()).toBe(before + 10_000);
    }, 180_000);

    it('refuses more than 10,000 items with 413', async () => {
      const decisions = Array.from({ length: 10_001 }, () => ({}));
      const res = await app.ingest().post('/api/decisions/batch').send({ decisions });
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('batch_too_large');
    });

    it('refuses a batch reusing a key with another body, storing none of it', async () => {
      const existing = renewalDecision();
      await app.ingest().post('/api/decisions').send(existing);
      const fresh = fraudDecision();
      const res = await app
        .ingest()
        .post('/api/decisions/batch')
        .send({ decisions: [fresh, { ...existing, decidedAt: '2026-01-01T00:00:00Z' }] });
      expect(res.status).toBe(409);
      expect(res.body.errors[0].path).toBe('decisions[1].idempotencyKey');
      expect(await app.store.decisions.get(decisionIdFor(fresh.idempotencyKey))).toBeNull();
    });
  });
});
