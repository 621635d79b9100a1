/**
 * Members never see sample cases (proactive oversight, AI Act Art. 14), so a sample review that
 * confirms tells no one, and one that changes the outcome tells the member of the new outcome.
 * Also: staff read a fraud override's proposed outcome with its claim id.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OutboxMessage } from '../../server/storage/store';
import { buildTestApp, type TestApp } from '../support/app';
import { fraudDecision, renewalDecision } from '../support/fixtures';
import { describeEachStore, type TestStore } from '../support/stores';

const rationale = 'Checked against the claims register and the policy file.';

describeEachStore('sample reviews and the member', (kind) => {
  let t: TestStore;
  let app: TestApp;
  beforeAll(async () => {
    t = await kind.open();
    // Every decision is sampled: each ingest below opens a sample case.
    app = await buildTestApp(t.store, { sampleRate: 1 });
  });
  afterAll(async () => t.dispose());

  // What the member hears: entries that carry only webhook events for the insurer's systems say nothing to them.
  const messagesFor = async (caseId: string): Promise<OutboxMessage['kind'][]> =>
    (await app.store.outbox.pending(10_000)).filter((m) => m.caseId === caseId && m.kind).map((m) => m.kind);

  async function claimedSample(decision = renewalDecision()) {
    const decisionId = (await app.ingest().post('/api/decisions').send(decision)).body.id as string;
    const [sample] = await app.store.cases.listForDecision(decisionId);
    expect(sample).toMatchObject({ origin: 'sample', status: 'open' });
    const reviewer = await app.as(decision.type === 'fraud_flag' ? 'fraud.reviewer' : 'pricing.reviewer');
    expect((await reviewer.post(`/api/cases/${sample!.id}/claim`).send({ expectedVersion: 1 })).status).toBe(200);
    return { decisionId, caseId: sample!.id, reviewer };
  }

  it('tells no one when a sample review confirms the decision, nor of its deadline', async () => {
    const { caseId, reviewer } = await claimedSample();
    expect((await reviewer.post(`/api/cases/${caseId}/extend`).send({ months: 1, reason: 'Waiting for the claims file.', expectedVersion: 2 })).status).toBe(
      200,
    );
    const confirmed = await reviewer.post(`/api/cases/${caseId}/resolve`).send({ outcome: 'confirm', rationale, expectedVersion: 3 });
    expect(confirmed.body.case).toMatchObject({ status: 'resolved', resolution: 'confirmed', origin: 'sample' });
    expect(await messagesFor(caseId)).toEqual([]);
  });

  it('tells the member when a sample review changes the outcome, after four-eyes approval', async () => {
    const { decisionId, caseId, reviewer } = await claimedSample();
    await reviewer.post(`/api/cases/${caseId}/resolve`).send({ outcome: 'override', rationale, override: { newPremiumCents: 120_000 }, expectedVersion: 2 });
    expect(await messagesFor(caseId)).toEqual([]);
    const approved = await (
      await app.as('senior.reviewer')
    )
      .post(`/api/cases/${caseId}/approve`)
      .send({ approve: true, rationale: 'Verified against the register.', expectedVersion: 3 });
    expect(approved.body.case).toMatchObject({ status: 'resolved', resolution: 'overridden' });
    // The member's message; the sample's own entry (case.opened, for the insurer's systems) has no kind.
    const messages = (await app.store.outbox.pending(10_000)).filter((m) => m.caseId === caseId && m.kind);
    expect(messages).toEqual([expect.objectContaining({ kind: 'outcome_changed', memberId: 'M-1001' })]);
    // The member sees the new outcome on the decision, not the sample case.
    const anna = await app.as('anna');
    expect((await anna.get(`/api/decisions/${decisionId}`)).body).toMatchObject({ overridden: true, effectiveOutcome: { newPremiumCents: 120_000 } });
    expect((await anna.get(`/api/cases/${caseId}`)).status).toBe(404);
  });

  it('tells the member when a sample review changes the outcome without a second person', async () => {
    const lenient = await buildTestApp(t.store, { sampleRate: 1, fourEyesTypes: [] });
    const decisionId = (await lenient.ingest().post('/api/decisions').send(renewalDecision())).body.id as string;
    const [sample] = await lenient.store.cases.listForDecision(decisionId);
    const reviewer = await lenient.as('pricing.reviewer');
    await reviewer.post(`/api/cases/${sample!.id}/claim`).send({ expectedVersion: 1 });
    const overridden = await reviewer
      .post(`/api/cases/${sample!.id}/resolve`)
      .send({ outcome: 'override', rationale, override: { newPremiumCents: 125_000 }, expectedVersion: 2 });
    expect(overridden.body.case).toMatchObject({ status: 'resolved', resolution: 'overridden' });
    expect(await messagesFor(sample!.id)).toEqual(['outcome_changed']);
  });

  it('still tells the member every step of their own objection', async () => {
    const decisionId = (await app.ingest().post('/api/decisions').send(renewalDecision())).body.id as string;
    // The objection takes the open sample case in: from then on it is the member's case.
    const caseId = (await (await app.as('anna')).post(`/api/decisions/${decisionId}/objections`).send({ statement: 'Please look again.' })).body.case
      .id as string;
    const pricing = await app.as('pricing.reviewer');
    await pricing.post(`/api/cases/${caseId}/claim`).send({ expectedVersion: 2 });
    await pricing.post(`/api/cases/${caseId}/extend`).send({ months: 1, reason: 'Waiting for the claims file.', expectedVersion: 3 });
    await pricing.post(`/api/cases/${caseId}/resolve`).send({ outcome: 'confirm', rationale, expectedVersion: 4 });
    expect(await messagesFor(caseId)).toEqual(['received', 'extended', 'resolved']);
  });

  it("shows staff the claim id in a fraud override's proposed outcome, while the chain keeps it out", async () => {
    const decision = fraudDecision({
      subject: { memberId: 'M-1001', claimId: 'C-4711' },
      output: { claimId: 'C-4711', score: 0.82, threshold: 0.7, flagged: true, action: 'hold_payment' },
    });
    const { decisionId, caseId, reviewer } = await claimedSample(decision);
    const proposed = await reviewer
      .post(`/api/cases/${caseId}/resolve`)
      .send({ outcome: 'override', rationale, override: { flagged: false, action: 'none' }, expectedVersion: 2 });
    expect(proposed.status).toBe(200);
    const entry = proposed.body.timeline.find((e: { action: string }) => e.action === 'resolution_proposed');
    expect(entry.data.after).toMatchObject({ claimId: 'C-4711', flagged: false, action: 'none' });
    expect(entry.data.before).toMatchObject({ claimId: 'C-4711', flagged: true });
    const read = await (await app.as('governance')).get(`/api/cases/${caseId}`);
    expect(read.body.timeline.find((e: { action: string }) => e.action === 'resolution_proposed').data.after.claimId).toBe('C-4711');
    // The claim id is an identifier erasure must remove: the chain event itself does not hold it.
    const event = (await app.store.events.list(decisionId)).find((e) => e.action === 'resolution_proposed')!;
    expect(JSON.stringify(event.data)).not.toContain('C-4711');
  });
});
