import type Database from 'better-sqlite3';
import type { CaseFilter, CasePageKey, StoredCase } from '../../store';
import { type Db, parse } from './rows';

export function casesRepo(db: Db) {
  const put = db.prepare(
    `INSERT INTO cases (id, decision_id, decision_type, member_id, status, origin, assignee, due_at, doc)
     VALUES (@id, @decisionId, @decisionType, @memberId, @status, @origin, @assignee, @dueAt, @doc)
     ON CONFLICT(id) DO UPDATE SET member_id = @memberId, status = @status, origin = @origin, assignee = @assignee, due_at = @dueAt, doc = @doc
     WHERE json_extract(cases.doc, '$.version') <= @version`,
  );
  const get = db.prepare<[string], { doc: string }>('SELECT doc FROM cases WHERE id = ?');
  const forDecision = db.prepare<[string], { doc: string }>('SELECT doc FROM cases WHERE decision_id = ? ORDER BY id');
  const cache = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const where = (filter: CaseFilter) => {
    const clauses: string[] = [];
    const params: unknown[] = [];
    const inList = (column: string, values: string[]) => {
      clauses.push(`${column} IN (${values.map(() => '?').join(',') || "''"})`);
      params.push(...values);
    };
    if (filter.status) (clauses.push('status = ?'), params.push(filter.status));
    if (filter.statuses) inList('status', filter.statuses);
    if (filter.type) (clauses.push('decision_type = ?'), params.push(filter.type));
    if (filter.types) inList('decision_type', filter.types);
    if (filter.origin) (clauses.push('origin = ?'), params.push(filter.origin));
    if (filter.origins) inList('origin', filter.origins);
    if (filter.assignee) (clauses.push('assignee = ?'), params.push(filter.assignee));
    if (filter.memberId) (clauses.push('member_id = ?'), params.push(filter.memberId));
    if (filter.dueFrom) (clauses.push('due_at >= ?'), params.push(filter.dueFrom));
    if (filter.dueBefore) (clauses.push('due_at < ?'), params.push(filter.dueBefore));
    if (filter.decisionIds) inList('decision_id', filter.decisionIds);
    // Read from the document: the status index narrows to the few pending cases first.
    if (filter.notProposedBy) (clauses.push("coalesce(json_extract(doc, '$.proposal.proposedBy'), '') <> ?"), params.push(filter.notProposedBy));
    return { clauses, params };
  };
  const putNow = (c: StoredCase) =>
    void put.run({
      id: c.id,
      decisionId: c.decisionId,
      decisionType: c.decisionType,
      memberId: c.memberId,
      status: c.status,
      origin: c.origin,
      assignee: c.assignee,
      dueAt: c.dueAt,
      version: c.version,
      doc: JSON.stringify(c),
    });
  return {
    putNow,
    put: async (c: StoredCase) => putNow(c),
    get: async (id: string) => parse<StoredCase>(get.get(id)),
    listForDecision: async (decisionId: string) => forDecision.all(decisionId).map((r) => JSON.parse(r.doc) as StoredCase),
    page: async (filter: CaseFilter, after: CasePageKey | null, limit: number) => {
      const { clauses, params } = where(filter);
      if (after) (clauses.push('(due_at, id) > (?, ?)'), params.push(after.dueAt, after.id));
      const sql = `SELECT doc FROM cases ${clauses.length ? 'WHERE ' + clauses.join(' AND ') : ''} ORDER BY due_at, id LIMIT ?`;
      return (prepared(sql).all(...params, limit) as { doc: string }[]).map((r) => JSON.parse(r.doc) as StoredCase);
    },
    count: async (filter: CaseFilter) => {
      const { clauses, params } = where(filter);
      const sql = `SELECT count(*) AS n FROM cases ${clauses.length ? 'WHERE ' + clauses.join(' AND ') : ''}`;
      return (prepared(sql).get(...params) as { n: number }).n;
    },
  };
}
