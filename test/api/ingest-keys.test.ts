import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../server/app';
import { keyDigest } from '../../server/ingest-keys/ingest-keys.service';
import { buildTestApp, type TestApp } from '../support/app';
import { longSessions } from '../support/case-steps';
import { fraudDecision, renewalDecision } from '../support/fixtures';
import { describeEachStore, type TestStore } from '../support/stores';

describeEachStore('admin console: ingest keys in the store', (kind) => {
  let t: TestStore;
  let app: TestApp;
  const logLines: string[] = [];
  let n = 0;
  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store, longSessions, { logger: createLogger('debug', { write: (line: string) => void logLines.push(line) }) });
  });
  afterAll(async () => t.dispose());

  const admin = () => app.as('admin');
  const withKey = (key: string) => ({
    one: (body: object) => request(app.app).post('/api/decisions').set('Authorization', `Bearer ${key}`).send(body),
    batch: (decisions: object[]) => request(app.app).post('/api/decisions/batch').set('Authorization', `Bearer ${key}`).send({ decisions }),
  });
  const decidedAt = () => new Date(Date.parse('2026-11-24T00:00:00.000Z') + ++n * 1000).toISOString();
  const renewal = () => renewalDecision({ idempotencyKey: `key-test-${++n}`, decidedAt: decidedAt() });
  const fraud = () => fraudDecision({ idempotencyKey: `key-test-${++n}`, decidedAt: decidedAt() });
  const makeKey = async (body: object) => {
    const res = await (await admin()).post('/api/admin/ingest-keys').send(body);
    expect(res.status).toBe(201);
    return res.body as { id: string; key: string; prefix: string; types: string[] | null };
  };

  it('refuses bad input with 400 problem+json and makes nothing', async () => {
    for (const body of [
      {},
      { name: '' },
      { name: '   ' },
      { name: 'x', types: [] },
      { name: 'x', types: ['everything'] },
      { name: 'x', secret: 'mine' },
      null,
    ]) {
      const res = await (await admin()).post('/api/admin/ingest-keys').send(body as object);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(await app.store.ingestKeys.list()).toEqual([]);
    const made = await makeKey({ name: 'for bad rotations' });
    for (const body of [{ overlapHours: -1 }, { overlapHours: 1000 }, { overlapHours: 1.5 }, { overlap: 2 }]) {
      expect((await (await admin()).post(`/api/admin/ingest-keys/${made.id}/rotate`).send(body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await app.store.ingestKeys.get(made.id))!.rotatedAt).toBeNull();
  });

  it('shows the key once, keeps only its SHA-256, and lets it ingest', async () => {
    const made = await makeKey({ name: 'Pricing engine' });
    expect(made.key).toMatch(/^rk_[A-Za-z0-9_-]{43}$/);
    expect(made.key.startsWith(made.prefix)).toBe(true);
    const stored = (await app.store.ingestKeys.get(made.id))!;
    expect(stored.digest).toBe(keyDigest(made.key));
    expect(JSON.stringify(stored)).not.toContain(made.key);

    expect((await withKey(made.key).one(renewal())).status).toBe(201);
    const listed = (await (await admin()).get('/api/admin/ingest-keys')).body.items.find((k: { id: string }) => k.id === made.id);
    expect(listed).toMatchObject({ name: 'Pricing engine', types: null, prefix: made.prefix, lastUsedAt: app.clock.now().toISOString(), revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(made.key);
  });

  it('writes lastUsedAt at most once a minute per key', async () => {
    const made = await makeKey({ name: 'Busy engine' });
    await withKey(made.key).one(renewal()).expect(201);
    const first = (await app.store.ingestKeys.get(made.id))!.lastUsedAt;
    app.clock.advance(30_000);
    await withKey(made.key).one(renewal()).expect(201);
    expect((await app.store.ingestKeys.get(made.id))!.lastUsedAt).toBe(first);
    app.clock.advance(31_000);
    await withKey(made.key).one(renewal()).expect(201);
    expect((await app.store.ingestKeys.get(made.id))!.lastUsedAt).toBe(app.clock.now().toISOString());
  });

  it('holds a type-limited key to its types: another type is 403, a mixed batch stores nothing', async () => {
    const made = await makeKey({ name: 'Renewal only', types: ['renewal_price'] });
    expect(made.types).toEqual(['renewal_price']);
    expect((await withKey(made.key).one(renewal())).status).toBe(201);
    const refused = await withKey(made.key).one(fraud());
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ingest_type_not_allowed');

    const count = await app.store.decisions.count();
    const mixed = await withKey(made.key).batch([renewal(), fraud(), renewal()]);
    expect(mixed.status).toBe(403);
    expect(mixed.body.code).toBe('ingest_type_not_allowed');
    expect(mixed.body.errors).toEqual([{ path: 'decisions[1].type', message: 'this key may not write fraud_flag' }]);
    expect(await app.store.decisions.count()).toBe(count);
    expect((await withKey(made.key).batch([renewal(), renewal()])).body.accepted).toBe(2);
  });

  it('rotates with an overlap: both keys work until it ends, then only the new one', async () => {
    const made = await makeKey({ name: 'Fraud engine' });
    const rotated = await (await admin()).post(`/api/admin/ingest-keys/${made.id}/rotate`).send({ overlapHours: 2 });
    expect(rotated.status).toBe(200);
    const fresh: string = rotated.body.key;
    expect(fresh).not.toBe(made.key);
    expect(rotated.body).toMatchObject({ previousPrefix: made.prefix, previousRetiresAt: new Date(app.clock.now().getTime() + 2 * 3_600_000).toISOString() });
    expect((await withKey(made.key).one(fraud())).status).toBe(201);
    expect((await withKey(fresh).one(fraud())).status).toBe(201);
    app.clock.advance(2 * 3_600_000);
    expect((await withKey(made.key).one(fraud())).status).toBe(401);
    expect((await withKey(fresh).one(fraud())).status).toBe(201);

    // The default overlap is 24 hours; 0 ends the old key at once.
    const byDefault = await (await admin()).post(`/api/admin/ingest-keys/${made.id}/rotate`);
    expect(byDefault.body.previousRetiresAt).toBe(new Date(app.clock.now().getTime() + 24 * 3_600_000).toISOString());
    const atOnce = await (await admin()).post(`/api/admin/ingest-keys/${made.id}/rotate`).send({ overlapHours: 0 });
    expect((await withKey(byDefault.body.key).one(fraud())).status).toBe(401);
    expect((await withKey(atOnce.body.key).one(fraud())).status).toBe(201);
  });

  it('revokes a key (and its predecessor in the overlap): 401 at once, and no rotation after', async () => {
    const made = await makeKey({ name: 'Retired engine' });
    const rotated = await (await admin()).post(`/api/admin/ingest-keys/${made.id}/rotate`).send({});
    const revoked = await (await admin()).post(`/api/admin/ingest-keys/${made.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toBe(app.clock.now().toISOString());
    for (const key of [made.key, rotated.body.key as string]) {
      const res = await withKey(key).one(renewal());
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toContain('invalid_token');
    }
    expect((await (await admin()).post(`/api/admin/ingest-keys/${made.id}/rotate`)).body.code).toBe('invalid_state');
    expect((await (await admin()).post('/api/admin/ingest-keys/ik_nothing/revoke')).status).toBe(404);
    // The bootstrap key of INGEST_API_KEYS still works beside the store's keys.
    expect((await app.ingest().post('/api/decisions').send(renewal())).status).toBe(201);
  });

  it('never shows a key again: not in lists, the staff log or the server log', async () => {
    const made = await makeKey({ name: 'Secret keeper', types: ['fraud_flag'] });
    await withKey(made.key).one(fraud()).expect(201);
    const rotated = await (await admin()).post(`/api/admin/ingest-keys/${made.id}/rotate`);
    const later = JSON.stringify([
      (await (await admin()).get('/api/admin/ingest-keys')).body,
      (await (await app.as('governance')).get('/api/audit/staff-log?limit=500')).body,
    ]);
    for (const key of [made.key, rotated.body.key as string]) {
      expect(later).not.toContain(key);
      expect(JSON.stringify(await app.store.staffLog.list())).not.toContain(key);
      expect(logLines.join('\n')).not.toContain(key);
    }
    const actions = (await app.store.staffLog.list()).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['ingest_key_created', 'ingest_key_rotated', 'ingest_key_revoked']));
  });
});
