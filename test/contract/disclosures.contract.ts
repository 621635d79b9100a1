import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuplicateKeyError, type Store, type StoredDisclosure } from '../../server/storage/store';
import type { StoreKind, TestStore } from '../support/stores';

/** The disclosure register: inserted once, decided once, paged newest first, counted per recipient kind. */
export function describeDisclosuresContract(kind: StoreKind) {
  describe(`storage contract, disclosure register [${kind.name}]`, () => {
    let t: TestStore;
    let store: Store;
    beforeEach(async () => {
      t = await kind.open();
      store = t.store;
    });
    afterEach(async () => t.dispose());

    const disclosure = (n: number, fields: Partial<StoredDisclosure> = {}): StoredDisclosure => ({
      id: `dsc_${String(n).padStart(24, '0')}`,
      caseId: `case_${'a'.repeat(24)}_1`,
      decisionId: `dec_${'a'.repeat(24)}`,
      decisionType: 'fraud_flag',
      memberId: 'M-1001',
      recipient: { kind: 'employer', name: 'Brouwerij De Klok NV' },
      fields: ['caseReference', 'outcome'],
      reasons: {},
      purpose: null,
      state: 'pending',
      proposedBy: { id: 'u1', username: 'fraud.reviewer' },
      proposedAt: `2026-11-2${n}T10:00:00.000Z`,
      decidedBy: null,
      decidedAt: null,
      approvedAt: null,
      rationale: null,
      erased: false,
      version: 1,
      ...fields,
    });
    const decided = (d: StoredDisclosure, approvedAt: string | null): StoredDisclosure => ({
      ...d,
      state: approvedAt ? 'approved' : 'rejected',
      decidedBy: { id: 'u2', username: 'senior.reviewer' },
      decidedAt: approvedAt ?? '2026-11-29T10:00:00.000Z',
      approvedAt,
      rationale: 'Second look: proportionate.',
      version: d.version + 1,
    });

    it('inserts once, reads back exactly, and lists by case, decision and member newest first', async () => {
      await store.disclosures.insert(disclosure(1));
      await store.disclosures.insert(disclosure(2, { caseId: `case_${'b'.repeat(24)}_1`, decisionId: `dec_${'b'.repeat(24)}`, memberId: 'M-1002' }));
      await store.disclosures.insert(
        disclosure(3, { reasons: { claimId: 'The employer must match the claim.' }, fields: ['caseReference', 'outcome', 'claimId'] }),
      );
      await expect(store.disclosures.insert(disclosure(1))).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(await store.disclosures.get(disclosure(3).id)).toEqual(
        disclosure(3, { reasons: { claimId: 'The employer must match the claim.' }, fields: ['caseReference', 'outcome', 'claimId'] }),
      );
      expect(await store.disclosures.get('dsc_none')).toBeNull();
      const ids = (list: StoredDisclosure[]) => list.map((d) => d.id.slice(-1));
      expect(ids(await store.disclosures.forCase(`case_${'a'.repeat(24)}_1`))).toEqual(['3', '1']);
      expect(ids(await store.disclosures.forDecision(`dec_${'b'.repeat(24)}`))).toEqual(['2']);
      expect(ids(await store.disclosures.forMember('M-1001'))).toEqual(['3', '1']);
    });

    it('decides a pending disclosure once: the second decision does not take', async () => {
      const d = disclosure(1);
      await store.disclosures.insert(d);
      const results = await Promise.all([store.disclosures.decide(decided(d, '2026-11-28T10:00:00.000Z')), store.disclosures.decide(decided(d, null))]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const stored = (await store.disclosures.get(d.id))!;
      expect(stored.state).toBe(results[0] ? 'approved' : 'rejected');
      expect(await store.disclosures.decide(decided(d, null))).toBe(false);
      expect((await store.disclosures.get(d.id))!.state).toBe(stored.state);
    });

    it('pages the register with filters and counts the approved ones per kind in a period', async () => {
      for (const n of [1, 2, 3, 4, 5]) {
        await store.disclosures.insert(disclosure(n, n === 4 ? { recipient: { kind: 'police', name: 'Federale politie' } } : {}));
      }
      await store.disclosures.decide(decided(disclosure(1), '2026-11-26T10:00:00.000Z'));
      await store.disclosures.decide(decided(disclosure(2), '2026-11-27T10:00:00.000Z'));
      await store.disclosures.decide(decided(disclosure(3), null));
      await store.disclosures.decide(decided(disclosure(4, { recipient: { kind: 'police', name: 'Federale politie' } }), '2026-11-27T11:00:00.000Z'));
      const ids = (list: StoredDisclosure[]) => list.map((d) => d.id.slice(-1));
      const first = await store.disclosures.page({}, null, 2);
      expect(ids(first)).toEqual(['5', '4']);
      const last = first[1]!;
      expect(ids(await store.disclosures.page({}, { proposedAt: last.proposedAt, id: last.id }, 10))).toEqual(['3', '2', '1']);
      expect(ids(await store.disclosures.page({ state: 'approved' }, null, 10))).toEqual(['4', '2', '1']);
      expect(ids(await store.disclosures.page({ kind: 'police' }, null, 10))).toEqual(['4']);
      expect(ids(await store.disclosures.page({ from: '2026-11-22T00:00:00.000Z', to: '2026-11-23T23:59:59.999Z' }, null, 10))).toEqual(['3', '2']);
      expect(await store.disclosures.countApproved({}, 'employer')).toBe(2);
      expect(await store.disclosures.countApproved({ from: '2026-11-27T00:00:00.000Z' }, 'employer')).toBe(1);
      expect(await store.disclosures.countApproved({ to: '2026-11-26T23:00:00.000Z' }, 'employer')).toBe(1);
      expect(await store.disclosures.countApproved({}, 'police')).toBe(1);
      expect(await store.disclosures.countApproved({}, 'fraud_register')).toBe(0);
    });

    it('replaces a record (erasure) and finds it no longer by member', async () => {
      const d = decided(disclosure(1), '2026-11-26T10:00:00.000Z');
      await store.disclosures.insert(disclosure(1));
      await store.disclosures.decide(d);
      await store.disclosures.replace({ ...d, memberId: 'ERASED', reasons: {}, rationale: null, erased: true, version: d.version + 1 });
      expect(await store.disclosures.forMember('M-1001')).toEqual([]);
      expect(await store.disclosures.get(d.id)).toMatchObject({ memberId: 'ERASED', erased: true, state: 'approved', rationale: null });
      expect(await store.disclosures.countApproved({}, 'employer')).toBe(1);
    });
  });
}
