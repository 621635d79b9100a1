/**
 * Served over plain HTTP (any address but localhost, no proxy), the app must not tell the browser
 * to upgrade to HTTPS: that made every script and style fail. Behind a trusted TLS proxy it must.
 */
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { openTestSqlite, type TestStore } from '../support/stores';

let t: TestStore;
afterEach(async () => t?.dispose());

async function appWith(overrides: Parameters<typeof buildTestApp>[1] = {}): Promise<TestApp> {
  t = await openTestSqlite();
  return buildTestApp(t.store, overrides);
}

const tlsHeaders = (res: request.Response) => ({
  hsts: res.headers['strict-transport-security'] as string | undefined,
  upgrade: /upgrade-insecure-requests/.test(res.headers['content-security-policy'] ?? ''),
});

describe('HSTS and upgrade-insecure-requests', () => {
  it('are not sent over plain HTTP, while the rest of the policy is', async () => {
    const app = await appWith();
    for (const url of ['/', '/api/health', '/api/docs', '/no-such-page']) {
      const res = await request(app.app).get(url).set('Host', '192.168.1.20:3000');
      expect(tlsHeaders(res), url).toEqual({ hsts: undefined, upgrade: false });
      expect(res.headers['content-security-policy'], url).toMatch(/default-src 'self'/);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });

  it('ignore X-Forwarded-Proto from a proxy the app does not trust', async () => {
    const app = await appWith();
    const res = await request(app.app).get('/api/health').set('X-Forwarded-Proto', 'https');
    expect(tlsHeaders(res)).toEqual({ hsts: undefined, upgrade: false });
  });

  it('are sent when a trusted proxy says the browser came over HTTPS', async () => {
    // supertest connects from 127.0.0.1: the proxy is on the loopback.
    const app = await appWith({ trustProxy: ['loopback'] });
    for (const url of ['/api/health', '/api/docs']) {
      const res = await request(app.app).get(url).set('X-Forwarded-Proto', 'https');
      expect(tlsHeaders(res).hsts, url).toMatch(/^max-age=\d+/);
      expect(tlsHeaders(res).upgrade, url).toBe(true);
    }
    const plain = await request(app.app).get('/api/health').set('X-Forwarded-Proto', 'http');
    expect(tlsHeaders(plain)).toEqual({ hsts: undefined, upgrade: false });
  });
});

describe('Cross-Origin-Opener-Policy', () => {
  it('is sent over TLS and to loopback names, where browsers apply it, and not to a plain-HTTP address, where they refuse it with a console error', async () => {
    const app = await appWith({ trustProxy: ['loopback'] });
    const coop = async (host: string, proto = 'http') =>
      (await request(app.app).get('/api/health').set('Host', host).set('X-Forwarded-Proto', proto)).headers['cross-origin-opener-policy'];
    expect(await coop('192.168.1.20:3000')).toBeUndefined();
    expect(await coop('recourse.example')).toBeUndefined();
    expect(await coop('recourse.example', 'https')).toBe('same-origin');
    for (const host of ['localhost:3000', '127.0.0.2:3000', '[::1]:3000']) expect(await coop(host), host).toBe('same-origin');
  });
});

describe('behind a TLS proxy', () => {
  const signIn = (app: TestApp) =>
    request(app.app)
      .post('/api/session')
      .set('Origin', 'https://recourse.example')
      .set('X-Forwarded-Host', 'recourse.example')
      .set('X-Forwarded-Proto', 'https')
      .send({ username: 'anna', password: 'demo' });

  it('accepts sign-in from the public origin the trusted proxy forwards', async () => {
    const app = await appWith({ trustProxy: 1, secureCookies: true });
    const res = await signIn(app);
    expect(res.status).toBe(200);
    expect(res.headers['set-cookie']?.[0]).toMatch(/; Secure/);
  });

  it('believes no forwarded host without TRUST_PROXY', async () => {
    const app = await appWith();
    const res = await signIn(app);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('cross_origin_refused');
  });

  it('sets no Secure cookie unless SECURE_COOKIES is on', async () => {
    const app = await appWith();
    const res = await request(app.app).post('/api/session').send({ username: 'anna', password: 'demo' });
    expect(res.status).toBe(200);
    expect(res.headers['set-cookie']?.[0]).not.toMatch(/Secure/);
  });
});
