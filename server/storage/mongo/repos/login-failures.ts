import type { Db } from 'mongodb';
import { prefixEnd } from '../../store';

export function loginFailuresRepo(db: Db) {
  const col = () => db.collection('login_failures');
  return {
    record: async (key: string, at: string) => void (await col().insertOne({ key, at })),
    // FerretDB 1.24 has no $min/$max accumulators: the first and last come from two sorted reads.
    summarySince: async (key: string, since: string) => {
      const filter = { key, at: { $gte: since } };
      const [count, first, last] = await Promise.all([
        col().countDocuments(filter),
        col().findOne(filter, { sort: { at: 1 }, projection: { at: 1 } }),
        col().findOne(filter, { sort: { at: -1 }, projection: { at: 1 } }),
      ]);
      return { count, first: (first?.at as string | undefined) ?? null, last: (last?.at as string | undefined) ?? null };
    },
    clear: async (key: string) => void (await col().deleteMany({ key })),
    clearPrefix: async (prefix: string) => void (await col().deleteMany({ key: { $gte: prefix, $lt: prefixEnd(prefix) } })),
    deleteBefore: async (before: string) => (await col().deleteMany({ at: { $lt: before } })).deletedCount,
  };
}
