import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { buildTestApp, type TestApp } from '../support/app';
import { renewalDecision } from '../support/fixtures';
import { openTestSqlite, type TestStore } from '../support/stores';

/**
 * Found by Schemathesis (npm run fuzz:api): where the document was looser than the server, a
 * request the document allows was refused. The shared schemas now state these rules, so the
 * document says them too, and the server still answers as before.
 */
describe('the OpenAPI document states the rules the server applies', () => {
  let t: TestStore;
  let app: TestApp;
  let doc: request.Response['body'];
  beforeAll(async () => {
    t = await openTestSqlite();
    app = await buildTestApp(t.store, { sampleRate: 0 });
    doc = (await request(app.app).get('/api/openapi.json')).body;
  });
  afterAll(async () => t.dispose());

  const jsonBody = (path: string, method = 'post') => doc.paths[path][method].requestBody.content['application/json'].schema;

  it('a metrics day is a calendar date (format: date), and the server refuses a day no calendar has', async () => {
    for (const path of ['overview', 'models', 'fairness', 'overrides', 'findings', 'coverage']) {
      const params = doc.paths[`/api/metrics/${path}`].get.parameters as { name: string; schema: { format?: string } }[];
      for (const name of ['from', 'to']) expect(params.find((p) => p.name === name)?.schema.format, `${path} ${name}`).toBe('date');
    }
    const gov = await app.as('governance');
    expect((await gov.get('/api/metrics/overview?from=2024-02-29')).status).toBe(200);
    const bad = await gov.get('/api/metrics/overview?from=2023-02-29&to=0000-00-00');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['from', 'to']);
  });

  it('a batch item is a decision, not anything, and the server names each invalid one', async () => {
    const items = jsonBody('/api/decisions/batch').properties.decisions.items;
    expect(items.oneOf.map((variant: { properties: { type: { const: string } } }) => variant.properties.type.const)).toEqual([
      'renewal_price',
      'fraud_flag',
      'risk_score',
    ]);
    const res = await app
      .ingest()
      .post('/api/decisions/batch')
      .send({ decisions: [renewalDecision({ idempotencyKey: 'exact-1' }), []] });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['decisions[1]']);
  });

  it('an override needs its new outcome: required in the document when overriding, refused without it', async () => {
    const variants = jsonBody('/api/cases/{id}/resolve').oneOf as { properties: { outcome: { const: string } }; required: string[] }[];
    const byOutcome = Object.fromEntries(variants.map((v) => [v.properties.outcome.const, v.required]));
    expect(byOutcome.override).toContain('override');
    expect(byOutcome.confirm).not.toContain('override');

    const decision = await app
      .ingest()
      .post('/api/decisions')
      .send(renewalDecision({ idempotencyKey: 'exact-2', subject: { memberId: 'M-1001' } }));
    const anna = await app.as('anna');
    const filed = await anna.post(`/api/decisions/${decision.body.id}/objections`).send({ statement: 'My premium went up although I made no claims.' });
    const pricing = await app.as('pricing.reviewer');
    const caseId = filed.body.case.id as string;
    await pricing.post(`/api/cases/${caseId}/claim`).send({ expectedVersion: 1 });
    const res = await pricing
      .post(`/api/cases/${caseId}/resolve`)
      .send({ outcome: 'override', rationale: 'The premium should not have gone up this year.', expectedVersion: 2 });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'override', message: 'an override needs the new outcome' }]);
  });
});
