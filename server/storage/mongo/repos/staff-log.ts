import type { Db } from 'mongodb';
import { DuplicateKeyError, type StaffLogEntry } from '../../store';
import { isDuplicate, strip, type StrDoc } from './docs';

export function staffLogRepo(db: Db) {
  const col = () => db.collection<StrDoc>('staff_log');
  return {
    append: async (entry: StaffLogEntry) => {
      try {
        await col().insertOne({ _id: entry.seq, ...entry } as unknown as StrDoc);
      } catch (error) {
        if (isDuplicate(error)) throw new DuplicateKeyError(`staff log ${entry.seq}`);
        throw error;
      }
    },
    latest: async () => strip<StaffLogEntry>((await col().find().sort({ _id: -1 }).limit(1).toArray())[0] ?? null),
    list: async () => (await col().find().sort({ _id: 1 }).toArray()).map((d) => strip<StaffLogEntry>(d)!),
  };
}
