import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { buildTestApp, type TestApp } from '../support/app';
import { openTestSqlite, type TestStore } from '../support/stores';

const cookieOf = (res: request.Response) => ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('recourse_session='));

describe('sign-in and sessions', () => {
  let t: TestStore;
  let app: TestApp;
  beforeAll(async () => {
    t = await openTestSqlite();
    app = await buildTestApp(t.store);
  });
  afterAll(async () => t.dispose());

  it('signs in with an httpOnly SameSite cookie and tells who is signed in', async () => {
    const agent = request.agent(app.app);
    const res = await agent.post('/api/session').send({ username: 'pricing.reviewer', password: 'demo' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'pricing.reviewer', roles: ['reviewer'], scopes: ['renewal_price', 'risk_score'] });
    expect(res.body.user.passwordHash).toBeUndefined();
    const cookie = cookieOf(res)!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect((await agent.get('/api/session')).body.user.username).toBe('pricing.reviewer');
    expect((await agent.delete('/api/session')).status).toBe(204);
    expect((await agent.get('/api/session')).status).toBe(401);
  });

  it('stores sessions in the store, so another app on the same store knows them', async () => {
    const agent = request.agent(app.app);
    const res = await agent.post('/api/session').send({ username: 'anna', password: 'demo' });
    const other = await buildTestApp(t.store);
    const again = await request(other.app).get('/api/session').set('Cookie', cookieOf(res)!.split(';')[0]!);
    expect(again.body.user.username).toBe('anna');
  });

  it('gives a new session id at every sign-in and ends the old one', async () => {
    const agent = request.agent(app.app);
    const first = cookieOf(await agent.post('/api/session').send({ username: 'anna', password: 'demo' }))!.split(';')[0]!;
    const second = cookieOf(await agent.post('/api/session').send({ username: 'anna', password: 'demo' }))!.split(';')[0]!;
    expect(second).not.toBe(first);
    expect((await request(app.app).get('/api/session').set('Cookie', first)).status).toBe(401);
  });

  it('expires idle sessions', async () => {
    const agent = request.agent(app.app);
    await agent.post('/api/session').send({ username: 'bram', password: 'demo' });
    app.clock.advance(31 * 60_000);
    expect((await agent.get('/api/session')).status).toBe(401);
    app.clock.advance(-31 * 60_000);
  });

  it('throttles a name from one address after 5 failures, the same for unknown names', async () => {
    for (const username of ['governance', 'nobody.here']) {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        statuses.push((await request(app.app).post('/api/session').send({ username, password: 'wrong' })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    }
    const blocked = await request(app.app).post('/api/session').send({ username: 'governance', password: 'demo' });
    expect(blocked.status).toBe(429);
    // A growing delay, not a 15-minute lock: the first wait is a second (test/api/sign-in-throttle.test.ts).
    expect(blocked.headers['retry-after']).toBe('1');
    app.clock.advance(1000);
    expect((await request(app.app).post('/api/session').send({ username: 'governance', password: 'demo' })).status).toBe(200);
  });

  it('treats user names differing only by case or Unicode form as one', async () => {
    expect((await request(app.app).post('/api/session').send({ username: 'ANNA', password: 'demo' })).status).toBe(200);
  });

  it('refuses cookie-authenticated writes from another origin', async () => {
    const agent = request.agent(app.app);
    await agent.post('/api/session').send({ username: 'anna', password: 'demo' });
    const res = await agent.delete('/api/session').set('Origin', 'https://evil.example');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('cross_origin_refused');
  });
});

describe('staff password sign-in switched off (STAFF_LOCAL_LOGIN=false)', () => {
  let t: TestStore;
  let app: TestApp;
  beforeAll(async () => {
    t = await openTestSqlite();
    app = await buildTestApp(t.store, { staffLocalLogin: false });
  });
  afterAll(async () => t.dispose());

  it('refuses staff with the right password, sends them to the provider, and sets no cookie', async () => {
    for (const username of ['fraud.reviewer', 'admin']) {
      const res = await request(app.app).post('/api/session').send({ username, password: 'demo' });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('staff_local_login_disabled');
      expect(cookieOf(res)).toBeUndefined();
    }
  });

  it('tells a wrong password as before, so the answer reveals no staff names', async () => {
    const res = await request(app.app).post('/api/session').send({ username: 'fraud.reviewer', password: 'wrong' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('invalid_credentials');
  });

  it('keeps password sign-in for members', async () => {
    expect((await request(app.app).post('/api/session').send({ username: 'anna', password: 'demo' })).status).toBe(200);
  });

  it('says so to the sign-in page', async () => {
    expect((await request(app.app).get('/api/session/providers')).body).toEqual({ staff: null, member: null, staffLocalLogin: false });
  });
});
