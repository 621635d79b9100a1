import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { fraudDecision, renewalDecision, riskDecision } from '../support/fixtures';
import { openTestSqlite, type TestStore } from '../support/stores';

describe('model distributions for reviewers', () => {
  let t: TestStore;
  let app: TestApp;
  beforeAll(async () => {
    t = await openTestSqlite();
    app = await buildTestApp(t.store);
    await app
      .ingest()
      .post('/api/decisions/batch')
      .send({ decisions: [renewalDecision(), fraudDecision(), riskDecision()] });
  });
  afterAll(async () => t.dispose());

  const types = async (username: string) => {
    const res = await (await app.as(username)).get('/api/metrics/models');
    return res.status === 200 ? res.body.items.map((i: { type: string }) => i.type).sort() : res.status;
  };

  it('shows each reviewer only the models of their scopes, governance all, members none', async () => {
    expect(await types('fraud.reviewer')).toEqual(['fraud_flag']);
    expect(await types('pricing.reviewer')).toEqual(['renewal_price', 'risk_score']);
    expect(await types('governance')).toEqual(['fraud_flag', 'renewal_price', 'risk_score']);
    expect(await types('anna')).toBe(403);
    expect((await (await app.as('pricing.reviewer')).get('/api/metrics/overview')).status).toBe(403);
  });
});
