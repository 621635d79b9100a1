import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuplicateKeyError, type Store, type StoredAttachment, type StoredMemberRequest } from '../../server/storage/store';
import type { StoreKind, TestStore } from '../support/stores';

/** Case documents (bytes kept exactly, lists without them) and members' requests. */
export function describeAttachmentsContract(kind: StoreKind) {
  describe(`storage contract, case documents and member requests [${kind.name}]`, () => {
    let t: TestStore;
    let store: Store;
    beforeEach(async () => {
      t = await kind.open();
      store = t.store;
    });
    afterEach(async () => t.dispose());

    // Every byte value, so an adapter that stores text or trims a NUL shows.
    const bytes = new Uint8Array(Array.from({ length: 1024 }, (_, i) => i % 256));
    const doc = (id: string, fields: Partial<StoredAttachment> = {}): StoredAttachment => ({
      id,
      caseId: 'case_aaaaaaaaaaaaaaaaaaaaaaaa_1',
      decisionId: 'dec_aaaaaaaaaaaaaaaaaaaaaaaa',
      memberId: 'M-1001',
      fileName: 'invoice.pdf',
      mediaType: 'application/pdf',
      size: bytes.length,
      uploadedAt: '2026-11-25T10:00:00.000Z',
      uploadedBy: 'member',
      bytes,
      ...fields,
    });

    it('keeps the bytes exactly, and lists a case and a member without them, oldest first', async () => {
      await store.attachments.add(doc('att_2', { uploadedAt: '2026-11-25T11:00:00.000Z' }));
      await store.attachments.add(doc('att_1'));
      await store.attachments.add(doc('att_3', { caseId: 'case_bbbbbbbbbbbbbbbbbbbbbbbb_1', memberId: 'M-1002' }));
      const got = await store.attachments.get('att_1');
      expect(Buffer.compare(Buffer.from(got!.bytes), Buffer.from(bytes))).toBe(0);
      const { bytes: _bytes, ...described } = doc('att_1');
      expect({ ...got, bytes: undefined }).toEqual({ ...described, bytes: undefined });
      const listed = await store.attachments.listForCase('case_aaaaaaaaaaaaaaaaaaaaaaaa_1');
      expect(listed.map((a) => a.id)).toEqual(['att_1', 'att_2']);
      expect(listed.every((a) => !('bytes' in a))).toBe(true);
      expect((await store.attachments.listForMember('M-1002')).map((a) => a.id)).toEqual(['att_3']);
      expect(await store.attachments.get('att_9')).toBeNull();
    });

    it('refuses a taken id, deletes one, and deletes a member’s all', async () => {
      await store.attachments.add(doc('att_1'));
      await expect(store.attachments.add(doc('att_1'))).rejects.toBeInstanceOf(DuplicateKeyError);
      await store.attachments.add(doc('att_2'));
      await store.attachments.add(doc('att_3', { memberId: 'M-1002' }));
      await store.attachments.delete('att_2');
      expect(await store.attachments.get('att_2')).toBeNull();
      expect(await store.attachments.deleteForMember('M-1001')).toBe(1);
      expect(await store.attachments.listForMember('M-1001')).toEqual([]);
      expect(await store.attachments.get('att_3')).not.toBeNull();
    });

    it('keeps members’ requests, replaced by id, newest first per member and in all', async () => {
      const request = (id: string, memberId: string, filedAt: string): StoredMemberRequest => ({
        id,
        memberId,
        kind: 'erasure',
        details: null,
        status: 'received',
        filedAt,
        updatedAt: filedAt,
      });
      await store.memberRequests.put(request('req_1', 'M-1001', '2026-11-20T10:00:00.000Z'));
      await store.memberRequests.put(request('req_2', 'M-1002', '2026-11-21T10:00:00.000Z'));
      await store.memberRequests.put(request('req_3', 'M-1001', '2026-11-22T10:00:00.000Z'));
      await store.memberRequests.put({ ...request('req_1', 'M-1001', '2026-11-20T10:00:00.000Z'), status: 'done', updatedAt: '2026-11-23T10:00:00.000Z' });
      expect((await store.memberRequests.list()).map((r) => r.id)).toEqual(['req_3', 'req_2', 'req_1']);
      expect((await store.memberRequests.forMember('M-1001')).map((r) => r.id)).toEqual(['req_3', 'req_1']);
      expect(await store.memberRequests.get('req_1')).toMatchObject({ status: 'done', updatedAt: '2026-11-23T10:00:00.000Z' });
      // Erasure rewrites the member id: the request leaves the member's list.
      await store.memberRequests.put({ ...(await store.memberRequests.get('req_3'))!, memberId: 'ERASED' });
      expect((await store.memberRequests.forMember('M-1001')).map((r) => r.id)).toEqual(['req_1']);
    });

    it('answers a request by compare-and-set: one of two writers at the same version wins; one stored without a version is version 1', async () => {
      const at = '2026-11-24T10:00:00.000Z';
      await store.memberRequests.put({ id: 'req_cas', memberId: 'M-1001', kind: 'erasure', details: null, status: 'received', filedAt: at, updatedAt: at });
      const next = (status: 'refused' | 'in_progress') => ({ ...request0(at), status, version: 2 });
      const request0 = (filedAt: string) =>
        ({ id: 'req_cas', memberId: 'M-1001', kind: 'erasure', details: null, status: 'received', filedAt, updatedAt: filedAt }) as const;
      const results = await Promise.all([
        store.memberRequests.compareAndSet('req_cas', 1, next('refused')),
        store.memberRequests.compareAndSet('req_cas', 1, next('in_progress')),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const won = await store.memberRequests.get('req_cas');
      expect(won).toMatchObject({ version: 2, status: results[0] ? 'refused' : 'in_progress' });
      expect(await store.memberRequests.compareAndSet('req_cas', 1, next('refused'))).toBe(false);
      expect(await store.memberRequests.compareAndSet('req_cas', 2, { ...won!, status: 'done', version: 3 })).toBe(true);
      expect(await store.memberRequests.get('req_cas')).toMatchObject({ status: 'done', version: 3 });
    });
  });
}
