import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { runDelivery } from '../../server/delivery/engine';
import { webhookChannel } from '../../server/webhooks/webhook-channel';
import { buildTestApp, type TestApp } from '../support/app';
import { caseSteps, longSessions } from '../support/case-steps';
import { fraudDecision, renewalDecision } from '../support/fixtures';
import { describeEachStore, type TestStore } from '../support/stores';
import { startReceiver } from '../support/webhook-receiver';

const ALL_EVENTS = [
  'decision.outcome_changed',
  'case.opened',
  'case.extended',
  'case.resolved',
  'case.withdrawn',
  'member.erased',
  'decision.redecision_requested',
  'decision.restricted',
  'decision.restriction_lifted',
  'member.consent_withdrawn',
  'monitor.alert',
];

describeEachStore('webhooks to the insurer’s systems', (kind) => {
  let t: TestStore;
  let app: TestApp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store, { ...longSessions, webhookAllowedHosts: ['127.0.0.1'] });
  });
  afterAll(async () => t.dispose());
  beforeEach(async () => {
    receiver = await startReceiver();
    // The verifier checks webhook-timestamp against Date.now(): let it read the app's clock.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(app.clock.now());
  });
  afterEach(async () => {
    vi.useRealTimers();
    await receiver.close();
    for (const s of await app.store.webhooks.list()) await app.store.webhooks.put({ ...s, enabled: false });
  });

  /** One pass of the outbox job, as the server runs it under its lease. */
  const deliver = () =>
    runDelivery({
      store: app.store,
      clock: app.clock,
      channels: [webhookChannel({ store: app.store, clock: app.clock, allowedHosts: ['127.0.0.1'] })],
      retryBaseMs: 1000,
      timeoutMs: 5000,
    });
  const later = (ms: number) => {
    app.clock.advance(ms);
    vi.setSystemTime(app.clock.now());
  };
  const subscribe = async (events = ALL_EVENTS) => {
    const res = await (await app.as('admin')).post('/api/admin/webhooks').send({ url: receiver.url, events, description: 'billing' });
    expect(res.status).toBe(201);
    receiver.trust(res.body.secret);
    return res.body as { id: string; secret: string };
  };

  it('tells the story objection → extension → override proposed → approved, signed and in order, with the decision’s sequence', async () => {
    const sub = await subscribe();
    expect(sub.secret).toMatch(/^whsec_/);
    const steps = caseSteps(app);
    const decisionId = (await app.ingest().post('/api/decisions').send(renewalDecision())).body.id as string;
    let c = await steps.object('anna', decisionId);
    const extended = await (
      await app.as('pricing.reviewer')
    )
      .post(`/api/cases/${c.id}/extend`)
      .send({ months: 1, reason: 'We need the claims history from the other insurer.', expectedVersion: c.version });
    expect(extended.status).toBe(200);
    c = await steps.claim('pricing.reviewer', extended.body.case);
    const proposed = await steps.override('pricing.reviewer', c, { newPremiumCents: 120_000 });
    expect(proposed.status).toBe('pending_approval');
    await steps.approve('senior.reviewer', proposed);
    await deliver();
    const mine = receiver.received.filter((r) => r.body.data.decisionId === decisionId);
    expect(mine.map((r) => r.body.type)).toEqual(['case.opened', 'case.extended', 'case.resolved', 'decision.outcome_changed']);
    for (const r of mine) expect(r.verifiedWith).toEqual([sub.secret]);
    const sequences = mine.map((r) => r.body.data.sequence as number);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(mine.map((r) => r.id)).size).toBe(4);
    expect(mine[1]!.body.data).toMatchObject({ caseId: c.id, months: 1, memberId: 'M-1001' });
    expect(mine[3]!.body.data).toMatchObject({ original: { newPremiumCents: expect.any(Number) }, effective: { newPremiumCents: 120_000 } });
    // Minimisation: what billing acts on, never the model's inputs or reasons.
    expect(JSON.stringify(mine)).not.toMatch(/features|reasons|threshold|statement/);
  });

  it('retries a receiver that answers 500 three times, then delivers with the same webhook-id, all logged', async () => {
    const sub = await subscribe(['case.opened']);
    receiver.answer(500, 500, 500);
    const decisionId = (await app.ingest().post('/api/decisions').send(renewalDecision())).body.id as string;
    await caseSteps(app).object('anna', decisionId);
    await deliver();
    for (let i = 0; i < 3; i++) {
      later(60 * 60_000);
      await deliver();
    }
    expect(receiver.attempts).toHaveLength(4);
    expect(new Set(receiver.attempts).size).toBe(1);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.id).toBe(receiver.attempts[0]);
    const log = (await (await app.as('admin')).get(`/api/admin/webhooks/${sub.id}/deliveries`)).body.items[0];
    expect(log).toMatchObject({ status: 'delivered', attempts: 4, messageId: receiver.attempts[0] });
    expect(log.log.map((a: { status: number }) => a.status)).toEqual([500, 500, 500, 200]);
    expect(log.log[0].nextAttemptAt).not.toBeNull();
  });

  it('disables a subscription whose receiver answers 410, and dead-letters what it was sending; a replay sends it again', async () => {
    const sub = await subscribe(['case.opened']);
    receiver.answer(410);
    const decisionId = (await app.ingest().post('/api/decisions').send(renewalDecision())).body.id as string;
    await caseSteps(app).object('anna', decisionId);
    await deliver();
    const admin = await app.as('admin');
    const listed = (await admin.get('/api/admin/webhooks')).body.items.find((s: { id: string }) => s.id === sub.id);
    expect(listed).toMatchObject({ enabled: false, disabledReason: expect.stringContaining('410') });
    const dead = (await admin.get(`/api/admin/webhooks/${sub.id}/deliveries?status=dead`)).body.items;
    expect(dead).toHaveLength(1);
    // Governance sees it in the delivery figures: one more dead letter, the success rate below 1.
    const gov = await app.as('governance');
    const before = (await gov.get('/api/metrics/deliveries')).body;
    expect(before.dead).toBeGreaterThanOrEqual(1);
    expect(before.successRate).toBe(before.delivered / (before.delivered + before.dead));
    expect((await admin.get('/api/metrics/deliveries')).status).toBe(403);
    expect((await admin.patch(`/api/admin/webhooks/${sub.id}`).send({ enabled: true })).status).toBe(200);
    const replayed = await admin.post(`/api/admin/webhooks/${sub.id}/dead-letters/replay`);
    expect(replayed.body).toEqual({ replayed: 1 });
    await deliver();
    expect(receiver.received.map((r) => r.body.type)).toEqual(['case.opened']);
    const after = (await gov.get('/api/metrics/deliveries')).body;
    expect([after.delivered, after.dead]).toEqual([before.delivered + 1, before.dead - 1]);
  });

  it('tells listening systems of an erasure with member.erased, which names the member and nothing else, then forgets it', async () => {
    const sub = await subscribe(['member.erased']);
    const memberId = 'M-7001';
    await app
      .ingest()
      .post('/api/decisions')
      .send(renewalDecision({ idempotencyKey: 'erase-me', subject: { memberId } }));
    expect((await (await app.as('admin')).post('/api/admin/erasure').send({ memberId })).status).toBe(200);
    await deliver();
    expect(receiver.received.map((r) => r.body)).toEqual([{ type: 'member.erased', timestamp: app.clock.now().toISOString(), data: { memberId } }]);
    expect(receiver.received[0]!.verifiedWith).toHaveLength(1);
    // Told, the store forgets whom it told: neither the delivery nor its outbox entry names the member.
    const [told] = await app.store.deliveries.forDestination('webhook', sub.id, 'delivered', 10);
    expect(told).toMatchObject({ type: 'member.erased', data: { memberId: null } });
    expect(JSON.stringify(await t.store.deliveries.forDestination('webhook', sub.id, null, 100))).not.toContain(memberId);
  });

  it('tells listening systems of a consent withdrawal with member.consent_withdrawn: the member and the types, nothing more', async () => {
    await subscribe(['member.consent_withdrawn']);
    expect((await (await app.as('anna')).post('/api/me/consent-withdrawals').send({ types: ['risk_score'] })).status).toBe(201);
    await deliver();
    expect(receiver.received.map((r) => r.body)).toEqual([
      {
        type: 'member.consent_withdrawn',
        timestamp: app.clock.now().toISOString(),
        data: { memberId: 'M-1001', types: ['risk_score'], withdrawnAt: app.clock.now().toISOString() },
      },
    ]);
    expect(receiver.received[0]!.verifiedWith).toHaveLength(1);
  });

  it('announces a sample case too, with origin sample, written with the decision it samples', async () => {
    const sub = await subscribe(['case.opened']);
    // Within 0.05 of its threshold: the sampling policy opens a case at ingest.
    const nearThreshold = fraudDecision({
      subject: { memberId: 'M-1002', claimId: 'C-77' },
      output: { claimId: 'C-77', score: 0.72, threshold: 0.7, flagged: true, action: 'hold_payment' },
    });
    const decisionId = (await app.ingest().post('/api/decisions').send(nearThreshold)).body.id as string;
    const [sampled] = await app.store.cases.listForDecision(decisionId);
    expect(sampled?.origin).toBe('sample');
    await deliver();
    const mine = receiver.received.filter((r) => r.body.data.decisionId === decisionId);
    expect(mine.map((r) => r.body)).toEqual([
      {
        type: 'case.opened',
        timestamp: expect.any(String),
        data: expect.objectContaining({ caseId: sampled!.id, origin: 'sample', sequence: 1, dueAt: sampled!.dueAt }),
      },
    ]);
    expect(mine[0]!.verifiedWith).toEqual([sub.secret]);
    expect(JSON.stringify(mine)).not.toMatch(/0\.72|threshold|score/);
  });

  it('tells a new subscription only of what happened after it was made', async () => {
    const before = (await app.ingest().post('/api/decisions').send(renewalDecision())).body.id as string;
    await caseSteps(app).object('anna', before);
    later(1000);
    await subscribe(['case.opened']);
    const after = (await app.ingest().post('/api/decisions').send(renewalDecision())).body.id as string;
    await caseSteps(app).object('anna', after);
    await deliver();
    expect(receiver.received.map((r) => r.body.data.decisionId)).toEqual([after]);
  });

  it('does not follow a redirect: the attempt fails and is retried at the same URL', async () => {
    const sub = await subscribe(['case.opened']);
    receiver.answer(307);
    const decisionId = (await app.ingest().post('/api/decisions').send(renewalDecision())).body.id as string;
    await caseSteps(app).object('anna', decisionId);
    await deliver();
    const [d] = (await (await app.as('admin')).get(`/api/admin/webhooks/${sub.id}/deliveries`)).body.items;
    expect(d).toMatchObject({ status: 'pending', lastStatus: 307, lastError: expect.stringContaining('redirects are not followed') });
    later(60 * 60_000);
    await deliver();
    expect(receiver.attempts).toHaveLength(2);
    expect(receiver.received).toHaveLength(1);
  });

  it('refuses destinations that are not https or reach loopback, private, link-local or metadata addresses, and changes nothing', async () => {
    // This app lists no host: every rule applies.
    const strict = await buildTestApp(t.store, { ...longSessions, webhookAllowedHosts: [] });
    const admin = await strict.as('admin');
    const before = (await admin.get('/api/admin/webhooks')).body.items.length;
    for (const url of [
      'http://billing.example/hook',
      'https://127.0.0.1/hook',
      `https://${new URL(receiver.url).host}/hook`,
      'https://localhost/hook',
      'https://[::1]/hook',
      'https://10.1.2.3/hook',
      'https://192.168.1.1/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::ffff:127.0.0.1]/hook',
      'https://user:pw@203.0.113.10/hook',
    ]) {
      const res = await admin.post('/api/admin/webhooks').send({ url, events: ['case.opened'] });
      expect(res.status, url).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code, url).toBe('unsafe_destination');
    }
    expect((await admin.get('/api/admin/webhooks')).body.items).toHaveLength(before);
  });

  it('checks the destination again at delivery time', async () => {
    const sub = await subscribe(['case.opened']);
    // As if the host now resolved elsewhere: the stored URL is no longer allowed.
    const stored = (await app.store.webhooks.get(sub.id))!;
    await app.store.webhooks.put({ ...stored, url: receiver.url.replace('http://127.0.0.1', 'https://localhost') });
    const decisionId = (await app.ingest().post('/api/decisions').send(renewalDecision())).body.id as string;
    await caseSteps(app).object('anna', decisionId);
    await deliver();
    expect(receiver.attempts).toEqual([]);
    const [d] = (await (await app.as('admin')).get(`/api/admin/webhooks/${sub.id}/deliveries`)).body.items;
    expect(d).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('loopback') });
  });

  it('answers bad bodies with 400 problem+json and changes nothing', async () => {
    const admin = await app.as('admin');
    const sub = await subscribe(['case.opened']);
    const before = JSON.stringify((await admin.get('/api/admin/webhooks')).body);
    for (const body of [
      {},
      { url: receiver.url, events: [] },
      { url: receiver.url, events: ['case.eaten'] },
      { url: receiver.url, events: ['case.opened'], secret: 'whsec_mine' },
      { url: 42, events: ['case.opened'] },
    ]) {
      const res = await admin.post('/api/admin/webhooks').send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    for (const body of [{ enabled: 'yes' }, { events: ['nope'] }, { rotateSecret: false }, { url: 'https://203.0.113.10/' }]) {
      const res = await admin.patch(`/api/admin/webhooks/${sub.id}`).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(JSON.stringify((await admin.get('/api/admin/webhooks')).body)).toBe(before);
  });

  it('never answers a secret after creation, and after a rotation signs with old and new for 24 hours', async () => {
    const admin = await app.as('admin');
    const sub = await subscribe(['case.opened']);
    expect(JSON.stringify((await admin.get('/api/admin/webhooks')).body)).not.toContain('whsec_');
    const rotated = await admin.patch(`/api/admin/webhooks/${sub.id}`).send({ rotateSecret: true });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(sub.secret);
    receiver.trust(rotated.body.secret);
    expect((await admin.post(`/api/admin/webhooks/${sub.id}/test`)).status).toBe(202);
    await deliver();
    expect(receiver.received.at(-1)!.body.type).toBe('webhook.test');
    expect(receiver.received.at(-1)!.signatures).toHaveLength(2);
    expect(receiver.received.at(-1)!.verifiedWith.sort()).toEqual([sub.secret, rotated.body.secret].sort());
    later(25 * 3_600_000);
    await admin.post(`/api/admin/webhooks/${sub.id}/test`);
    await deliver();
    expect(receiver.received.at(-1)!.verifiedWith).toEqual([rotated.body.secret]);
    expect(JSON.stringify((await admin.get(`/api/admin/webhooks/${sub.id}/deliveries`)).body)).not.toContain('whsec_');
  });
  it('lists the event catalogue in the OpenAPI document’s webhooks section', async () => {
    const doc = (await app.anonymous().get('/api/openapi.json')).body;
    expect(Object.keys(doc.webhooks).sort()).toEqual([...ALL_EVENTS].sort());
    expect(doc.webhooks['decision.outcome_changed'].post.requestBody.content['application/json'].schema.properties.data.required).toEqual(
      expect.arrayContaining(['decisionId', 'sequence', 'original', 'effective']),
    );
    expect(doc.webhooks['decision.restriction_lifted'].post.requestBody.content['application/json'].schema.properties.data.required).toEqual(
      expect.arrayContaining(['decisionId', 'sequence', 'caseId', 'liftedAt', 'effective']),
    );
    // A monitor's alert is about a model: no decision, no member.
    const alert = doc.webhooks['monitor.alert'].post.requestBody.content['application/json'].schema.properties.data;
    expect(alert.required).toEqual(expect.arrayContaining(['alertId', 'monitorId', 'modelId', 'metric', 'value', 'threshold', 'crossing']));
    expect(Object.keys(alert.properties)).not.toContain('memberId');
  });
});
