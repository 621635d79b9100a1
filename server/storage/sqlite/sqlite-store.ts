import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Anchor } from '@shared/schemas/audit';
import type { DecisionOutput } from '@shared/schemas/decision';
import type { ModelEntry } from '@shared/schemas/model';
import {
  DuplicateKeyError,
  prefixEnd,
  type CaseFilter,
  type CasePageKey,
  type ChainEvent,
  type DecisionFilter,
  type EventFilter,
  type EventPageKey,
  type OutboxMessage,
  type StoredCase,
  type LegalHold,
  type StaffLogEntry,
  type DecisionPageKey,
  type Store,
  type StoredDecision,
  type StoredSession,
  type StoredUser,
} from '../store';
import { writeFollowUpsSync, type DecisionToInsert, type FollowUpWriters } from '../ingest-follow-ups';
import { migrations } from './migrations';
import { rollupsRepo } from './sqlite-rollups';
import { endedLeasesBefore, leaseTerm } from '../leases';

type Db = Database.Database;

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function migrate(db: Db): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let i = version; i < migrations.length; i++) {
    db.transaction(() => {
      db.exec(migrations[i]!);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
}

/** Opens the embedded store. `file` is a path or ':memory:'. */
export function openSqliteStore(file: string): Store {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: a decision acknowledged to the caller survives power loss, not only a process crash.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  // Erased personal data must not linger in free pages of the file.
  db.pragma('secure_delete = ON');
  migrate(db);
  return new SqliteStore(db);
}

const parse = <T>(row: { doc: string } | undefined): T | null => (row ? (JSON.parse(row.doc) as T) : null);

function decisionsRepo(db: Db, writers: FollowUpWriters<void>) {
  const insert = db.prepare(
    `INSERT INTO decisions (id, type, member_id, model_id, model_version, decided_at, doc)
     VALUES (@id, @type, @memberId, @modelId, @modelVersion, @decidedAt, @doc) ON CONFLICT(id) DO NOTHING`,
  );
  const insertAll = db.transaction((items: readonly DecisionToInsert[]) => {
    const inserted: string[] = [];
    const duplicates: string[] = [];
    for (const { decision: r } of items) {
      const result = insert.run({
        id: r.id,
        type: r.type,
        memberId: r.subject?.memberId ?? null,
        modelId: r.model.id,
        modelVersion: r.model.version,
        decidedAt: r.decidedAt,
        doc: JSON.stringify(r),
      });
      (result.changes === 1 ? inserted : duplicates).push(r.id);
    }
    writeFollowUpsSync(items, new Set(inserted), writers);
    return { inserted, duplicates };
  });
  const get = db.prepare<[string], { doc: string }>('SELECT doc FROM decisions WHERE id = ?');
  const updateDoc = db.prepare('UPDATE decisions SET doc = ? WHERE id = ?');
  const replaceErased = db.prepare('UPDATE decisions SET doc = ?, member_id = ? WHERE id = ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM decisions');
  const firstDecidedAt = db.prepare<[string, string, string, string], { at: string | null }>(
    'SELECT min(decided_at) AS at FROM decisions WHERE model_id = ? AND model_version = ? AND decided_at >= ? AND decided_at <= ?',
  );
  const pageCache = new Map<string, Database.Statement>();
  return {
    insertMany: async (items: readonly DecisionToInsert[]) => insertAll(items),
    get: async (id: string) => parse<StoredDecision>(get.get(id)),
    getMany: async (ids: string[]) => {
      const out: StoredDecision[] = [];
      for (const id of ids) {
        const found = parse<StoredDecision>(get.get(id));
        if (found) out.push(found);
      }
      return out;
    },
    page: async (filter: DecisionFilter, after: DecisionPageKey | null, limit: number) => {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.type) (where.push('type = ?'), params.push(filter.type));
      if (filter.types) where.push(`type IN (${filter.types.map(() => '?').join(',') || "''"})`), params.push(...filter.types);
      if (filter.memberId) (where.push('member_id = ?'), params.push(filter.memberId));
      if (filter.modelId) (where.push('model_id = ?'), params.push(filter.modelId));
      if (filter.modelVersion) (where.push('model_version = ?'), params.push(filter.modelVersion));
      if (filter.from) (where.push('decided_at >= ?'), params.push(filter.from));
      if (filter.to) (where.push('decided_at <= ?'), params.push(filter.to));
      if (after) (where.push('(decided_at, id) < (?, ?)'), params.push(after.decidedAt, after.id));
      const sql = `SELECT doc FROM decisions ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
                   ORDER BY decided_at DESC, id DESC LIMIT ?`;
      let statement = pageCache.get(sql);
      if (!statement) pageCache.set(sql, (statement = db.prepare(sql)));
      const rows = statement.all(...params, limit) as { doc: string }[];
      return rows.map((row) => JSON.parse(row.doc) as StoredDecision);
    },
    firstDecidedAt: async (model: { id: string; version: string }, from: string, to: string) => firstDecidedAt.get(model.id, model.version, from, to)?.at ?? null,
    scanById: () => scanInChunks<StoredDecision>(db.prepare('SELECT id AS k1, 0 AS k2, doc FROM decisions WHERE id > ? ORDER BY id LIMIT ?')),
    count: async () => count.get()!.n,
    setEffectiveOutcome: async (id: string, effectiveOutcome: DecisionOutput, overridden: boolean) => {
      const found = parse<StoredDecision>(get.get(id));
      if (found) updateDoc.run(JSON.stringify({ ...found, effectiveOutcome, overridden }), id);
    },
    // Erased decisions leave the member index entirely.
    replaceErased: async (record: StoredDecision) => void replaceErased.run(JSON.stringify(record), record.erasedAt ? null : record.subject.memberId, record.id),
  };
}

function eventsRepo(db: Db) {
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
        db.prepare(
          'SELECT decision_id AS k1, seq AS k2, doc FROM events WHERE (decision_id, seq) > (?, ?) ORDER BY decision_id, seq LIMIT ?',
        ),
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

function casesRepo(db: Db) {
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
    if (filter.assignee) (clauses.push('assignee = ?'), params.push(filter.assignee));
    if (filter.memberId) (clauses.push('member_id = ?'), params.push(filter.memberId));
    if (filter.dueFrom) (clauses.push('due_at >= ?'), params.push(filter.dueFrom));
    if (filter.dueBefore) (clauses.push('due_at < ?'), params.push(filter.dueBefore));
    return { clauses, params };
  };
  const putNow = (c: StoredCase) =>
    void put.run({ id: c.id, decisionId: c.decisionId, decisionType: c.decisionType, memberId: c.memberId, status: c.status, origin: c.origin, assignee: c.assignee, dueAt: c.dueAt, version: c.version, doc: JSON.stringify(c) });
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

function outboxRepo(db: Db) {
  const add = db.prepare('INSERT INTO outbox (id, delivered, doc) VALUES (?, 0, ?) ON CONFLICT(id) DO NOTHING');
  const pending = db.prepare<[number], { doc: string }>('SELECT doc FROM outbox WHERE delivered = 0 ORDER BY id LIMIT ?');
  const oldestPending = db.prepare<[], { at: string | null }>("SELECT min(json_extract(doc, '$.createdAt')) AS at FROM outbox WHERE delivered = 0");
  const get = db.prepare<[string], { doc: string }>('SELECT doc FROM outbox WHERE id = ?');
  const deliver = db.prepare('UPDATE outbox SET delivered = 1, doc = ? WHERE id = ?');
  const all = db.prepare('SELECT id, doc FROM outbox');
  const rewrite = db.prepare('UPDATE outbox SET doc = ? WHERE id = ?');
  return {
    add: async (m: OutboxMessage) => void add.run(m.id, JSON.stringify(m)),
    pending: async (limit: number) => pending.all(limit).map((r) => JSON.parse(r.doc) as OutboxMessage),
    oldestPendingAt: async () => oldestPending.get()?.at ?? null,
    markDelivered: async (id: string, at: string) => {
      const found = parse<OutboxMessage>(get.get(id));
      if (found) deliver.run(JSON.stringify({ ...found, deliveredAt: at }), id);
    },
    eraseMember: async (memberId: string) => {
      db.transaction(() => {
        for (const row of all.all() as { id: string; doc: string }[]) {
          const message = JSON.parse(row.doc) as OutboxMessage;
          if (message.memberId === memberId) rewrite.run(JSON.stringify({ ...message, memberId: null }), row.id);
        }
      })();
    },
  };
}

function modelsRepo(db: Db) {
  const put = db.prepare('INSERT INTO models (model_id, version, doc) VALUES (?, ?, ?) ON CONFLICT(model_id, version) DO UPDATE SET doc = excluded.doc');
  const get = db.prepare<[string, string], { doc: string }>('SELECT doc FROM models WHERE model_id = ? AND version = ?');
  const list = db.prepare<[], { doc: string }>('SELECT doc FROM models ORDER BY model_id, version');
  return {
    put: async (entry: ModelEntry) => void put.run(entry.modelId, entry.version, JSON.stringify(entry)),
    get: async (modelId: string, version: string) => parse<ModelEntry>(get.get(modelId, version)),
    list: async () => list.all().map((r) => JSON.parse(r.doc) as ModelEntry),
  };
}

function holdsRepo(db: Db) {
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

function staffLogRepo(db: Db) {
  const insert = db.prepare('INSERT INTO staff_log (seq, doc) VALUES (?, ?)');
  const latest = db.prepare<[], { doc: string }>('SELECT doc FROM staff_log ORDER BY seq DESC LIMIT 1');
  const list = db.prepare<[], { doc: string }>('SELECT doc FROM staff_log ORDER BY seq');
  return {
    append: async (entry: StaffLogEntry) => {
      try {
        insert.run(entry.seq, JSON.stringify(entry));
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateKeyError(`staff log ${entry.seq}`);
        throw error;
      }
    },
    latest: async () => parse<StaffLogEntry>(latest.get()),
    list: async () => list.all().map((r) => JSON.parse(r.doc) as StaffLogEntry),
  };
}

function anchorsRepo(db: Db) {
  const insert = db.prepare('INSERT INTO anchors (seq, doc) VALUES (?, ?)');
  const latest = db.prepare<[], { doc: string }>('SELECT doc FROM anchors ORDER BY seq DESC LIMIT 1');
  const list = db.prepare<[], { doc: string }>('SELECT doc FROM anchors ORDER BY seq');
  return {
    append: async (anchor: Anchor) => {
      try {
        insert.run(anchor.seq, JSON.stringify(anchor));
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateKeyError(`anchor ${anchor.seq}`);
        throw error;
      }
    },
    latest: async () => parse<Anchor>(latest.get()),
    list: async () => list.all().map((r) => JSON.parse(r.doc) as Anchor),
  };
}

function usersRepo(db: Db) {
  const insert = db.prepare('INSERT INTO users (id, username, doc) VALUES (?, ?, ?)');
  const byUsername = db.prepare<[string], { doc: string }>('SELECT doc FROM users WHERE username = ?');
  const byId = db.prepare<[string], { doc: string }>('SELECT doc FROM users WHERE id = ?');
  const list = db.prepare<[], { doc: string }>('SELECT doc FROM users ORDER BY username');
  const remove = db.prepare('DELETE FROM users WHERE id = ?');
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
      const ids = list.all().map((r) => JSON.parse(r.doc) as StoredUser).filter((u) => u.memberId === memberId).map((u) => u.id);
      for (const id of ids) remove.run(id);
      return ids;
    },
  };
}

function sessionsRepo(db: Db) {
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

function loginFailuresRepo(db: Db) {
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

function leasesRepo(db: Db) {
  const claim = db.prepare('INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?) ON CONFLICT(name) DO NOTHING');
  const holderOf = db.prepare<[string], { holder: string }>('SELECT holder FROM leases WHERE name = ?');
  const deleteEnded = db.prepare('DELETE FROM leases WHERE expires_at < ?');
  return {
    tryAcquire: async (name: string, holder: string, now: Date, ttlMs: number) => {
      const { key, expiresAt } = leaseTerm(name, now, ttlMs);
      if (claim.run(key, holder, expiresAt).changes === 1) {
        deleteEnded.run(endedLeasesBefore(now));
        return true;
      }
      return holderOf.get(key)?.holder === holder;
    },
  };
}

function metaRepo(db: Db) {
  const insert = db.prepare('INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT(name) DO NOTHING');
  const get = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE name = ?');
  return {
    get: async (name: string) => get.get(name)?.value ?? null,
    putIfAbsent: async (name: string, value: string) => insert.run(name, value).changes === 1,
  };
}

class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly decisions: ReturnType<typeof decisionsRepo>;
  readonly events: ReturnType<typeof eventsRepo>;
  readonly anchors: ReturnType<typeof anchorsRepo>;
  readonly cases: ReturnType<typeof casesRepo>;
  readonly models: ReturnType<typeof modelsRepo>;
  readonly holds: ReturnType<typeof holdsRepo>;
  readonly staffLog: ReturnType<typeof staffLogRepo>;
  readonly outbox: ReturnType<typeof outboxRepo>;
  readonly users: ReturnType<typeof usersRepo>;
  readonly sessions: ReturnType<typeof sessionsRepo>;
  readonly loginFailures: ReturnType<typeof loginFailuresRepo>;
  readonly leases: ReturnType<typeof leasesRepo>;
  readonly rollups: ReturnType<typeof rollupsRepo>;
  readonly meta: ReturnType<typeof metaRepo>;

  constructor(private readonly db: Db) {
    this.events = eventsRepo(db);
    this.anchors = anchorsRepo(db);
    this.cases = casesRepo(db);
    this.models = modelsRepo(db);
    this.holds = holdsRepo(db);
    this.staffLog = staffLogRepo(db);
    this.outbox = outboxRepo(db);
    this.users = usersRepo(db);
    this.sessions = sessionsRepo(db);
    this.loginFailures = loginFailuresRepo(db);
    this.leases = leasesRepo(db);
    this.rollups = rollupsRepo(db);
    this.meta = metaRepo(db);
    this.decisions = decisionsRepo(db, {
      appendEvent: this.events.appendNow,
      putCase: this.cases.putNow,
      incrementRollups: this.rollups.incrementNow,
    });
  }

  /**
   * secure_delete already zeroes freed cells in the main file; the WAL still holds the old page
   * images until a checkpoint, so checkpoint and truncate it.
   */
  async purgeFreedSpace(): Promise<void> {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async checkReady(): Promise<void> {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version !== migrations.length) throw new Error(`the SQLite schema is at version ${version}, this server needs ${migrations.length}`);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/*
 * Performance (verification): a chunk's rows stay alive until the last of them is parsed. At
 * 2000 rows (about 3 MB of documents) they outlived young-generation collections and were copied
 * and promoted; at 200 they die young, which took garbage collection from 11% to 4% of a full
 * scan. The extra keyset queries are index seeks, too cheap to show.
 */
const SCAN_CHUNK = 200;

/**
 * Streams a table in keyset chunks. A single open iterator would hold the connection busy and
 * block every write for the whole scan; chunks let ingest and reviews go on during verification.
 */
async function* scanInChunks<T>(statement: Database.Statement, twoPartKey = false): AsyncIterable<T> {
  let k1 = '';
  let k2 = -1;
  for (;;) {
    const params = twoPartKey ? [k1, k2, SCAN_CHUNK] : [k1, SCAN_CHUNK];
    const rows = statement.all(...params) as { k1: string; k2: number; doc: string }[];
    for (const row of rows) yield JSON.parse(row.doc) as T;
    if (rows.length < SCAN_CHUNK) return;
    const lastRow = rows[rows.length - 1]!;
    k1 = lastRow.k1;
    k2 = lastRow.k2;
  }
}
