import type { Db } from 'mongodb';
import { DuplicateKeyError, type StoredIngestKey } from '../../store';
import { fromDoc, isDuplicate, toDoc, type StrDoc } from './docs';

export function ingestKeysRepo(db: Db) {
  const col = () => db.collection<StrDoc>('ingest_keys');
  return {
    add: async (key: StoredIngestKey) => {
      try {
        await col().insertOne(toDoc(key) as StrDoc);
      } catch (error) {
        if (isDuplicate(error)) throw new DuplicateKeyError(`ingest key ${key.id}`);
        throw error;
      }
    },
    get: async (id: string) => fromDoc<StoredIngestKey>(await col().findOne({ _id: id })),
    byDigest: async (digest: string) => fromDoc<StoredIngestKey>(await col().findOne({ $or: [{ digest }, { previousDigest: digest }] })),
    put: async (key: StoredIngestKey) => void (await col().replaceOne({ _id: key.id }, toDoc(key))),
    touch: async (id: string, lastUsedAt: string) => void (await col().updateOne({ _id: id }, { $set: { lastUsedAt } })),
    list: async () => (await col().find().sort({ createdAt: 1, _id: 1 }).toArray()).map((d) => fromDoc<StoredIngestKey>(d)!),
  };
}
