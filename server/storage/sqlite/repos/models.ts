import type { ModelEntry } from '@shared/schemas/model';
import { type Db, parse } from './rows';

export function modelsRepo(db: Db) {
  const put = db.prepare('INSERT INTO models (model_id, version, doc) VALUES (?, ?, ?) ON CONFLICT(model_id, version) DO UPDATE SET doc = excluded.doc');
  const get = db.prepare<[string, string], { doc: string }>('SELECT doc FROM models WHERE model_id = ? AND version = ?');
  const list = db.prepare<[], { doc: string }>('SELECT doc FROM models ORDER BY model_id, version');
  return {
    put: async (entry: ModelEntry) => void put.run(entry.modelId, entry.version, JSON.stringify(entry)),
    get: async (modelId: string, version: string) => parse<ModelEntry>(get.get(modelId, version)),
    list: async () => list.all().map((r) => JSON.parse(r.doc) as ModelEntry),
  };
}
