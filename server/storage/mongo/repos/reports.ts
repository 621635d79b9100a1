import type { Db } from 'mongodb';
import { DuplicateKeyError, type StoredReport } from '../../store';
import { fromDoc, isDuplicate, toDoc, type StrDoc } from './docs';

/** Frozen reports by id; the unique index on seq (indexes.ts) keeps the report chain from forking. */
export function reportsRepo(db: Db) {
  const col = () => db.collection<StrDoc>('reports');
  const one = async (filter: Record<string, unknown>) => fromDoc<StoredReport>(await col().findOne(filter));
  return {
    append: async (report: StoredReport) => {
      try {
        await col().insertOne(toDoc(report));
      } catch (error) {
        if (isDuplicate(error)) throw new DuplicateKeyError(`report ${report.seq}`);
        throw error;
      }
    },
    get: (id: string) => one({ _id: id }),
    bySeq: (seq: number) => one({ seq }),
    latest: async () => fromDoc<StoredReport>((await col().find().sort({ seq: -1 }).limit(1).toArray())[0] ?? null),
    page: async (beforeSeq: number | null, limit: number) =>
      (
        await col()
          .find(beforeSeq === null ? {} : { seq: { $lt: beforeSeq } })
          .sort({ seq: -1 })
          .limit(limit)
          .toArray()
      ).map((d) => fromDoc<StoredReport>(d)!),
    scan: async function* () {
      for await (const doc of col().find().sort({ seq: 1 }).batchSize(50)) yield fromDoc<StoredReport>(doc)!;
    },
  };
}
