import type Database from 'better-sqlite3';
import type { DecisionType } from '@shared/schemas/common';
import type { Rollup, RollupCounters, RollupFilter, RollupKey, RollupRepo } from '../store';

interface Row {
  attribute: string;
  grp: string;
  day: string;
  type: DecisionType;
  model_id: string;
  model_version: string;
  name: string;
  n: number;
}

const keyColumns = ['attribute', 'grp', 'day', 'type', 'model_id', 'model_version'] as const;

/** A rollup document is the set of its counter rows; see the migration that creates the table. */
export function rollupsRepo(db: Database.Database): RollupRepo {
  const add = db.prepare(
    `INSERT INTO rollups (attribute, grp, day, type, model_id, model_version, name, n)
     VALUES (@attribute, @group, @day, @type, @modelId, @modelVersion, @name, @n)
     ON CONFLICT (attribute, grp, day, type, model_id, model_version, name) DO UPDATE SET n = n + excluded.n`,
  );
  const addAll = db.transaction((rollups: Rollup[]) => {
    for (const r of rollups) {
      for (const [name, n] of Object.entries(r.counters)) {
        if (n !== 0) add.run({ attribute: r.attribute, group: r.group, day: r.day, type: r.type, modelId: r.modelId, modelVersion: r.modelVersion, name, n });
      }
    }
  });
  const clear = db.prepare('DELETE FROM rollups');
  // The swap is one transaction: readers see the old set or the new one, never a mix.
  const replace = db.transaction((rollups: Rollup[]) => {
    clear.run();
    addAll(rollups);
  });
  const cache = new Map<string, Database.Statement>();

  return {
    increment: async (key: RollupKey, counters: RollupCounters) => addAll([{ ...key, counters }]),
    incrementMany: async (rollups: Rollup[]) => addAll(rollups),
    list: async (filter: RollupFilter) => {
      const clauses: string[] = [];
      const params: unknown[] = [];
      if (filter.attribute !== undefined) (clauses.push('attribute = ?'), params.push(filter.attribute));
      if (filter.from) (clauses.push('day >= ?'), params.push(filter.from));
      if (filter.to) (clauses.push('day <= ?'), params.push(filter.to));
      if (filter.type) (clauses.push('type = ?'), params.push(filter.type));
      if (filter.modelId) (clauses.push('model_id = ?'), params.push(filter.modelId));
      if (filter.modelVersion) (clauses.push('model_version = ?'), params.push(filter.modelVersion));
      const sql = `SELECT * FROM rollups ${clauses.length ? 'WHERE ' + clauses.join(' AND ') : ''} ORDER BY ${keyColumns.join(', ')}`;
      let statement = cache.get(sql);
      if (!statement) cache.set(sql, (statement = db.prepare(sql)));
      const out: Rollup[] = [];
      let current: Rollup | null = null;
      for (const row of statement.all(...params) as Row[]) {
        if (!current || keyColumns.some((k) => row[k] !== rowKey(current!)[k])) {
          current = { day: row.day, type: row.type, modelId: row.model_id, modelVersion: row.model_version, attribute: row.attribute, group: row.grp, counters: {} };
          out.push(current);
        }
        current.counters[row.name] = row.n;
      }
      return out;
    },
    replaceAll: async (rollups: Rollup[]) => replace(rollups),
    clear: async () => void clear.run(),
  };
}

const rowKey = (r: Rollup) => ({ attribute: r.attribute, grp: r.group, day: r.day, type: r.type, model_id: r.modelId, model_version: r.modelVersion });
