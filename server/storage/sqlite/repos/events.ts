import type Database from 'better-sqlite3';
import { DuplicateKeyError, type ChainEvent, type EventFilter, type EventPageKey } from '../../store';
import { type Db, isUniqueViolation, parse, scanInChunks } from './rows';

export function eventsRepo(db: Db) {
  const insert = db.prepare('INSERT INTO events (decision_id, seq, at, doc) VALUES (?, ?, ?, ?)');
  const update = db.prepare('UPDATE events SET doc = ? WHERE decision_id = ? AND seq = ?');
  const pageCache = new Map<string, Database.Statement>();
  const since = db.prepare<[string, number], { doc: string }>('SELECT doc FROM events WHERE at >= ? ORDER BY at, decision_id, seq LIMIT ?');
  const list = db.prepare<[string], { doc: string }>('SELECT doc FROM events WHERE decision_id = ? ORDER BY seq');
  const last = db.prepare<[string], { doc: string }>('SELECT doc FROM events WHERE decision_id = ? ORDER BY seq DESC LIMIT 1');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM events');
  const appendNow = (event: ChainEvent) => {
    try {
      insert.run(event.decisionId, event.seq, event.at, JSON.stringify(event));
    } catch (error) {
      if (isUniqueViolation(error)) throw new DuplicateKeyError(`event ${event.decisionId}#${event.seq}`);
      throw error;
    }
  };
  return {
    appendNow,
    append: async (event: ChainEvent) => appendNow(event),
    list: async (decisionId: string) => list.all(decisionId).map((r) => JSON.parse(r.doc) as ChainEvent),
    last: async (decisionId: string) => parse<ChainEvent>(last.get(decisionId)),
    scanByChain: () =>
      scanInChunks<ChainEvent>(
        db.prepare('SELECT decision_id AS k1, seq AS k2, doc FROM events WHERE (decision_id, seq) > (?, ?) ORDER BY decision_id, seq LIMIT ?'),
        true,
      ),
    count: async () => count.get()!.n,
    since: async (at: string, limit: number) => since.all(at, limit).map((r) => JSON.parse(r.doc) as ChainEvent),
    page: async (filter: EventFilter, after: EventPageKey | null, limit: number) => {
      const clauses: string[] = [];
      const params: unknown[] = [];
      if (filter.decisionId) (clauses.push('decision_id = ?'), params.push(filter.decisionId));
      if (filter.from) (clauses.push('at >= ?'), params.push(filter.from));
      if (filter.to) (clauses.push('at <= ?'), params.push(filter.to));
      // Rarely used together with no period: these read the document, not an index.
      if (filter.caseId) (clauses.push("json_extract(doc, '$.caseId') = ?"), params.push(filter.caseId));
      if (filter.actorId) (clauses.push("json_extract(doc, '$.actor.id') = ?"), params.push(filter.actorId));
      if (filter.action) (clauses.push("json_extract(doc, '$.action') = ?"), params.push(filter.action));
      if (after) (clauses.push('(at, decision_id, seq) < (?, ?, ?)'), params.push(after.at, after.decisionId, after.seq));
      const sql = `SELECT doc FROM events ${clauses.length ? 'WHERE ' + clauses.join(' AND ') : ''} ORDER BY at DESC, decision_id DESC, seq DESC LIMIT ?`;
      let statement = pageCache.get(sql);
      if (!statement) pageCache.set(sql, (statement = db.prepare(sql)));
      return (statement.all(...params, limit) as { doc: string }[]).map((r) => JSON.parse(r.doc) as ChainEvent);
    },
    erasePersonal: async (decisionId: string) => {
      db.transaction(() => {
        for (const row of list.all(decisionId)) {
          const event = JSON.parse(row.doc) as ChainEvent;
          update.run(JSON.stringify({ ...event, personal: null, personalSalt: null }), decisionId, event.seq);
        }
      })();
    },
  };
}
