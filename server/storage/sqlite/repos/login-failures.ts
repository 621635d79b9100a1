import { prefixEnd } from '../../store';
import { type Db } from './rows';

export function loginFailuresRepo(db: Db) {
  const insert = db.prepare('INSERT INTO login_failures (key, at) VALUES (?, ?)');
  const summary = db.prepare<[string, string], { count: number; first: string | null; last: string | null }>(
    'SELECT count(*) AS count, min(at) AS first, max(at) AS last FROM login_failures WHERE key = ? AND at >= ?',
  );
  const clear = db.prepare('DELETE FROM login_failures WHERE key = ?');
  const clearRange = db.prepare('DELETE FROM login_failures WHERE key >= ? AND key < ?');
  const deleteBefore = db.prepare('DELETE FROM login_failures WHERE at < ?');
  return {
    record: async (key: string, at: string) => void insert.run(key, at),
    summarySince: async (key: string, since: string) => summary.get(key, since)!,
    clear: async (key: string) => void clear.run(key),
    clearPrefix: async (prefix: string) => void clearRange.run(prefix, prefixEnd(prefix)),
    deleteBefore: async (before: string) => deleteBefore.run(before).changes,
  };
}
