import type { StoredMemberRequest } from '../../store';
import { type Db, parse } from './rows';

export function memberRequestsRepo(db: Db) {
  const put = db.prepare(
    'INSERT INTO member_requests (id, member_id, filed_at, doc) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET member_id = excluded.member_id, doc = excluded.doc',
  );
  const swap = db.prepare("UPDATE member_requests SET member_id = ?, doc = ? WHERE id = ? AND coalesce(json_extract(doc, '$.version'), 1) = ?");
  const get = db.prepare<[string], { doc: string }>('SELECT doc FROM member_requests WHERE id = ?');
  const list = db.prepare<[], { doc: string }>('SELECT doc FROM member_requests ORDER BY filed_at DESC, id DESC');
  const forMember = db.prepare<[string], { doc: string }>('SELECT doc FROM member_requests WHERE member_id = ? ORDER BY filed_at DESC, id DESC');
  const all = (rows: { doc: string }[]) => rows.map((r) => JSON.parse(r.doc) as StoredMemberRequest);
  return {
    put: async (request: StoredMemberRequest) => void put.run(request.id, request.memberId, request.filedAt, JSON.stringify(request)),
    compareAndSet: async (id: string, expectedVersion: number, next: StoredMemberRequest) =>
      swap.run(next.memberId, JSON.stringify(next), id, expectedVersion).changes === 1,
    get: async (id: string) => parse<StoredMemberRequest>(get.get(id)),
    list: async () => all(list.all()),
    forMember: async (memberId: string) => all(forMember.all(memberId)),
  };
}
