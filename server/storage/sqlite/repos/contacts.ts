import type { StoredContact } from '../../store';
import { type Db, parse } from './rows';

export function contactsRepo(db: Db) {
  const put = db.prepare('INSERT INTO contacts (member_id, doc) VALUES (?, ?) ON CONFLICT(member_id) DO UPDATE SET doc = excluded.doc');
  const get = db.prepare<[string], { doc: string }>('SELECT doc FROM contacts WHERE member_id = ?');
  const remove = db.prepare('DELETE FROM contacts WHERE member_id = ?');
  return {
    put: async (contact: StoredContact) => void put.run(contact.memberId, JSON.stringify(contact)),
    get: async (memberId: string) => parse<StoredContact>(get.get(memberId)),
    delete: async (memberId: string) => remove.run(memberId).changes > 0,
  };
}
