import type { Db } from 'mongodb';
import type { ModelEntry } from '@shared/schemas/model';
import { strip, type StrDoc } from './docs';

export function modelsRepo(db: Db) {
  const col = () => db.collection<StrDoc>('models');
  const key = (modelId: string, version: string) => `${modelId}@${version}`;
  return {
    put: async (entry: ModelEntry) =>
      void (await col().replaceOne({ _id: key(entry.modelId, entry.version) }, { _id: key(entry.modelId, entry.version), ...entry }, { upsert: true })),
    get: async (modelId: string, version: string) => strip<ModelEntry>(await col().findOne({ _id: key(modelId, version) })),
    list: async () => (await col().find().sort({ _id: 1 }).toArray()).map((d) => strip<ModelEntry>(d)!),
  };
}
