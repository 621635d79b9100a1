import type { StoredSession } from '../../store';
import { type Db, parse } from './rows';

export function sessionsRepo(db: Db) {
  const insert = db.prepare('INSERT INTO sessions (token_hash, user_id, doc) VALUES (?, ?, ?)');
  const get = db.prepare<[string], { doc: string }>('SELECT doc FROM sessions WHERE token_hash = ?');
  const update = db.prepare('UPDATE sessions SET doc = ? WHERE token_hash = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const removeForUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');
  return {
    insert: async (session: StoredSession) => void insert.run(session.tokenHash, session.userId, JSON.stringify(session)),
    get: async (tokenHash: string) => parse<StoredSession>(get.get(tokenHash)),
    touch: async (tokenHash: string, lastSeenAt: string) => {
      const found = parse<StoredSession>(get.get(tokenHash));
      if (found) update.run(JSON.stringify({ ...found, lastSeenAt }), tokenHash);
    },
    delete: async (tokenHash: string) => void remove.run(tokenHash),
    deleteForUser: async (userId: string) => void removeForUser.run(userId),
  };
}
