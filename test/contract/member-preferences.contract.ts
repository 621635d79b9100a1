import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store, StoredMemberPreferences } from '../../server/storage/store';
import type { StoreKind, TestStore } from '../support/stores';

/** Members' standing requests and consent withdrawals (issue 18): one document per member, compare-and-set. */
export function describeMemberPreferencesContract(kind: StoreKind) {
  describe(`storage contract, member preferences [${kind.name}]`, () => {
    let t: TestStore;
    let store: Store;
    beforeEach(async () => {
      t = await kind.open();
      store = t.store;
    });
    afterEach(async () => t.dispose());

    const at = '2026-11-25T10:00:00.000Z';
    const prefs = (memberId: string, version: number, over: Partial<StoredMemberPreferences> = {}): StoredMemberPreferences => ({
      memberId,
      humanReviewSince: { renewal_price: at },
      consentWithdrawn: {},
      history: [{ change: 'human_review_requested', type: 'renewal_price', at, channel: 'portal' }],
      active: true,
      version,
      ...over,
    });

    it('inserts at version 0, moves on only from the version read, and refuses a stale writer', async () => {
      expect(await store.memberPreferences.get('M-1001')).toBeNull();
      expect(await store.memberPreferences.compareAndSet(prefs('M-1001', 1), 0)).toBe(true);
      expect(await store.memberPreferences.compareAndSet(prefs('M-1001', 1, { consentWithdrawn: { risk_score: at } }), 0)).toBe(false);
      expect(await store.memberPreferences.get('M-1001')).toEqual(prefs('M-1001', 1));
      const next = prefs('M-1001', 2, { humanReviewSince: {}, active: false });
      expect(await store.memberPreferences.compareAndSet(next, 1)).toBe(true);
      expect(await store.memberPreferences.compareAndSet(prefs('M-1001', 2), 1)).toBe(false);
      expect(await store.memberPreferences.get('M-1001')).toEqual(next);
    });

    it('lets exactly one of two writers from the same version win', async () => {
      await store.memberPreferences.compareAndSet(prefs('M-1001', 1), 0);
      const results = await Promise.all([
        store.memberPreferences.compareAndSet(prefs('M-1001', 2, { consentWithdrawn: { risk_score: at } }), 1),
        store.memberPreferences.compareAndSet(prefs('M-1001', 2, { consentWithdrawn: { fraud_flag: at } }), 1),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await store.memberPreferences.get('M-1001'))!.version).toBe(2);
    });

    it('answers whether anything is in force, which members of a list have it, and counts per type', async () => {
      expect(await store.memberPreferences.anyActive()).toBe(false);
      await store.memberPreferences.compareAndSet(prefs('M-1003', 1, { humanReviewSince: {}, active: false }), 0);
      expect(await store.memberPreferences.anyActive()).toBe(false);
      await store.memberPreferences.compareAndSet(prefs('M-1001', 1), 0);
      await store.memberPreferences.compareAndSet(prefs('M-1002', 1, { consentWithdrawn: { risk_score: at, fraud_flag: at } }), 0);
      expect(await store.memberPreferences.anyActive()).toBe(true);
      const found = await store.memberPreferences.activeFor(['M-1001', 'M-1003', 'M-1004', 'M-1001']);
      expect(found.map((p) => p.memberId)).toEqual(['M-1001']);
      expect(await store.memberPreferences.counts()).toEqual({
        humanReview: { renewal_price: 2, fraud_flag: 0, risk_score: 0 },
        consentWithdrawn: { renewal_price: 0, fraud_flag: 1, risk_score: 1 },
      });
    });

    it('deletes a member document (erasure) and says whether there was one', async () => {
      await store.memberPreferences.compareAndSet(prefs('M-1001', 1), 0);
      await store.memberPreferences.compareAndSet(prefs('M-1001', 2), 1);
      expect(await store.memberPreferences.delete('M-1001')).toBe(true);
      expect(await store.memberPreferences.delete('M-1001')).toBe(false);
      expect(await store.memberPreferences.get('M-1001')).toBeNull();
      // A member who comes back starts afresh at version 0.
      expect(await store.memberPreferences.compareAndSet(prefs('M-1001', 1), 0)).toBe(true);
    });
  });
}
