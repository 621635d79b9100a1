import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuplicateKeyError, type Store, type StoredIngestKey, type StoredUser } from '../../server/storage/store';
import type { StoreKind, TestStore } from '../support/stores';

/** What the admin console writes: accounts changed whole, sign-ins recorded alone, ingest keys found by digest. */
export function describeAdminContract(kind: StoreKind) {
  describe(`storage contract, people and ingest keys [${kind.name}]`, () => {
    let t: TestStore;
    let store: Store;
    beforeEach(async () => {
      t = await kind.open();
      store = t.store;
    });
    afterEach(async () => t.dispose());

    const nina: StoredUser = {
      id: 'u1',
      username: 'nina',
      roles: ['reviewer'],
      scopes: ['fraud_flag'],
      passwordHash: 'h1',
      createdAt: '2026-11-24T10:00:00.000Z',
    };

    it('replaces an account by id and says whether there was one', async () => {
      await store.users.insert(nina);
      const changed: StoredUser = { ...nina, roles: ['approver'], disabled: true, mustChangePassword: true, displayName: 'Nina' };
      expect(await store.users.update(changed)).toBe(true);
      expect(await store.users.byId('u1')).toEqual(changed);
      expect(await store.users.byUsername('nina')).toEqual(changed);
      expect(await store.users.update({ ...nina, id: 'u404', username: 'nobody' })).toBe(false);
      expect(await store.users.byUsername('nobody')).toBeNull();
    });

    it('records a sign-in without touching the rest of the account', async () => {
      await store.users.insert(nina);
      await store.users.update({ ...nina, disabled: true });
      await store.users.recordSignIn('u1', '2026-11-25T08:00:00.000Z');
      expect(await store.users.byId('u1')).toEqual({ ...nina, disabled: true, lastSignInAt: '2026-11-25T08:00:00.000Z' });
    });

    const key: StoredIngestKey = {
      id: 'ik1',
      name: 'Pricing engine',
      types: ['renewal_price'],
      digest: 'a'.repeat(64),
      prefix: 'rk_aaaaaaa',
      previousDigest: null,
      previousPrefix: null,
      previousRetiresAt: null,
      createdAt: '2026-11-24T10:00:00.000Z',
      rotatedAt: null,
      lastUsedAt: null,
      revokedAt: null,
    };

    it('finds a key by its current or previous digest, and refuses a taken id or digest', async () => {
      await store.ingestKeys.add(key);
      await expect(store.ingestKeys.add({ ...key, id: 'ik2' })).rejects.toBeInstanceOf(DuplicateKeyError);
      await expect(store.ingestKeys.add({ ...key, digest: 'c'.repeat(64) })).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(await store.ingestKeys.byDigest('a'.repeat(64))).toEqual(key);
      const rotated = {
        ...key,
        digest: 'b'.repeat(64),
        previousDigest: 'a'.repeat(64),
        previousRetiresAt: '2026-11-25T10:00:00.000Z',
        rotatedAt: '2026-11-24T10:00:00.000Z',
      };
      await store.ingestKeys.put(rotated);
      expect(await store.ingestKeys.byDigest('a'.repeat(64))).toEqual(rotated);
      expect(await store.ingestKeys.byDigest('b'.repeat(64))).toEqual(rotated);
      expect(await store.ingestKeys.byDigest('c'.repeat(64))).toBeNull();
      await store.ingestKeys.put({ ...rotated, previousDigest: null });
      expect(await store.ingestKeys.byDigest('a'.repeat(64))).toBeNull();
    });

    it('touches lastUsedAt alone and lists keys oldest first', async () => {
      await store.ingestKeys.add({ ...key, id: 'ik2', digest: 'd'.repeat(64), createdAt: '2026-11-24T11:00:00.000Z' });
      await store.ingestKeys.add(key);
      await store.ingestKeys.put({ ...key, revokedAt: '2026-11-24T12:00:00.000Z' });
      await store.ingestKeys.touch('ik1', '2026-11-24T12:30:00.000Z');
      expect(await store.ingestKeys.get('ik1')).toEqual({ ...key, revokedAt: '2026-11-24T12:00:00.000Z', lastUsedAt: '2026-11-24T12:30:00.000Z' });
      expect((await store.ingestKeys.list()).map((k) => k.id)).toEqual(['ik1', 'ik2']);
      expect(await store.ingestKeys.get('ik404')).toBeNull();
    });
  });
}
