import pino from 'pino';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { Monitor, MonitorAlertList } from '@shared/schemas/monitors';
import { webhookPayload } from '@shared/schemas/webhook-events';
import { deliverThrough } from '../../server/jobs/outbox';
import { alertMailChannel } from '../../server/mail/alert-mail-channel';
import { webhookChannel } from '../../server/webhooks/webhook-channel';
import { buildTestApp, type TestApp } from '../support/app';
import { caseSteps, longSessions } from '../support/case-steps';
import { fraudDecision, renewalDecision } from '../support/fixtures';
import { startSmtpSink } from '../support/smtp-sink';
import { describeEachStore, type TestStore } from '../support/stores';
import { startReceiver } from '../support/webhook-receiver';

const logger = pino({ level: 'silent' });
const GOVERNANCE_ADDRESSES = ['model-risk@insurer.example', 'governance@insurer.example'];

/*
 * Monitors (issue 19, item 8): a crossing raises one alert, stored and told once through the
 * outbox (webhook monitor.alert, governance mail), through the real evaluation job (its run
 * function, on the app's movable clock), the real delivery engine, a real webhook receiver
 * (standardwebhooks verify) and a real SMTP server.
 */
describeEachStore('monitors: once per crossing', (kind) => {
  let t: TestStore;
  let app: TestApp;
  let steps: ReturnType<typeof caseSteps>;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    receiver = await startReceiver();
    t = await kind.open();
    app = await buildTestApp(t.store, { ...longSessions, webhookAllowedHosts: ['127.0.0.1'] });
    steps = caseSteps(app);
    const subscribed = await (
      await app.as('admin')
    )
      .post('/api/admin/webhooks')
      .send({ url: receiver.url, events: ['monitor.alert'], description: 'model risk' });
    expect(subscribed.status).toBe(201);
    receiver.trust(subscribed.body.secret as string);
  });
  afterAll(async () => {
    await t.dispose();
    await sink.close();
    await receiver.close();
  });

  const governance = () => app.as('governance');
  /** `n` fraud checks of an age band under a model, the first `flagged` of them flagged (unfavourable). */
  const checks = (model: string, ageBand: string, n: number, flagged: number, version = '1', decidedAt = '2026-11-20T11:00:00.000Z') =>
    Array.from({ length: n }, (_, i) => {
      const isFlagged = i < flagged;
      return fraudDecision({
        model: { id: model, version },
        decidedAt,
        inputs: { claim_amount_cents: 480_000, provider_on_watchlist: isFlagged, age_band: ageBand, region: 'Flanders' },
        output: { claimId: 'C-1', score: isFlagged ? 0.95 : 0.2, threshold: 0.7, flagged: isFlagged, action: isFlagged ? 'hold_payment' : 'none' },
      });
    });
  const ingest = async (decisions: unknown[]) => {
    for (let i = 0; i < decisions.length; i += 500) await steps.batch(decisions.slice(i, i + 500));
  };
  const alerts = async (query = '') => {
    const res = await (await governance()).get(`/api/monitors/alerts${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return MonitorAlertList.parse(res.body).items;
  };
  const createMonitor = async (body: Record<string, unknown>) => {
    const res = await (await governance()).post('/api/monitors').send({ windowDays: 30, enabled: true, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return Monitor.parse(res.body);
  };
  /** The job's run, a few minutes later each time, as the periodic job would call it. */
  const evaluate = () => {
    app.clock.advance(5 * 60_000);
    return app.services.monitors.evaluate();
  };
  const monitorEntries = async () => (await app.store.outbox.pending(1000)).filter((e) => e.id.startsWith('monitor#'));
  /** One pass of the delivery engine with the webhook and governance-mail channels, as the server runs it. */
  const deliver = async () => {
    const mail = alertMailChannel({
      config: {
        ...app.config,
        smtpUrl: sink.url,
        monitorAlertEmails: GOVERNANCE_ADDRESSES,
        monitorAlertLanguage: 'nl',
        appUrl: 'https://recourse.insurer.example',
      },
      clock: app.clock,
      logger,
    });
    // The verifier checks webhook-timestamp against Date.now(): it reads the app's clock meanwhile.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(app.clock.now());
    try {
      await deliverThrough(app.store, app.clock, [mail, webhookChannel({ store: app.store, clock: app.clock, allowedHosts: ['127.0.0.1'] })]);
    } finally {
      vi.useRealTimers();
      mail.close();
    }
  };
  const alertEvents = () => receiver.received.filter((r) => r.body.type === 'monitor.alert');

  it('refuses bad monitors with 400 problem+json naming the fields, and stores none', async () => {
    const agent = await governance();
    const bad: [Record<string, unknown>, string][] = [
      [{ modelId: 'm', metric: 'psi', threshold: 20, windowDays: 30, enabled: true }, 'threshold'],
      [{ modelId: 'm', metric: 'override_rate', threshold: 1.5, windowDays: 30, enabled: true }, 'threshold'],
      [{ modelId: 'm', metric: 'fairness_ratio', threshold: 0, windowDays: 30, enabled: true }, 'threshold'],
      [{ modelId: 'm', metric: 'psi', threshold: 0.2, windowDays: 30, enabled: true, attribute: 'age_band' }, 'attribute'],
      [{ modelId: 'm', metric: 'fairness_ratio', threshold: 0.8, windowDays: 30, enabled: true, attribute: 'postcode' }, 'attribute'],
      [{ modelId: 'm', metric: 'drift', threshold: 0.2, windowDays: 30, enabled: true }, 'metric'],
      [{ modelId: 'm', metric: 'psi', threshold: 0.2, windowDays: 0, enabled: true }, 'windowDays'],
      [{ modelId: 'bad id!', metric: 'psi', threshold: 0.2, windowDays: 30, enabled: true }, 'modelId'],
      [{ modelId: 'm', metric: 'psi', threshold: 0.2, windowDays: 30, enabled: true, extra: 1 }, ''],
    ];
    for (const [body, field] of bad) {
      const res = await agent.post('/api/monitors').send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('validation_failed');
      if (field) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    }
    expect((await agent.get('/api/monitors')).body.items).toEqual([]);
  });

  it('raises one alert and one outbox entry at a crossing, nothing more while it stays across, resolves it when the ratio comes back, and raises a second at the next crossing', async () => {
    const monitor = await createMonitor({ modelId: 'mon-fair', type: 'fraud_flag', metric: 'fairness_ratio', threshold: 0.8, attribute: 'age_band' });
    expect(monitor).toMatchObject({ comparison: 'below', basis: 'model', version: 1, lastEvaluatedAt: null });

    // Below the threshold on a large group: 18-29 favourable 120/200 = 0.6 against 30-44 at 160/200 = 0.8,
    // a ratio of 0.75, significant: statsmodels proportions_ztest([120, 160], [200, 200]) p = 1.27e-5.
    await ingest([...checks('mon-fair', '18-29', 200, 80), ...checks('mon-fair', '30-44', 200, 40)]);
    expect(await evaluate()).toMatchObject({ raised: 1, resolved: 0 });
    let list = await alerts();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      monitorId: monitor.id,
      modelId: 'mon-fair',
      type: 'fraud_flag',
      metric: 'fairness_ratio',
      comparison: 'below',
      subject: 'fraud_flag/age_band=18-29',
      attribute: 'age_band',
      group: '18-29',
      threshold: 0.8,
      n: 200,
      crossing: 1,
      resolvedAt: null,
    });
    expect(list[0]!.value).toBeCloseTo(0.75, 12);
    const entries = await monitorEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.events!.map((e) => e.type)).toEqual(['monitor.alert']);
    expect(entries[0]!).toMatchObject({ memberId: null, decisionId: null, caseId: null });

    // Staying across: the job runs again (twice at once, too) and tells no one anything new.
    expect(await evaluate()).toMatchObject({ raised: 0, resolved: 0 });
    const again = await Promise.all([evaluate(), evaluate()]);
    expect(again.map((r) => r.raised)).toEqual([0, 0]);
    expect(await alerts()).toHaveLength(1);
    expect(await monitorEntries()).toHaveLength(1);

    // Delivered once through the real engine: a verified webhook and one mail to both addresses.
    await deliver();
    expect(alertEvents()).toHaveLength(1);
    const event = alertEvents()[0]!;
    expect(event.verifiedWith).toHaveLength(1);
    const payload = webhookPayload('monitor.alert').parse(event.body);
    expect(payload.data).toMatchObject({ alertId: list[0]!.id, monitorId: monitor.id, metric: 'fairness_ratio', group: '18-29', crossing: 1 });
    expect(JSON.stringify(payload)).not.toMatch(/M-10\d\d|dec_/);
    const mails = sink.received.filter((m) => m.parsed.subject?.startsWith('Monitorwaarschuwing'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.envelopeTo.sort()).toEqual([...GOVERNANCE_ADDRESSES].sort());
    expect(mails[0]!.parsed.subject).toBe('Monitorwaarschuwing: fairnessratio van model mon-fair');
    expect(mails[0]!.parsed.text).toContain(
      'De fairnessratio van de groep age_band = 18-29 van model mon-fair (fraudecontroles) is 0,75: onder de drempel van 0,8',
    );
    expect(mails[0]!.parsed.text).toContain('https://recourse.insurer.example/governance');
    expect(mails[0]!.parsed.messageId).toMatch(/^<monitor-alert\.[0-9a-f]{32}@recourse\.localhost>$/);
    await deliver();
    expect(alertEvents()).toHaveLength(1);

    // Back above: 200 more favourable checks of 18-29 bring it to 320/400 = 0.8, a ratio of 1.
    await ingest(checks('mon-fair', '18-29', 200, 0));
    expect(await evaluate()).toMatchObject({ raised: 0, resolved: 1 });
    list = await alerts();
    expect(list).toHaveLength(1);
    expect(list[0]!.resolvedAt).not.toBeNull();
    expect(list[0]!.resolvedValue).toBeCloseTo(1, 12);
    expect(await alerts('?status=open')).toEqual([]);
    expect(await evaluate()).toMatchObject({ raised: 0, resolved: 0 });

    // Across again: 400 unfavourable checks take 18-29 to 320/800 = 0.4, a ratio of 0.5. Two
    // evaluations at once store one alert and write one entry.
    await ingest(checks('mon-fair', '18-29', 400, 400));
    const raced = await Promise.all([evaluate(), evaluate()]);
    expect(raced[0]!.raised + raced[1]!.raised).toBe(1);
    list = await alerts();
    expect(list.map((a) => [a.crossing, a.resolvedAt === null])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(list[0]!.value).toBeCloseTo(0.5, 12);
    await deliver();
    expect(alertEvents().map((e) => e.body.data.crossing)).toEqual([1, 2]);
    expect(sink.received.filter((m) => m.parsed.subject?.startsWith('Monitorwaarschuwing'))).toHaveLength(2);
    expect((await (await governance()).get('/api/monitors')).body.items[0].lastEvaluatedAt).toBe(app.clock.now().toISOString());
  });

  it('never alerts on a group too small to judge, nor on a ratio below the threshold that is not significant', async () => {
    await createMonitor({ modelId: 'mon-small', metric: 'fairness_ratio', threshold: 0.8 });
    // 18-29: 12 decisions, all unfavourable: too few to judge (FAIRNESS_MIN_GROUP 30), so no figure at all.
    // 45-64: 22/40 favourable against 30-44 at 28/40, a ratio of 0.786 below 0.8 but not significant:
    // statsmodels proportions_ztest([22, 28], [40, 40]) p = 0.1659; scipy fisher_exact p = 0.2481.
    await ingest([...checks('mon-small', '18-29', 12, 12), ...checks('mon-small', '30-44', 40, 12), ...checks('mon-small', '45-64', 40, 18)]);
    const report = await (await governance()).get('/api/metrics/fairness?type=fraud_flag&modelId=mon-small&attribute=age_band');
    const groups = report.body.groups as { group: string; status: string; ratio: number | null }[];
    expect(groups.find((g) => g.group === '18-29')).toMatchObject({ status: 'too_few' });
    expect(groups.find((g) => g.group === '45-64')!.ratio).toBeCloseTo(22 / 28, 12);
    const before = (await alerts()).length;
    expect(await evaluate()).toMatchObject({ raised: 0 });
    expect(await alerts()).toHaveLength(before);
  });

  it('alerts on PSI above the threshold for the version in force', async () => {
    const monitor = await createMonitor({ modelId: 'mon-drift', metric: 'psi', threshold: 0.25 });
    // Version 1 scores low, version 2 (later) high: their score histograms barely overlap.
    await ingest(checks('mon-drift', '30-44', 60, 0, '1', '2026-11-10T10:00:00.000Z'));
    await ingest(checks('mon-drift', '30-44', 60, 60, '2', '2026-11-18T10:00:00.000Z'));
    expect(await evaluate()).toMatchObject({ raised: 1 });
    const [alert] = await alerts('?status=open');
    expect(alert).toMatchObject({ monitorId: monitor.id, metric: 'psi', comparison: 'above', modelVersion: '2', subject: 'fraud_flag', n: 60 });
    expect(alert!.value).toBeGreaterThan(0.25);
  });

  it('alerts on an override rate above the threshold, from the resolved cases of the model', async () => {
    await createMonitor({ modelId: 'mon-tariff', type: 'renewal_price', metric: 'override_rate', threshold: 0.3 });
    const ids = await steps.batch([1, 2].map(() => renewalDecision({ model: { id: 'mon-tariff', version: '1' } })));
    // One confirmed, nothing overridden yet: a rate of 0, below the threshold.
    await steps.confirm('pricing.reviewer', await steps.claim('pricing.reviewer', await steps.object('anna', ids[0]!)));
    expect(await evaluate()).toMatchObject({ raised: 0 });
    // One overridden (and approved): 1 of 2 resolved cases, a rate of 0.5 above 0.3.
    const proposed = await steps.override('pricing.reviewer', await steps.claim('pricing.reviewer', await steps.object('anna', ids[1]!)), {
      newPremiumCents: 121_000,
    });
    if (proposed.status !== 'resolved') await steps.approve('senior.reviewer', proposed);
    expect(await evaluate()).toMatchObject({ raised: 1 });
    const [alert] = (await alerts('?status=open')).filter((a) => a.modelId === 'mon-tariff');
    expect(alert).toMatchObject({ metric: 'override_rate', comparison: 'above', subject: 'renewal_price', value: 0.5, n: 2, threshold: 0.3 });
  });

  it('lets one of two changes made at once from the same version win; the other is 409 version_conflict', async () => {
    const monitor = await createMonitor({ modelId: 'mon-race', metric: 'override_rate', threshold: 0.3 });
    const agent = await governance();
    const answers = await Promise.all(
      [0.4, 0.5, 0.6].map((threshold) => agent.patch(`/api/monitors/${monitor.id}`).send({ threshold, expectedVersion: monitor.version })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const winner = answers.find((r) => r.status === 200)!.body as Monitor;
    const stored = (await agent.get('/api/monitors')).body.items.find((m: Monitor) => m.id === monitor.id);
    expect(stored).toMatchObject({ version: 2, threshold: winner.threshold });
  });

  it('switching a monitor off closes its open alerts; a stale version is refused with 409; a removed monitor is 404', async () => {
    const agent = await governance();
    const open = (await alerts('?status=open')).find((a) => a.metric === 'psi');
    const stale = await agent.patch(`/api/monitors/${open!.monitorId}`).send({ threshold: 0.3, expectedVersion: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', currentVersion: 1 });
    const off = await agent.patch(`/api/monitors/${open!.monitorId}`).send({ enabled: false, expectedVersion: 1 });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body).toMatchObject({ enabled: false, version: 2 });
    expect((await alerts('?status=open')).some((a) => a.monitorId === open!.monitorId)).toBe(false);
    const bad = await agent.patch(`/api/monitors/${open!.monitorId}`).send({ attribute: 'age_band', expectedVersion: 2 });
    expect(bad.status).toBe(400);
    expect((await agent.delete(`/api/monitors/${open!.monitorId}`)).status).toBe(204);
    expect((await agent.delete(`/api/monitors/${open!.monitorId}`)).status).toBe(404);
    expect((await agent.patch(`/api/monitors/${open!.monitorId}`).send({ enabled: true, expectedVersion: 2 })).status).toBe(404);
    // Its alerts stay in the list.
    expect((await alerts()).some((a) => a.monitorId === open!.monitorId)).toBe(true);
    // Each change governance made is on the staff log; the refused ones are not.
    const logged = (await app.store.staffLog.list()).filter((e) => e.data.monitorId === open!.monitorId);
    expect(logged.map((e) => e.action)).toEqual(['monitor_created', 'monitor_updated', 'monitor_removed']);
    expect(logged[1]!.data).toMatchObject({ enabled: false, threshold: 0.25 });
  });
});
