import type { Db } from 'mongodb';
import { isDuplicate, type StrDoc } from './docs';

export function metaRepo(db: Db) {
  const col = () => db.collection<StrDoc>('meta');
  return {
    get: async (name: string) => {
      const doc = await col().findOne({ _id: name });
      return typeof doc?.value === 'string' ? doc.value : null;
    },
    putIfAbsent: async (name: string, value: string) => {
      try {
        await col().insertOne({ _id: name, value });
        return true;
      } catch (error) {
        if (!isDuplicate(error)) throw error;
        return false;
      }
    },
  };
}
