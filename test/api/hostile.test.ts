import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { buildTestApp, type TestApp } from '../support/app';
import { renewalDecision } from '../support/fixtures';
import { openTestSqlite, type TestStore } from '../support/stores';

describe('bad and hostile input', () => {
  let t: TestStore;
  let app: TestApp;
  beforeAll(async () => {
    t = await openTestSqlite();
    app = await buildTestApp(t.store);
  });
  afterAll(async () => t.dispose());

  const post = (body: string, type = 'application/json') => app.ingest().post('/api/decisions').set('Content-Type', type).send(body);

  const expectProblem = (res: request.Response, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, code, title: expect.any(String), detail: expect.any(String), type: expect.any(String) });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
  };

  it('malformed JSON is a 400', async () => expectProblem(await post('{"type": '), 400, 'malformed_json'));
  it('a wrong content type is a 415', async () =>
    expectProblem(await post('type=renewal_price', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type'));
  it('an oversized body is a 413', async () => expectProblem(await post(JSON.stringify({ x: 'a'.repeat(2 * 1024 * 1024) })), 413, 'payload_too_large'));
  it('__proto__ keys are refused', async () => expectProblem(await post('{"__proto__": {"admin": true}}'), 400, 'forbidden_key'));
  it('constructor keys are refused', async () => expectProblem(await post('{"inputs": {"constructor": 1}}'), 400, 'forbidden_key'));
  it('deep nesting is refused', async () => expectProblem(await post('['.repeat(5000) + ']'.repeat(5000)), 400, 'malformed_json'));
  it('duplicate keys are refused', async () => expectProblem(await post('{"type": "renewal_price", "type": "fraud_flag"}'), 400, 'malformed_json'));
  it('invalid UTF-8 is refused', async () => {
    // Raw bytes through a real socket: supertest would re-encode a Buffer as JSON.
    const server = app.app.listen(0);
    const port = (server.address() as { port: number }).port;
    const res = await fetch(`http://127.0.0.1:${port}/api/decisions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer demo-ingest-key' },
      body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    });
    server.close();
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('malformed_json');
  });
  it('lone surrogates are refused', async () => expectProblem(await post('{"a": "\\ud800"}'), 400, 'malformed_json'));
  it('huge numbers are a validation error, not Infinity', async () => {
    const body = JSON.stringify(renewalDecision()).replace('"previousPremiumCents":120000', '"previousPremiumCents":1e400');
    const res = await post(body);
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.errors[0].path).toBe('output.previousPremiumCents');
  });

  it('query-string operator injection is a 400', async () => {
    const gov = await app.as('governance');
    expectProblem(await gov.get('/api/decisions?memberId[$ne]=x'), 400, 'validation_failed');
    expectProblem(await gov.get('/api/decisions?memberId=a&memberId=b'), 400, 'validation_failed');
    expectProblem(await gov.get('/api/decisions?memberId=%24ne'), 400, 'validation_failed');
  });

  it('a very long user name is a 400, not a crash', async () => {
    expectProblem(
      await request(app.app)
        .post('/api/session')
        .send({ username: 'a'.repeat(10_000), password: 'x' }),
      400,
      'validation_failed',
    );
  });

  it('unknown endpoints are problem+json 404s', async () => expectProblem(await request(app.app).get('/api/nope'), 404, 'not_found'));

  it('stays healthy and stored nothing', async () => {
    expect((await request(app.app).get('/api/health')).body).toEqual({ status: 'ok', storage: 'sqlite' });
    expect(await app.store.decisions.count()).toBe(0);
  });

  it('sets security headers', async () => {
    const res = await request(app.app).get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('OpenAPI', () => {
  it('is OpenAPI 3.1 generated from the shared schemas', async () => {
    const t = await openTestSqlite();
    const app = await buildTestApp(t.store);
    const res = await request(app.app).get('/api/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    const ingest = res.body.paths['/api/decisions'].post;
    expect(Object.keys(ingest.responses)).toEqual(expect.arrayContaining(['201', '200', '400', '409']));
    expect(JSON.stringify(res.body)).toContain('newPremiumCents');
    await t.dispose();
  });
});
