import { type Db } from './rows';

export function metaRepo(db: Db) {
  const insert = db.prepare('INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT(name) DO NOTHING');
  const get = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE name = ?');
  return {
    get: async (name: string) => get.get(name)?.value ?? null,
    putIfAbsent: async (name: string, value: string) => insert.run(name, value).changes === 1,
  };
}
