/**
 * The sign-in throttle counts failures per (name, address) and per address, never per name
 * alone: someone else's wrong guesses must not lock a member out of their own account.
 */
import Database from 'better-sqlite3';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THROTTLE } from '../../server/auth/sign-in-throttle';
import { buildTestApp, type TestApp } from '../support/app';
import { describeEachStore, openTestSqlite, type StoreKind, type TestStore } from '../support/stores';

const ATTACKER = '203.0.113.7';
const MEMBER_HOME = '198.51.100.20';

/** An app behind a proxy that reports the client address, as a deployment with trust proxy does. */
async function proxiedApp(kind: Pick<StoreKind, 'open'>): Promise<{ t: TestStore; app: TestApp }> {
  const t = await kind.open();
  const app = await buildTestApp(t.store);
  app.app.set('trust proxy', true);
  return { t, app };
}

const signIn = (app: TestApp, from: string, username: string, password: string) =>
  request(app.app).post('/api/session').set('X-Forwarded-For', from).send({ username, password });

async function failTimes(app: TestApp, from: string, username: string, times: number) {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await signIn(app, from, username, `guess-${i}`)).status);
  return statuses;
}

describeEachStore('the sign-in throttle', (kind) => {
  let t: TestStore;
  let app: TestApp;
  beforeAll(async () => ({ t, app } = await proxiedApp(kind)));
  afterAll(async () => t.dispose());

  it("throttles the guesser's address, while the member signs in from their own", async () => {
    expect(await failTimes(app, ATTACKER, 'anna', 5)).toEqual([401, 401, 401, 401, 401]);
    // From the guesser's address even the right password waits…
    const refused = await signIn(app, ATTACKER, 'anna', 'demo');
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('too_many_attempts');
    expect(refused.headers['retry-after']).toBe('1');
    // …but anna from home is not locked out, and her own typo is an ordinary 401.
    expect((await signIn(app, MEMBER_HOME, 'anna', 'typo')).status).toBe(401);
    expect((await signIn(app, MEMBER_HOME, 'anna', 'demo')).status).toBe(200);
  });

  it("lets an admin lift a name's throttle from every address, logged without the name", async () => {
    for (const from of [ATTACKER, '192.0.2.99']) await failTimes(app, from, 'bram', 8);
    expect((await signIn(app, ATTACKER, 'bram', 'demo')).status).toBe(429);
    expect((await signIn(app, '192.0.2.99', 'bram', 'demo')).status).toBe(429);

    const governance = await app.as('governance');
    expect((await governance.delete('/api/admin/sign-in-throttles/bram')).status).toBe(403);
    expect((await signIn(app, ATTACKER, 'bram', 'demo')).status).toBe(429);

    const admin = await app.as('admin');
    // The name as people type it: any case or Unicode form is the same name.
    const lifted = await admin.delete('/api/admin/sign-in-throttles/BRAM');
    expect(lifted.status).toBe(204);
    expect((await signIn(app, ATTACKER, 'bram', 'demo')).status).toBe(200);
    expect((await signIn(app, '192.0.2.99', 'bram', 'demo')).status).toBe(200);

    const entry = (await t.store.staffLog.list()).at(-1)!;
    expect(entry).toMatchObject({ action: 'sign_in_throttle_lifted', actor: { role: 'admin' } });
    expect(entry.subjectDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(entry).toLowerCase()).not.toContain('bram');
    // Lifting a name without failures is no error either.
    expect((await admin.delete('/api/admin/sign-in-throttles/nobody.here')).status).toBe(204);
  });
});

describe('the sign-in throttle: delays and limits', () => {
  let t: TestStore;
  let app: TestApp;
  beforeAll(async () => ({ t, app } = await proxiedApp({ open: openTestSqlite })));
  afterAll(async () => t.dispose());

  it('doubles the wait with each further failure, up to 15 minutes, and forgets it after the right password', async () => {
    const from = '192.0.2.10';
    await failTimes(app, from, 'governance', THROTTLE.freeFailures);
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const refused = await signIn(app, from, 'governance', 'still-guessing');
      expect(refused.status).toBe(429);
      const seconds = Number(refused.headers['retry-after']);
      waits.push(seconds);
      // One moment too early is still refused; once the wait is over, the next guess is heard.
      app.clock.advance(seconds * 1000 - 500);
      expect((await signIn(app, from, 'governance', 'still-guessing')).status).toBe(429);
      app.clock.advance(500);
      expect((await signIn(app, from, 'governance', `guess-${i}`)).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);

    app.clock.advance(900_000);
    expect((await signIn(app, from, 'governance', 'demo')).status).toBe(200);
    // The right password cleared this pair's count: the next typo costs nothing.
    expect((await signIn(app, from, 'governance', 'typo')).status).toBe(401);
    expect((await signIn(app, from, 'governance', 'demo')).status).toBe(200);
  });

  it('limits one address trying many names, and no other address', async () => {
    const sprayer = '192.0.2.66';
    for (let i = 0; i < THROTTLE.addressMaxFailures; i++) {
      expect((await signIn(app, sprayer, `member.${i}`, 'Summer2026!')).status).toBe(401);
    }
    // Each name failed once only, yet the address has to wait, for every name.
    const refused = await signIn(app, sprayer, 'pricing.reviewer', 'demo');
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe(String(THROTTLE.addressWindowMs / 1000));
    expect((await signIn(app, '192.0.2.67', 'pricing.reviewer', 'demo')).status).toBe(200);
    app.clock.advance(THROTTLE.addressWindowMs);
    expect((await signIn(app, sprayer, 'pricing.reviewer', 'demo')).status).toBe(200);
  });

  it('forgets failures once no window counts them any more, and not before', async () => {
    const from = '192.0.2.90';
    await failTimes(app, from, 'fraud.reviewer', THROTTLE.freeFailures + 1);
    // Inside the pair's memory nothing may go, or the daily clean-up would lift a throttle.
    expect(await app.services.sessions.forgetExpiredSignInFailures()).toBe(0);
    expect((await signIn(app, from, 'fraud.reviewer', 'demo')).status).toBe(429);
    app.clock.advance(THROTTLE.pairMemoryMs + 1);
    expect(await app.services.sessions.forgetExpiredSignInFailures()).toBeGreaterThanOrEqual(2 * (THROTTLE.freeFailures + 1));
    expect((await signIn(app, from, 'fraud.reviewer', 'demo')).status).toBe(200);
  });

  it('keeps neither the names tried nor the addresses in the clear in the store', async () => {
    await failTimes(app, '2001:db8:1234:5678::42', 'fraud.reviewer', 2);
    const db = new Database(
      t.files!().find((f) => f.endsWith('.sqlite'))!,
      { readonly: true },
    );
    const keys = (db.prepare('SELECT DISTINCT key FROM login_failures').all() as { key: string }[]).map((r) => r.key);
    db.close();
    expect(keys.length).toBeGreaterThan(0);
    const text = keys.join('\n');
    for (const clear of ['fraud.reviewer', 'member.1', 'governance', '192.0.2', '2001:db8', ATTACKER]) expect(text).not.toContain(clear);
  });

  it('counts an IPv6 client by its /64, so a new address in the same network is no way around it', async () => {
    const network = '2001:db8:aaaa:bbbb';
    await failTimes(app, `${network}::1`, 'admin', THROTTLE.freeFailures);
    expect((await signIn(app, `${network}:1234:5678:9abc:def0`, 'admin', 'demo')).status).toBe(429);
    expect((await signIn(app, '2001:db8:aaaa:cccc::1', 'admin', 'demo')).status).toBe(200);
  });
});
