/**
 * Sessions, beyond test/api/session.test.ts: absolute expiry, sign-out in the store,
 * cross-origin refusal on every state-changing route, and a throttle that tells nothing about
 * which user names exist.
 */
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { apiRoutes } from '../support/routes';
import { sessionCookieFor, sessionTokenHash, sessionTokenOf } from '../support/session-cookies';
import { openTestSqlite, type TestStore } from '../support/stores';

const ABSOLUTE_MS = 2 * 3_600_000;
const IDLE_MS = 30 * 60_000;

describe('sessions', () => {
  let t: TestStore;
  let app: TestApp;
  beforeAll(async () => {
    t = await openTestSqlite();
    app = await buildTestApp(t.store, { sessionAbsoluteMs: ABSOLUTE_MS, sessionIdleMs: IDLE_MS });
  });
  afterAll(async () => t.dispose());

  const signIn = async (username: string) => {
    const res = await request(app.app).post('/api/session').send({ username, password: 'demo' });
    expect(res.status).toBe(200);
    const token = sessionTokenOf(res.headers['set-cookie'])!;
    return { res, token, cookie: `recourse_session=${token}` };
  };

  it('ends a session at its absolute expiry however busy it is, and removes it from the store', async () => {
    const start = app.clock.now();
    const { res, token, cookie } = await signIn('pricing.reviewer');
    // The cookie itself says when it ends, so a browser does not keep it past the server's limit.
    expect(([] as string[]).concat(res.headers['set-cookie'] ?? []).join(';')).toContain(`Max-Age=${ABSOLUTE_MS / 1000}`);
    const stored = await t.store.sessions.get(sessionTokenHash(token));
    expect(Date.parse(stored!.expiresAt) - start.getTime()).toBe(ABSOLUTE_MS);
    // Active every 20 minutes, so it is never idle for long…
    for (let elapsed = 0; elapsed + 20 * 60_000 < ABSOLUTE_MS; elapsed += 20 * 60_000) {
      app.clock.advance(20 * 60_000);
      expect((await request(app.app).get('/api/session').set('Cookie', cookie)).status).toBe(200);
    }
    // …and still over once the absolute lifetime is.
    app.clock.set(new Date(start.getTime() + ABSOLUTE_MS + 1000));
    expect((await request(app.app).get('/api/session').set('Cookie', cookie)).status).toBe(401);
    expect(await t.store.sessions.get(sessionTokenHash(token))).toBeNull();
    app.clock.set(start);
  });

  it('ends the session in the store at sign-out, so a copied cookie is worthless', async () => {
    const { token, cookie } = await signIn('anna');
    expect(await t.store.sessions.get(sessionTokenHash(token))).not.toBeNull();
    const out = await request(app.app).delete('/api/session').set('Cookie', cookie);
    expect(out.status).toBe(204);
    expect(([] as string[]).concat(out.headers['set-cookie'] ?? []).join(';')).toMatch(/recourse_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(await t.store.sessions.get(sessionTokenHash(token))).toBeNull();
    expect((await request(app.app).get('/api/session').set('Cookie', cookie)).status).toBe(401);
    expect((await request(app.app).get('/api/decisions').set('Cookie', cookie)).status).toBe(401);
  });

  describe('cross-origin requests with a session cookie', () => {
    const hostile = [
      { name: 'another origin', headers: { Origin: 'https://evil.example' } },
      { name: 'a look-alike origin', headers: { Origin: 'http://127.0.0.1.evil.example' } },
      { name: 'an opaque origin', headers: { Origin: 'null' } },
      { name: 'a cross-site fetch without Origin', headers: { 'Sec-Fetch-Site': 'cross-site' } },
    ];

    it('refuses every state-changing route with 403 cross_origin_refused, and changes nothing', async () => {
      const writes = apiRoutes(app.app).filter((r) => r.method !== 'GET');
      expect(writes.length).toBeGreaterThan(10);
      const before = await Promise.all([t.store.decisions.count(), t.store.events.count(), t.store.holds.list()]);
      const refused: string[] = [];
      for (const route of writes) {
        // An admin cookie: the most a forged request could ride on.
        const cookie = await sessionCookieFor(t.store, app.clock, app.config, 'admin');
        const url = route.path.replace(':id', 'case_000000000000000000000000_1').replace(':memberId', 'M-1001');
        for (const { name, headers } of hostile) {
          const req = (request(app.app) as any)[route.method.toLowerCase()](url).set('Cookie', cookie).set(headers);
          const res = await req.send({ username: 'anna', password: 'demo', memberId: 'M-1001', reason: 'forged request' });
          if (res.status !== 403 || res.body.code !== 'cross_origin_refused')
            refused.push(`${route.method} ${route.path} from ${name}: ${res.status} ${res.body.code}`);
        }
      }
      expect(refused).toEqual([]);
      expect(await Promise.all([t.store.decisions.count(), t.store.events.count(), t.store.holds.list()])).toEqual(before);
      // The session survived every forged sign-out.
    });

    it("lets the same requests through from the app's own origin", async () => {
      const cookie = await sessionCookieFor(t.store, app.clock, app.config, 'admin');
      const res = await request(app.app)
        .put('/api/admin/legal-holds/M-1001')
        .set('Host', 'recourse.test')
        .set('Origin', 'http://recourse.test')
        .set('Sec-Fetch-Site', 'same-origin')
        .set('Cookie', cookie)
        .send({ reason: 'a real request' });
      expect(res.status).toBe(200);
      await t.store.holds.delete('M-1001');
    });
  });

  describe('the sign-in throttle', () => {
    // Timing needs a steady clock: one sample is noise, the median of several is not.
    const attempt = async (username: string) => {
      const started = performance.now();
      const res = await request(app.app).post('/api/session').send({ username, password: 'not-the-password' });
      return { res, ms: performance.now() - started };
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const shape = (res: request.Response) => ({
      status: res.status,
      type: res.headers['content-type'],
      retryAfter: res.headers['retry-after'],
      body: res.body,
    });

    it('answers an existing and an unknown name alike: status, body, headers and time', async () => {
      app.clock.advance(60 * 60_000); // clear of earlier failures
      const known = [] as Awaited<ReturnType<typeof attempt>>[];
      const unknown = [] as Awaited<ReturnType<typeof attempt>>[];
      // Interleaved, so machine load falls on both alike.
      for (let i = 0; i < 7; i++) {
        known.push(await attempt('governance'));
        unknown.push(await attempt('no.such.person'));
      }
      expect(known.map((a) => shape(a.res))).toEqual(unknown.map((a) => shape(a.res)));
      expect(known.map((a) => a.res.status)).toEqual([401, 401, 401, 401, 401, 429, 429]);
      // Both spend one scrypt (unknown names against a dummy hash) before answering 401; skipping
      // it for unknown names would make them 10-20 times faster, far outside this band.
      const [k, u] = [median(known.slice(0, 5).map((a) => a.ms)), median(unknown.slice(0, 5).map((a) => a.ms))];
      expect(k / u, `known ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms`).toBeGreaterThan(1 / 3);
      expect(k / u, `known ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms`).toBeLessThan(3);
    });

    it('counts a name in any case or Unicode form as the same name', async () => {
      app.clock.advance(60 * 60_000);
      for (const spelling of ['Admin', 'ADMIN', ' admin', 'ａｄｍｉｎ', 'admin ']) {
        expect((await attempt(spelling)).res.status).toBe(401);
      }
      expect((await request(app.app).post('/api/session').send({ username: 'admin', password: 'demo' })).status).toBe(429);
    });
  });
});
