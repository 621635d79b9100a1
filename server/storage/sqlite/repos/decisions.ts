import type Database from 'better-sqlite3';
import type { DecisionOutput } from '@shared/schemas/decision';
import type { DecisionFilter, DecisionPageKey, StoredDecision } from '../../store';
import { writeFollowUpsSync, type DecisionToInsert, type FollowUpWriters } from '../../ingest-follow-ups';
import { type Db, parse, scanInChunks } from './rows';

export function decisionsRepo(db: Db, writers: FollowUpWriters<void>) {
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
  // The same expressions as the indexes decisions_claim and decisions_policy (migrations.ts), or SQLite would not use them.
  const bySubjectRef = db.prepare<[string, number, string, number], { id: string }>(
    `SELECT id FROM (
       SELECT id FROM decisions WHERE json_extract(doc, '$.subject.claimId') = ? LIMIT ?
     ) UNION SELECT id FROM (
       SELECT id FROM decisions WHERE json_extract(doc, '$.subject.policyId') = ? LIMIT ?
     )`,
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
      if (filter.types) (where.push(`type IN (${filter.types.map(() => '?').join(',') || "''"})`), params.push(...filter.types));
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
    idsBySubjectRef: async (ref: string, limit: number) =>
      bySubjectRef
        .all(ref, limit, ref, limit)
        .map((row) => row.id)
        .slice(0, limit),
    firstDecidedAt: async (model: { id: string; version: string }, from: string, to: string) =>
      firstDecidedAt.get(model.id, model.version, from, to)?.at ?? null,
    scanById: () => scanInChunks<StoredDecision>(db.prepare('SELECT id AS k1, 0 AS k2, doc FROM decisions WHERE id > ? ORDER BY id LIMIT ?')),
    count: async () => count.get()!.n,
    setEffectiveOutcome: async (id: string, effectiveOutcome: DecisionOutput, overridden: boolean) => {
      const found = parse<StoredDecision>(get.get(id));
      if (found) updateDoc.run(JSON.stringify({ ...found, effectiveOutcome, overridden }), id);
    },
    // Synchronous from read to write: better-sqlite3 runs it without another writer in between.
    linkSuperseded: async (oldId: string, newId: string, effectiveOutcome: DecisionOutput) => {
      const found = parse<StoredDecision>(get.get(oldId));
      if (!found || (found.supersededBy && found.supersededBy !== newId)) return false;
      updateDoc.run(JSON.stringify({ ...found, effectiveOutcome, supersededBy: newId }), oldId);
      return true;
    },
    // Erased decisions leave the member index entirely.
    replaceErased: async (record: StoredDecision) =>
      void replaceErased.run(JSON.stringify(record), record.erasedAt ? null : record.subject.memberId, record.id),
  };
}
