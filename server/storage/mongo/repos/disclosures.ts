import type { Db, Document } from 'mongodb';
import { DuplicateKeyError, type DisclosureFilter, type DisclosurePageKey, type StoredDisclosure } from '../../store';
import { fromDoc, insertedFirst, isDuplicate, toDoc, type StrDoc } from './docs';

export function disclosuresRepo(db: Db) {
  const col = () => db.collection<StrDoc>('disclosures');
  const decisions = () => db.collection<StrDoc>('disclosure_decisions');
  const newestFirst = { proposedAt: -1, _id: -1 } as const;
  const list = async (q: Document, limit = 0) => (await col().find(q).sort(newestFirst).limit(limit).toArray()).map((d) => fromDoc<StoredDisclosure>(d)!);
  return {
    insert: async (d: StoredDisclosure) => {
      try {
        await col().insertOne(toDoc(d) as StrDoc);
      } catch (error) {
        if (isDuplicate(error)) throw new DuplicateKeyError(`disclosure ${d.id}`);
        throw error;
      }
    },
    get: async (id: string) => {
      const found = fromDoc<StoredDisclosure>(await col().findOne({ _id: id }));
      if (found?.state !== 'pending') return found;
      // A decision whose marker was written but not yet the register (a crash, or a writer in
      // between) is the decision: the register is brought in line with it.
      const decided = fromDoc<StoredDisclosure>(await decisions().findOne({ _id: id }));
      if (!decided) return found;
      await col().replaceOne({ _id: id }, toDoc(decided) as StrDoc);
      return decided;
    },
    // Single-document writes only (no transactions; FerretDB's filtered replace is no
    // compare-and-set): the unique _id of a marker decides between two approvers.
    decide: async (next: StoredDisclosure) => {
      if (!(await insertedFirst(decisions(), toDoc(next) as StrDoc))) return false;
      await col().replaceOne({ _id: next.id }, toDoc(next) as StrDoc);
      return true;
    },
    replace: async (next: StoredDisclosure) => {
      await col().replaceOne({ _id: next.id }, toDoc(next) as StrDoc);
      // The marker keeps the decided record; erasure reaches it too.
      await decisions().replaceOne({ _id: next.id }, toDoc(next) as StrDoc);
    },
    forCase: async (caseId: string) => list({ caseId }),
    forDecision: async (decisionId: string) => list({ decisionId }),
    forMember: async (memberId: string) => list({ memberId }),
    page: async (filter: DisclosureFilter, after: DisclosurePageKey | null, limit: number) => {
      const q: Document = {};
      if (filter.from || filter.to) {
        q.proposedAt = {};
        if (filter.from) q.proposedAt.$gte = filter.from;
        if (filter.to) q.proposedAt.$lte = filter.to;
      }
      if (filter.kind) q['recipient.kind'] = filter.kind;
      if (filter.state) q.state = filter.state;
      if (after) q.$or = [{ proposedAt: { $lt: after.proposedAt } }, { proposedAt: after.proposedAt, _id: { $lt: after.id } }];
      return list(q, limit);
    },
    countApproved: async (period: { from?: string; to?: string }, kind: string) => {
      const approvedAt: Document = { $ne: null };
      if (period.from) approvedAt.$gte = period.from;
      if (period.to) approvedAt.$lte = period.to;
      return col().countDocuments({ state: 'approved', 'recipient.kind': kind, approvedAt });
    },
  };
}
