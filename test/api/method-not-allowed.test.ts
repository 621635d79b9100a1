import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { buildTestApp, type TestApp } from '../support/app';
import { apiRoutes } from '../support/routes';
import { openTestSqlite, type TestStore } from '../support/stores';

const allowOf = (res: request.Response) => String(res.headers.allow ?? '').split(', ');

describe('a method the path does not serve', () => {
  let t: TestStore;
  let app: TestApp;
  beforeAll(async () => {
    t = await openTestSqlite();
    app = await buildTestApp(t.store);
  });
  afterAll(async () => t.dispose());

  it('answers 405 problem+json with the methods it does serve in Allow', async () => {
    const res = await request(app.app).delete('/api/decisions');
    expect(res.status).toBe(405);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 405, code: 'method_not_allowed', title: 'Method not allowed' });
    expect(res.headers.allow).toBe('GET, HEAD, POST');

    expect((await request(app.app).put('/api/health')).headers.allow).toBe('GET, HEAD');
    expect((await request(app.app).put('/api/session')).headers.allow).toBe('DELETE, GET, HEAD, POST');
    // A path with a parameter: any value of it, found or not, is the same endpoint.
    const claim = await request(app.app).get('/api/cases/case_000000000000000000000000_1/claim');
    expect(claim.status).toBe(405);
    expect(claim.headers.allow).toBe('POST');
    const hold = await (await app.as('admin')).post('/api/admin/legal-holds/M-1001');
    expect(hold.status).toBe(405);
    expect(hold.headers.allow).toBe('DELETE, PUT');
  });

  it('answers a path without parameters as itself, also where a parametrised path of that method would match it', async () => {
    // Found by Schemathesis: GET /api/decisions/batch was taken by GET /api/decisions/:id (400, "not a decision id").
    for (const caller of [request(app.app), await app.as('governance')]) {
      const res = await caller.get('/api/decisions/batch');
      expect(res.status).toBe(405);
      expect(res.body.code).toBe('method_not_allowed');
      expect(res.headers.allow).toBe('POST');
    }
    expect((await (await app.as('governance')).get('/api/decisions/dec_000000000000000000000000')).status).toBe(404);
    // Found by Schemathesis: OPTIONS /api/monitors/alerts offered PATCH and DELETE, the methods of /api/monitors/:id.
    const options = await request(app.app).options('/api/monitors/alerts');
    expect(options.status).toBe(405);
    expect(options.headers.allow).toBe('GET, HEAD');
  });

  it('offers HEAD where GET is served, because Express answers it, and not OPTIONS, which is not served', async () => {
    const head = await request(app.app).head('/api/health');
    expect(head.status).toBe(200);
    // Every path, also those of nested routers, which would otherwise answer OPTIONS themselves.
    for (const path of ['/api/health', '/api/health/ready', '/api/decisions', '/api/cases']) {
      const options = await request(app.app).options(path);
      expect(options.status, path).toBe(405);
      expect(allowOf(options), path).not.toContain('OPTIONS');
    }
  });

  it('covers every route the API serves, read from the router', async () => {
    const served = new Map<string, Set<string>>();
    for (const { method, path } of apiRoutes(app.app)) served.set(path, (served.get(path) ?? new Set()).add(method));
    expect(served.size).toBeGreaterThan(25);
    for (const [path, methods] of served) {
      // A method this path does not serve must be refused with 405, listing the path's own methods.
      const url = path.replace(/:(\w+)/g, 'sample-$1');
      const unserved = (['patch', 'put', 'delete', 'post'] as const).find((m) => !methods.has(m.toUpperCase()))!;
      const res = await request(app.app)[unserved](url);
      expect(res.status, url).toBe(405);
      expect(res.body.code, url).toBe('method_not_allowed');
      const allow = allowOf(res);
      for (const method of methods) expect(allow, url).toContain(method);
      if (methods.has('GET')) expect(allow, url).toContain('HEAD');
      expect(allow, url).not.toContain(unserved.toUpperCase());
    }
  });

  it('keeps 404 for paths nothing serves, whatever the method', async () => {
    for (const [method, url] of [
      ['get', '/api/nothing-here'],
      ['delete', '/api/nothing-here'],
      ['put', '/api/decisions/dec_000000000000000000000000/nothing'],
      ['get', '/api/cases/x/claim/more'],
    ] as const) {
      const res = await request(app.app)[method](url);
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(res.body.code).toBe('not_found');
      expect(res.headers.allow).toBeUndefined();
    }
  });

  it('still serves the methods a path has, and validates them as before', async () => {
    expect((await request(app.app).get('/api/health')).status).toBe(200);
    expect((await request(app.app).get('/api/decisions')).status).toBe(401);
    expect((await request(app.app).post('/api/cases/case_000000000000000000000000_1/claim')).status).toBe(401);
  });
});
