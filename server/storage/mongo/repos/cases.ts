import type { Db, Document } from 'mongodb';
import type { CaseFilter, CasePageKey, StoredCase } from '../../store';
import { fromDoc, isDuplicate, toDoc, type StrDoc } from './docs';

export function casesRepo(db: Db) {
  const col = () => db.collection<StrDoc>('cases');
  const query = (filter: CaseFilter): Document => {
    const q: Document = {};
    if (filter.status) q.status = filter.status;
    else if (filter.statuses) q.status = { $in: filter.statuses };
    if (filter.type) q.decisionType = filter.type;
    else if (filter.types) q.decisionType = { $in: filter.types };
    if (filter.origin) q.origin = filter.origin;
    else if (filter.origins) q.origin = { $in: filter.origins };
    if (filter.assignee) q.assignee = filter.assignee;
    if (filter.memberId) q.memberId = filter.memberId;
    if (filter.decisionIds) q.decisionId = { $in: filter.decisionIds };
    if (filter.notProposedBy) q['proposal.proposedBy'] = { $ne: filter.notProposedBy };
    if (filter.dueFrom || filter.dueBefore) {
      q.dueAt = {};
      if (filter.dueFrom) q.dueAt.$gte = filter.dueFrom;
      if (filter.dueBefore) q.dueAt.$lt = filter.dueBefore;
    }
    return q;
  };
  return {
    put: async (c: StoredCase) => {
      try {
        // Never replace a newer version: a late repair must not undo a change made after it.
        await col().replaceOne({ _id: c.id, version: { $lte: c.version } }, toDoc(c) as StrDoc, { upsert: true });
      } catch (error) {
        // The upsert collided with an existing document: either it is newer (nothing to do)
        // or another writer created it at the same moment (write again, now as an update).
        if (!isDuplicate(error)) throw error;
        await col().replaceOne({ _id: c.id, version: { $lte: c.version } }, toDoc(c) as StrDoc);
      }
    },
    get: async (id: string) => fromDoc<StoredCase>(await col().findOne({ _id: id })),
    listForDecision: async (decisionId: string) => (await col().find({ decisionId }).sort({ _id: 1 }).toArray()).map((d) => fromDoc<StoredCase>(d)!),
    page: async (filter: CaseFilter, after: CasePageKey | null, limit: number) => {
      const q = query(filter);
      if (after) {
        const keyset = [{ dueAt: { $gt: after.dueAt } }, { dueAt: after.dueAt, _id: { $gt: after.id } }];
        // dueBefore and the keyset both constrain dueAt; $and keeps both.
        Object.assign(q, q.dueAt ? { $and: [{ dueAt: q.dueAt }, { $or: keyset }] } : { $or: keyset });
        if (q.$and) delete q.dueAt;
      }
      return (await col().find(q).sort({ dueAt: 1, _id: 1 }).limit(limit).toArray()).map((d) => fromDoc<StoredCase>(d)!);
    },
    count: async (filter: CaseFilter) => col().countDocuments(query(filter)),
  };
}
