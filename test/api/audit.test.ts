import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildEvent } from '../../server/domain/hash-chain';
import { buildTestApp, type TestApp } from '../support/app';
import { fraudDecision, renewalDecision, riskDecision } from '../support/fixtures';
import { describeEachStore, type TestStore } from '../support/stores';

describeEachStore('audit chain verification', (kind) => {
  let t: TestStore;
  let app: TestApp;
  let ids: string[];
  beforeEach(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store, { auditSigningKey: 'test-signing-key-0123456789' });
    const res = await app
      .ingest()
      .post('/api/decisions/batch')
      .send({ decisions: [renewalDecision(), fraudDecision(), riskDecision(), renewalDecision()] });
    ids = res.body.ids;
    // Give one chain a few events so truncation is testable.
    let head = { seq: 0, hash: (await app.store.decisions.get(ids[0]!))!.hash };
    for (let i = 0; i < 2; i++) {
      const event = buildEvent(head, {
        decisionId: ids[0]!,
        action: 'comment',
        at: app.clock.now().toISOString(),
        actor: { id: 'u', role: 'reviewer' },
        caseId: null,
        data: { i },
        personal: { text: `note ${i}` },
      });
      await app.store.events.append(event);
      head = event;
    }
  });
  afterEach(async () => t.dispose());

  const verify = async () => (await (await app.as('governance')).get('/api/audit/verify')).body;
  const anchorLater = async () => {
    app.clock.advance(10_000);
    const res = await (await app.as('governance')).post('/api/audit/anchors');
    expect(res.status).toBe(201);
    return res.body;
  };

  it('verifies intact chains', async () => {
    expect(await verify()).toEqual({ ok: true, chains: 4, events: 6, anchors: 0 });
    const anchor = await anchorLater();
    expect(anchor).toMatchObject({ seq: 1, chains: 4, events: 6, signature: expect.any(String) });
    expect(await verify()).toEqual({ ok: true, chains: 4, events: 6, anchors: 1 });
  });

  it('names a decision whose stored output was altered', async () => {
    await t.raw.updateDecision(ids[2]!, (doc) => void (doc.output.score = 0.1));
    expect(await verify()).toMatchObject({ ok: false, brokenAt: { decisionId: ids[2], seq: 0, reason: 'altered' } });
  });

  it('names a decision whose personal data was altered', async () => {
    await t.raw.updateDecision(ids[1]!, (doc) => void (doc.inputs.claim_amount_cents = 1));
    expect(await verify()).toMatchObject({ ok: false, brokenAt: { decisionId: ids[1], reason: 'altered' } });
  });

  it('names an altered event and a missing one', async () => {
    await t.raw.updateEvent(ids[0]!, 1, (doc) => void (doc.data.i = 99));
    expect(await verify()).toMatchObject({ ok: false, brokenAt: { decisionId: ids[0], seq: 1, reason: 'altered' } });
    await t.raw.updateEvent(ids[0]!, 1, (doc) => void (doc.data.i = 0));
    await t.raw.deleteEvent(ids[0]!, 1);
    expect(await verify()).toMatchObject({ ok: false, brokenAt: { decisionId: ids[0], seq: 1, reason: 'missing_event' } });
  });

  it('detects a decision deleted after an anchor', async () => {
    await anchorLater();
    await t.raw.deleteDecision(ids[3]!);
    expect(await verify()).toMatchObject({ ok: false, brokenAt: { reason: 'missing_chain', anchorSeq: 1 } });
  });

  it('names a deleted decision whose events remain', async () => {
    await t.raw.deleteDecision(ids[0]!);
    expect(await verify()).toMatchObject({ ok: false, brokenAt: { decisionId: ids[0], reason: 'missing_chain' } });
  });

  it('detects a chain truncated after an anchor', async () => {
    await anchorLater();
    await t.raw.deleteEvent(ids[0]!, 2);
    expect(await verify()).toMatchObject({ ok: false, brokenAt: { reason: 'missing_chain', anchorSeq: 1 } });
  });

  it('is for governance and admin only', async () => {
    expect((await (await app.as('senior.reviewer')).get('/api/audit/verify')).status).toBe(403);
    expect((await (await app.as('anna')).get('/api/audit/verify')).status).toBe(403);
    expect((await (await app.as('admin')).get('/api/audit/verify')).status).toBe(200);
  });
});
