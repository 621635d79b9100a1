import type { Db } from 'mongodb';
import { endedLeasesBefore, leaseTerm } from '../../leases';
import { isDuplicate, type StrDoc } from './docs';

export function leasesRepo(db: Db) {
  const col = () => db.collection<StrDoc>('leases');
  return {
    tryAcquire: async (name: string, holder: string, now: Date, ttlMs: number) => {
      const { key, expiresAt } = leaseTerm(name, now, ttlMs);
      try {
        await col().insertOne({ _id: key, holder, expiresAt } as unknown as StrDoc);
      } catch (error) {
        if (!isDuplicate(error)) throw error;
        return (await col().findOne({ _id: key }))?.holder === holder;
      }
      // Should this fail, the next tick finds the term ours (the holder check above) and runs the job then.
      await col().deleteMany({ expiresAt: { $lt: endedLeasesBefore(now) } });
      return true;
    },
  };
}
