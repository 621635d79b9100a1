import { MongoBulkWriteError, type Db, type Document } from 'mongodb';
import type { DecisionOutput } from '@shared/schemas/decision';
import type { DecisionFilter, DecisionPageKey, StoredDecision } from '../../store';
import { writeFollowUps, type DecisionToInsert, type FollowUpWriters } from '../../ingest-follow-ups';
import { DUPLICATE_KEY, fromDoc, scan, toDoc, type StrDoc } from './docs';

export function decisionsRepo(db: Db, writers: FollowUpWriters<Promise<void>>) {
  const col = () => db.collection<StrDoc>('decisions');
  return {
    insertMany: async (items: readonly DecisionToInsert[]) => {
      if (items.length === 0) return { inserted: [], duplicates: [] };
      const records = items.map((item) => item.decision);
      const duplicateIndexes = new Set<number>();
      try {
        await col().insertMany(records.map(toDoc) as StrDoc[], { ordered: false });
      } catch (error) {
        if (!(error instanceof MongoBulkWriteError)) throw error;
        const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
        for (const writeError of writeErrors) {
          if (writeError.code !== DUPLICATE_KEY) throw error;
          duplicateIndexes.add(writeError.index);
        }
      }
      const inserted: string[] = [];
      const duplicates: string[] = [];
      records.forEach((r, i) => (duplicateIndexes.has(i) ? duplicates : inserted).push(r.id));
      // In order, one document per write: an event before its case, as commitCaseChange does.
      await writeFollowUps(items, new Set(inserted), writers);
      return { inserted, duplicates };
    },
    get: async (id: string) => fromDoc<StoredDecision>(await col().findOne({ _id: id })),
    getMany: async (ids: string[]) =>
      (
        await col()
          .find({ _id: { $in: ids } })
          .toArray()
      ).map((d) => fromDoc<StoredDecision>(d)!),
    idsBySubjectRef: async (ref: string, limit: number) => {
      const find = (field: string) =>
        col()
          .find({ [field]: ref }, { projection: { _id: 1 } })
          .limit(limit)
          .toArray();
      const [claims, policies] = await Promise.all([find('subject.claimId'), find('subject.policyId')]);
      return [...new Set([...claims, ...policies].map((d) => String(d._id)))].slice(0, limit);
    },
    page: async (filter: DecisionFilter, after: DecisionPageKey | null, limit: number) => {
      const query: Document = {};
      if (filter.type) query.type = filter.type;
      // The service only combines `type` with `types` when the type is within them.
      if (filter.types && !filter.type) query.type = { $in: filter.types };
      if (filter.memberId) query['subject.memberId'] = filter.memberId;
      if (filter.modelId) query['model.id'] = filter.modelId;
      if (filter.modelVersion) query['model.version'] = filter.modelVersion;
      if (filter.from || filter.to) {
        query.decidedAt = {};
        if (filter.from) query.decidedAt.$gte = filter.from;
        if (filter.to) query.decidedAt.$lte = filter.to;
      }
      if (after) {
        query.$or = [{ decidedAt: { $lt: after.decidedAt } }, { decidedAt: after.decidedAt, _id: { $lt: after.id } }];
      }
      const docs = await col().find(query).sort({ decidedAt: -1, _id: -1 }).limit(limit).toArray();
      return docs.map((d) => fromDoc<StoredDecision>(d)!);
    },
    firstDecidedAt: async (model: { id: string; version: string }, from: string, to: string) => {
      const query = { 'model.id': model.id, 'model.version': model.version, decidedAt: { $gte: from, $lte: to } };
      const [first] = await col()
        .find(query, { projection: { decidedAt: 1 } })
        .sort({ decidedAt: 1 })
        .limit(1)
        .toArray();
      return typeof first?.decidedAt === 'string' ? first.decidedAt : null;
    },
    scanById: () => scan<StoredDecision>(col(), { _id: 1 }, fromDoc),
    count: async () => col().countDocuments(),
    setEffectiveOutcome: async (id: string, effectiveOutcome: DecisionOutput, overridden: boolean) =>
      void (await col().updateOne({ _id: id }, { $set: { effectiveOutcome, overridden } })),
    linkSuperseded: async (oldId: string, newId: string, effectiveOutcome: DecisionOutput) => {
      // One document, compare-and-set: only while nobody else superseded it ($in [null] also matches a missing field).
      const result = await col().updateOne({ _id: oldId, supersededBy: { $in: [null, newId] } }, { $set: { effectiveOutcome, supersededBy: newId } });
      return result.matchedCount === 1;
    },
    replaceErased: async (record: StoredDecision) => void (await col().replaceOne({ _id: record.id }, toDoc(record) as StrDoc)),
  };
}
