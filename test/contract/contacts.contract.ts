import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store, StoredContact } from '../../server/storage/store';
import type { StoreKind, TestStore } from '../support/stores';

/** Member contact data: one record per member, replaced whole, removed on erasure. */
export function describeContactsContract(kind: StoreKind) {
  describe(`storage contract, contacts [${kind.name}]`, () => {
    let t: TestStore;
    let store: Store;
    beforeEach(async () => {
      t = await kind.open();
      store = t.store;
    });
    afterEach(async () => t.dispose());

    const anna: StoredContact = { memberId: 'M-1001', email: 'anna@example.org', language: 'nl', emailOptOut: false, updatedAt: '2026-11-24T10:00:00.000Z' };

    it('keeps one record per member, replaced whole by a later put', async () => {
      expect(await store.contacts.get('M-1001')).toBeNull();
      await store.contacts.put(anna);
      await store.contacts.put({ ...anna, memberId: 'M-1002', email: null, language: 'fr' });
      expect(await store.contacts.get('M-1001')).toEqual(anna);
      const changed = { ...anna, email: 'anna@example.net', emailOptOut: true, updatedAt: '2026-11-25T10:00:00.000Z' };
      await store.contacts.put(changed);
      expect(await store.contacts.get('M-1001')).toEqual(changed);
      expect(await store.contacts.get('M-1002')).toMatchObject({ email: null, language: 'fr' });
    });

    it('deletes a member record and says whether there was one', async () => {
      await store.contacts.put(anna);
      expect(await store.contacts.delete('M-1001')).toBe(true);
      expect(await store.contacts.get('M-1001')).toBeNull();
      expect(await store.contacts.delete('M-1001')).toBe(false);
    });
  });
}
