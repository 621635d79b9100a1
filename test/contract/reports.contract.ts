import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuplicateKeyError, type Store, type StoredReport } from '../../server/storage/store';
import type { StoreKind, TestStore } from '../support/stores';

/** Frozen reports: the document kept byte for byte, one report per seq, newest-first pages. */
export function describeReportsContract(kind: StoreKind) {
  describe(`storage contract, frozen reports [${kind.name}]`, () => {
    let t: TestStore;
    let store: Store;
    beforeEach(async () => {
      t = await kind.open();
      store = t.store;
    });
    afterEach(async () => t.dispose());

    // Canonical JSON with what an adapter might normalise: escapes, non-ASCII, exponents, key order.
    const content = (seq: number) => `{"a":"\\u0000 \\"é\\" 😀\\n","figures":{"x":1e+21,"y":-0.000001,"z":[null,true]},"seq":${seq},"z":"10","é":2}`;
    const report = (seq: number, fields: Partial<StoredReport> = {}): StoredReport => ({
      id: `rep_${String(seq).padStart(24, '0')}`,
      seq,
      from: '2026-11-01',
      to: '2026-11-30',
      type: seq % 2 ? null : 'fraud_flag',
      frozenAt: `2026-11-25T10:00:0${seq}.000Z`,
      frozenBy: 'u_governance',
      prevHash: seq > 1 ? `h${seq - 1}` : '',
      hash: `h${seq}`,
      content: content(seq),
      ...fields,
    });

    it('keeps a report exactly, its document byte for byte, by id and by seq', async () => {
      await store.reports.append(report(1));
      expect(await store.reports.get(report(1).id)).toEqual(report(1));
      expect((await store.reports.bySeq(1))?.content).toBe(content(1));
      expect(await store.reports.get('rep_999999999999999999999999')).toBeNull();
      expect(await store.reports.bySeq(2)).toBeNull();
      expect(await store.reports.latest()).toEqual(report(1));
    });

    it('refuses a taken seq (two freezes at once), whatever the id', async () => {
      await store.reports.append(report(1));
      await expect(store.reports.append(report(1, { id: 'rep_aaaaaaaaaaaaaaaaaaaaaaaa', hash: 'other' }))).rejects.toBeInstanceOf(DuplicateKeyError);
      expect((await store.reports.bySeq(1))?.hash).toBe('h1');
    });

    it('pages newest first below a seq, and scans every report in seq order', async () => {
      for (const seq of [2, 1, 3, 4]) await store.reports.append(report(seq));
      expect((await store.reports.latest())?.seq).toBe(4);
      expect((await store.reports.page(null, 3)).map((r) => r.seq)).toEqual([4, 3, 2]);
      expect((await store.reports.page(2, 3)).map((r) => r.seq)).toEqual([1]);
      const scanned: number[] = [];
      for await (const r of store.reports.scan()) scanned.push(r.seq);
      expect(scanned).toEqual([1, 2, 3, 4]);
    });
  });
}
