import { DuplicateKeyError, type StoredIngestKey } from '../../store';
import { type Db, isUniqueViolation, parse } from './rows';

export function ingestKeysRepo(db: Db) {
  const insert = db.prepare('INSERT INTO ingest_keys (id, digest, previous_digest, created_at, doc) VALUES (?, ?, ?, ?, ?)');
  const update = db.prepare('UPDATE ingest_keys SET digest = ?, previous_digest = ?, doc = ? WHERE id = ?');
  // json_set changes lastUsedAt alone, in one statement: a rotation written meanwhile stays.
  const touch = db.prepare("UPDATE ingest_keys SET doc = json_set(doc, '$.lastUsedAt', ?) WHERE id = ?");
  const get = db.prepare<[string], { doc: string }>('SELECT doc FROM ingest_keys WHERE id = ?');
  const byDigest = db.prepare<[string, string], { doc: string }>('SELECT doc FROM ingest_keys WHERE digest = ? OR previous_digest = ? LIMIT 1');
  const list = db.prepare<[], { doc: string }>('SELECT doc FROM ingest_keys ORDER BY created_at, id');
  return {
    add: async (key: StoredIngestKey) => {
      try {
        insert.run(key.id, key.digest, key.previousDigest, key.createdAt, JSON.stringify(key));
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateKeyError(`ingest key ${key.id}`);
        throw error;
      }
    },
    get: async (id: string) => parse<StoredIngestKey>(get.get(id)),
    byDigest: async (digest: string) => parse<StoredIngestKey>(byDigest.get(digest, digest)),
    put: async (key: StoredIngestKey) => void update.run(key.digest, key.previousDigest, JSON.stringify(key), key.id),
    touch: async (id: string, lastUsedAt: string) => void touch.run(lastUsedAt, id),
    list: async () => list.all().map((r) => JSON.parse(r.doc) as StoredIngestKey),
  };
}
