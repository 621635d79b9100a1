import { DuplicateKeyError, type StoredUser } from '../../store';
import { type Db, isUniqueViolation, parse } from './rows';

export function usersRepo(db: Db) {
  const insert = db.prepare('INSERT INTO users (id, username, doc) VALUES (?, ?, ?)');
  const byUsername = db.prepare<[string], { doc: string }>('SELECT doc FROM users WHERE username = ?');
  const byId = db.prepare<[string], { doc: string }>('SELECT doc FROM users WHERE id = ?');
  const list = db.prepare<[], { doc: string }>('SELECT doc FROM users ORDER BY username');
  const remove = db.prepare('DELETE FROM users WHERE id = ?');
  const replace = db.prepare('UPDATE users SET username = ?, doc = ? WHERE id = ?');
  const signedIn = db.prepare("UPDATE users SET doc = json_set(doc, '$.lastSignInAt', ?) WHERE id = ?");
  return {
    insert: async (user: StoredUser) => {
      try {
        insert.run(user.id, user.username, JSON.stringify(user));
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateKeyError(`user ${user.username}`);
        throw error;
      }
    },
    byUsername: async (username: string) => parse<StoredUser>(byUsername.get(username)),
    byId: async (id: string) => parse<StoredUser>(byId.get(id)),
    list: async () => list.all().map((r) => JSON.parse(r.doc) as StoredUser),
    deleteByMemberId: async (memberId: string) => {
      const ids = list
        .all()
        .map((r) => JSON.parse(r.doc) as StoredUser)
        .filter((u) => u.memberId === memberId)
        .map((u) => u.id);
      for (const id of ids) remove.run(id);
      return ids;
    },
    update: async (user: StoredUser) => replace.run(user.username, JSON.stringify(user), user.id).changes === 1,
    recordSignIn: async (id: string, at: string) => void signedIn.run(at, id),
  };
}
