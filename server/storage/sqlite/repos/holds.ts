import type { LegalHold } from '../../store';
import { type Db, parse } from './rows';

export function holdsRepo(db: Db) {
  const put = db.prepare('INSERT INTO legal_holds (member_id, doc) VALUES (?, ?) ON CONFLICT(member_id) DO UPDATE SET doc = excluded.doc');
  const get = db.prepare<[string], { doc: string }>('SELECT doc FROM legal_holds WHERE member_id = ?');
  const remove = db.prepare('DELETE FROM legal_holds WHERE member_id = ?');
  const list = db.prepare<[], { doc: string }>('SELECT doc FROM legal_holds ORDER BY member_id');
  return {
    put: async (hold: LegalHold) => void put.run(hold.memberId, JSON.stringify(hold)),
    get: async (memberId: string) => parse<LegalHold>(get.get(memberId)),
    delete: async (memberId: string) => void remove.run(memberId),
    list: async () => list.all().map((r) => JSON.parse(r.doc) as LegalHold),
  };
}
