import type { Monitor, MonitorAlert } from '@shared/schemas/monitors';
import { DuplicateKeyError } from '../../store';
import { type Db, isUniqueViolation, parse } from './rows';

export function monitorsRepo(db: Db) {
  const insert = db.prepare('INSERT INTO monitors (id, created_at, version, doc) VALUES (?, ?, ?, ?)');
  const get = db.prepare<[string], { doc: string }>('SELECT doc FROM monitors WHERE id = ?');
  const list = db.prepare<[], { doc: string }>('SELECT doc FROM monitors ORDER BY created_at, id');
  // The evaluation time stays as the job last wrote it: a change never undoes it.
  const swap = db.prepare(
    "UPDATE monitors SET version = ?, doc = json_set(?, '$.lastEvaluatedAt', json_extract(doc, '$.lastEvaluatedAt')) WHERE id = ? AND version = ?",
  );
  const touch = db.prepare("UPDATE monitors SET doc = json_set(doc, '$.lastEvaluatedAt', ?) WHERE id = ?");
  const remove = db.prepare('DELETE FROM monitors WHERE id = ?');
  return {
    add: async (m: Monitor) => {
      try {
        insert.run(m.id, m.createdAt, m.version, JSON.stringify(m));
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateKeyError(`monitor ${m.id}`);
        throw error;
      }
    },
    get: async (id: string) => parse<Monitor>(get.get(id)),
    list: async () => list.all().map((r) => JSON.parse(r.doc) as Monitor),
    compareAndSet: async (next: Monitor, expectedVersion: number) => swap.run(next.version, JSON.stringify(next), next.id, expectedVersion).changes === 1,
    touchEvaluated: async (id: string, at: string) => void touch.run(at, id),
    delete: async (id: string) => remove.run(id).changes === 1,
  };
}

export function monitorAlertsRepo(db: Db) {
  const insert = db.prepare('INSERT INTO monitor_alerts (id, monitor_id, subject, crossing, raised_at, open, doc) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const latest = db.prepare<[string, string], { doc: string }>(
    'SELECT doc FROM monitor_alerts WHERE monitor_id = ? AND subject = ? ORDER BY crossing DESC LIMIT 1',
  );
  const openFor = db.prepare<[string], { doc: string }>('SELECT doc FROM monitor_alerts WHERE open = 1 AND monitor_id = ? ORDER BY raised_at, id');
  const resolve = db.prepare("UPDATE monitor_alerts SET open = 0, doc = json_set(doc, '$.resolvedAt', ?, '$.resolvedValue', ?) WHERE id = ? AND open = 1");
  const listAll = db.prepare<[number], { doc: string }>('SELECT doc FROM monitor_alerts ORDER BY raised_at DESC, id DESC LIMIT ?');
  const listByState = db.prepare<[number, number], { doc: string }>('SELECT doc FROM monitor_alerts WHERE open = ? ORDER BY raised_at DESC, id DESC LIMIT ?');
  const docs = (rows: { doc: string }[]) => rows.map((r) => JSON.parse(r.doc) as MonitorAlert);
  return {
    add: async (a: MonitorAlert) => {
      try {
        insert.run(a.id, a.monitorId, a.subject, a.crossing, a.raisedAt, a.resolvedAt === null ? 1 : 0, JSON.stringify(a));
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateKeyError(`monitor alert ${a.id}`);
        throw error;
      }
    },
    latest: async (monitorId: string, subject: string) => parse<MonitorAlert>(latest.get(monitorId, subject)),
    openFor: async (monitorId: string) => docs(openFor.all(monitorId)),
    resolve: async (id: string, at: string, value: number | null) => resolve.run(at, value, id).changes === 1,
    list: async (filter: { status?: 'open' | 'resolved' }, limit: number) =>
      docs(filter.status ? listByState.all(filter.status === 'open' ? 1 : 0, limit) : listAll.all(limit)),
  };
}
