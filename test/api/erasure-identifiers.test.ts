import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { fraudDecision } from '../support/fixtures';
import { describeEachStore, type TestStore } from '../support/stores';

describeEachStore('erasure after an overridden fraud flag', (kind) => {
  let t: TestStore;
  let app: TestApp;
  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store);
  });
  afterAll(async () => t.dispose());

  it('leaves no claim id anywhere on the chain, and the chain verifies', async () => {
    const claimId = 'C-SECRET-4711';
    const decisionId = (
      await app
        .ingest()
        .post('/api/decisions')
        .send(
          fraudDecision({ subject: { memberId: 'M-4001', claimId }, output: { claimId, score: 0.8, threshold: 0.7, flagged: true, action: 'hold_payment' } }),
        )
    ).body.id;
    const fraud = await app.as('fraud.reviewer');
    const filed = await fraud
      .post(`/api/decisions/${decisionId}/objections`)
      .send({ statement: 'Letter from the member.', channel: 'post', receivedAt: '2026-11-24T10:00:00Z' });
    const caseId = filed.body.case.id;
    await fraud.post(`/api/cases/${caseId}/claim`).send({ expectedVersion: 1 });
    await fraud.post(`/api/cases/${caseId}/resolve`).send({
      outcome: 'override',
      rationale: 'The provider is not on the current watchlist.',
      override: { flagged: false, action: 'none' },
      expectedVersion: 2,
    });
    const approved = await (
      await app.as('senior.reviewer')
    )
      .post(`/api/cases/${caseId}/approve`)
      .send({ approve: true, rationale: 'Agreed, checked the watchlist history.', expectedVersion: 3 });
    expect(approved.body.decision.effectiveOutcome).toEqual({ claimId, score: 0.8, threshold: 0.7, flagged: false, action: 'none' });

    expect((await (await app.as('admin')).post('/api/admin/erasure').send({ memberId: 'M-4001' })).status).toBe(200);
    const events = await app.store.events.list(decisionId);
    expect(JSON.stringify(events)).not.toContain(claimId);
    expect(JSON.stringify(await app.store.decisions.get(decisionId))).not.toContain(claimId);
    expect((await (await app.as('governance')).get('/api/audit/verify')).body.ok).toBe(true);
  });
});
