/**
 * What operations watch: GET /metrics (Prometheus, behind METRICS_TOKEN), liveness and readiness,
 * and the browsable API reference. Through real HTTP on a real SQLite store.
 */
import Database from 'better-sqlite3';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/app';
import { startPeriodicJob } from '../../server/jobs/periodic';
import { migrations } from '../../server/storage/sqlite/migrations';
import { buildTestApp, type TestApp } from '../support/app';
import { renewalDecision } from '../support/fixtures';
import { openTestSqlite, type TestStore } from '../support/stores';

const TOKEN = 'metrics-token-for-the-tests';

let t: TestStore;
afterEach(async () => t?.dispose());

async function appWith(overrides: Parameters<typeof buildTestApp>[1] = {}): Promise<TestApp> {
  t = await openTestSqlite();
  return buildTestApp(t.store, overrides);
}

const scrape = async (app: TestApp) => {
  const res = await request(app.app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
  expect(res.status).toBe(200);
  return res.text;
};

/** The value of one series, e.g. `recourse_ingest_decisions_total{result="accepted"}`. */
const valueOf = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('GET /metrics', () => {
  it('does not exist without METRICS_TOKEN', async () => {
    const app = await appWith();
    const res = await request(app.app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(res.status).toBe(404);
    expect(res.type).toBe('application/problem+json');
    expect(res.body.code).toBe('not_found');
  });

  it('answers 401 without the token or with another one', async () => {
    const app = await appWith({ metricsToken: TOKEN });
    for (const authorization of [undefined, 'Bearer not-the-token', `Basic ${TOKEN}`]) {
      const req = request(app.app).get('/metrics');
      const res = await (authorization ? req.set('Authorization', authorization) : req);
      expect(res.status).toBe(401);
      expect(res.type).toBe('application/problem+json');
      expect(res.body.code).toBe('unauthenticated');
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });

  it('counts accepted and duplicate decisions', async () => {
    const app = await appWith({ metricsToken: TOKEN });
    const before = await scrape(app);
    expect((await request(app.app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`)).type).toBe('text/plain');
    expect(valueOf(before, 'recourse_ingest_decisions_total{result="accepted"}')).toBe(0);

    const one = renewalDecision();
    expect((await app.ingest().post('/api/decisions').send(one)).status).toBe(201);
    expect((await app.ingest().post('/api/decisions').send(one)).status).toBe(200);
    const batch = await app
      .ingest()
      .post('/api/decisions/batch')
      .send({ decisions: [one, renewalDecision(), renewalDecision()] });
    expect(batch.body).toMatchObject({ accepted: 2, duplicates: 1 });

    const after = await scrape(app);
    expect(valueOf(after, 'recourse_ingest_decisions_total{result="accepted"}')).toBe(3);
    expect(valueOf(after, 'recourse_ingest_decisions_total{result="duplicate"}')).toBe(2);
    expect(valueOf(after, 'recourse_store_operation_duration_seconds_count{repo="decisions",operation="insertMany"}')).toBe(3);
  });

  it('times requests by route pattern, never by the URL that was called', async () => {
    const app = await appWith({ metricsToken: TOKEN });
    const id = (await app.ingest().post('/api/decisions').send(renewalDecision())).body.id as string;
    const anna = await app.as('anna');
    expect((await anna.get(`/api/decisions/${id}`)).status).toBe(200);
    expect((await anna.get('/api/nothing-here/M-1001')).status).toBe(404);
    expect((await request(app.app).get('/some/page/M-1002')).status).toBe(404);

    const text = await scrape(app);
    expect(valueOf(text, 'recourse_http_request_duration_seconds_count{method="GET",route="/api/decisions/:id",status="200"}')).toBe(1);
    expect(valueOf(text, 'recourse_http_request_duration_seconds_count{method="POST",route="/api/decisions",status="201"}')).toBe(1);
    expect(valueOf(text, 'recourse_http_request_duration_seconds_count{method="GET",route="/api (no route)",status="404"}')).toBe(1);
    expect(valueOf(text, 'recourse_http_request_duration_seconds_count{method="GET",route="(client)",status="404"}')).toBe(1);
    // Ids and member ids are personal data: none may become a label.
    for (const personal of [id, 'M-1001', 'M-1002', 'nothing-here', 'some/page']) expect(text).not.toContain(personal);
  });

  it('reports the age of the oldest undelivered notification, read from the store', async () => {
    const app = await appWith({ metricsToken: TOKEN });
    expect(valueOf(await scrape(app), 'recourse_outbox_oldest_pending_age_seconds')).toBe(0);
    const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
    await app.store.outbox.add({ id: 'dec_x#1', caseId: 'case_x', memberId: null, kind: 'received', createdAt: anHourAgo, deliveredAt: null });
    const age = valueOf(await scrape(app), 'recourse_outbox_oldest_pending_age_seconds')!;
    expect(age).toBeGreaterThanOrEqual(3600);
    expect(age).toBeLessThan(3660);
  });

  it('reports outbound deliveries: by status, the success ratio and the age of the oldest undelivered one', async () => {
    const app = await appWith({ metricsToken: TOKEN });
    expect(valueOf(await scrape(app), 'recourse_delivery_success_ratio')).toBe(1);
    const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const delivery = (id: string, status: 'pending' | 'delivered' | 'dead') => ({
      id,
      entryId: 'dec_x#1',
      channel: 'webhook' as const,
      destinationId: 'wh_1',
      decisionId: 'dec_x',
      lane: 'webhook:wh_1:dec_x',
      seq: 1,
      position: 0,
      type: 'case.opened',
      data: {},
      createdAt: anHourAgo,
      status,
      attempts: 1,
      nextAttemptAt: anHourAgo,
      lastStatus: null,
      lastError: null,
      deliveredAt: null,
      log: [],
    });
    for (const [id, status] of [
      ['a', 'delivered'],
      ['b', 'delivered'],
      ['c', 'delivered'],
      ['d', 'dead'],
      ['e', 'pending'],
    ] as const) {
      await app.store.deliveries.add(delivery(id, status));
    }
    const text = await scrape(app);
    expect(valueOf(text, 'recourse_deliveries{status="dead"}')).toBe(1);
    expect(valueOf(text, 'recourse_delivery_success_ratio')).toBe(0.75);
    expect(valueOf(text, 'recourse_delivery_oldest_undelivered_age_seconds')).toBeGreaterThanOrEqual(3600);
  });

  it('counts periodic job runs and failures', async () => {
    const app = await appWith({ metricsToken: TOKEN });
    const logger = createLogger('silent');
    // As the server runs its jobs: on the store as timed by the app's monitoring.
    const common = { intervalMs: 60_000, store: app.monitoring.timeStore(app.store), clock: app.clock, logger, onFinished: app.monitoring.jobFinished };
    const fine = startPeriodicJob({ ...common, name: 'fine', run: async () => undefined });
    const broken = startPeriodicJob({ ...common, name: 'broken', run: async () => Promise.reject(new Error('the mail server is down')) });
    await fine.runNow();
    await broken.runNow();
    fine.stop();
    broken.stop();

    const text = await scrape(app);
    expect(valueOf(text, 'recourse_job_runs_total{job="fine"}')).toBe(1);
    expect(valueOf(text, 'recourse_job_failures_total{job="fine"}')).toBeUndefined();
    expect(valueOf(text, 'recourse_job_runs_total{job="broken"}')).toBe(1);
    expect(valueOf(text, 'recourse_job_failures_total{job="broken"}')).toBe(1);
    expect(valueOf(text, 'recourse_store_operation_duration_seconds_count{repo="leases",operation="tryAcquire"}')).toBe(2);
  });

  it('keeps each app its own registry', async () => {
    const first = await appWith({ metricsToken: TOKEN });
    await first.ingest().post('/api/decisions').send(renewalDecision());
    const other = await openTestSqlite();
    try {
      const second = await buildTestApp(other.store, { metricsToken: TOKEN });
      expect(valueOf(await scrape(second), 'recourse_ingest_decisions_total{result="accepted"}')).toBe(0);
      expect(valueOf(await scrape(first), 'recourse_ingest_decisions_total{result="accepted"}')).toBe(1);
    } finally {
      await other.dispose();
    }
  });
});

describe('health', () => {
  it('keeps GET /api/health as documented, and answers liveness and readiness', async () => {
    const app = await appWith();
    expect((await request(app.app).get('/api/health')).body).toEqual({ status: 'ok', storage: 'sqlite' });
    const live = await request(app.app).get('/api/health/live');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });
    const ready = await request(app.app).get('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', storage: 'sqlite' });
    expect(ready.headers['cache-control']).toBe('no-store');
  });

  it("is not ready when the store's schema is not the one this version migrated to", async () => {
    const app = await appWith();
    const file = t.files!().find((f) => f.endsWith('.sqlite'))!;
    const raw = new Database(file);
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    const ready = await request(app.app).get('/api/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.type).toBe('application/problem+json');
    expect(ready.body).toMatchObject({ status: 503, code: 'not_ready' });
    // Alive all the same: an orchestrator must not restart it for this.
    expect((await request(app.app).get('/api/health/live')).status).toBe(200);
  });

  it('is not ready once the store is closed', async () => {
    const app = await appWith();
    await app.store.close();
    expect((await request(app.app).get('/api/health/ready')).status).toBe(503);
  });
});

describe('GET /api/docs', () => {
  it('serves the browsable reference of /api/openapi.json with a nonce-only script policy', async () => {
    const app = await appWith();
    const res = await request(app.app).get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html');
    expect(res.text).toContain('/api/openapi.json');
    const policy = res.headers['content-security-policy'] as string;
    const nonce = policy.match(/script-src 'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeDefined();
    // Every script on the page carries the nonce; nothing else may run.
    const scripts = res.text.match(/<script[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toContain('upgrade-insecure-requests');
    // A fresh nonce on every request.
    expect((await request(app.app).get('/api/docs')).headers['content-security-policy']).not.toBe(policy);
  });
});
