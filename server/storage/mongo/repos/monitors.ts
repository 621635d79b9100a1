import type { Db } from 'mongodb';
import type { Monitor, MonitorAlert } from '@shared/schemas/monitors';
import { DuplicateKeyError } from '../../store';
import { fromDoc, insertedFirst, isDuplicate, toDoc, type StrDoc } from './docs';

/**
 * FerretDB 1.24 loses concurrent conditional updates to one document (see leases.ts), so a
 * compare-and-set is a unique insert: the change that claims `id@version` first is the one that
 * writes that version. The evaluation time lives in a document of its own, so the job's frequent
 * write never races governance's change to the monitor.
 */
export function monitorsRepo(db: Db) {
  const col = () => db.collection<StrDoc>('monitors');
  const claims = () => db.collection<StrDoc>('monitor_versions');
  const evaluations = () => db.collection<StrDoc>('monitor_evaluations');
  const withEvaluation = (monitor: Monitor, at: unknown): Monitor => (typeof at === 'string' ? { ...monitor, lastEvaluatedAt: at } : monitor);
  return {
    add: async (m: Monitor) => {
      try {
        await col().insertOne(toDoc(m) as StrDoc);
      } catch (error) {
        if (isDuplicate(error)) throw new DuplicateKeyError(`monitor ${m.id}`);
        throw error;
      }
    },
    get: async (id: string) => {
      const [monitor, evaluated] = await Promise.all([col().findOne({ _id: id }), evaluations().findOne({ _id: id })]);
      return monitor ? withEvaluation(fromDoc<Monitor>(monitor)!, evaluated?.at) : null;
    },
    list: async () => {
      const [monitors, evaluated] = await Promise.all([col().find().sort({ createdAt: 1, _id: 1 }).toArray(), evaluations().find().toArray()]);
      const at = new Map(evaluated.map((e) => [e._id, e.at as unknown]));
      return monitors.map((d) => withEvaluation(fromDoc<Monitor>(d)!, at.get(d._id)));
    },
    compareAndSet: async (next: Monitor, expectedVersion: number) => {
      if (!(await insertedFirst(claims(), { _id: `${next.id}@${expectedVersion + 1}` }))) return false;
      return (await col().replaceOne({ _id: next.id, version: expectedVersion }, toDoc(next))).matchedCount === 1;
    },
    touchEvaluated: async (id: string, at: string) => void (await evaluations().updateOne({ _id: id }, { $set: { at } }, { upsert: true })),
    delete: async (id: string) => {
      const deleted = (await col().deleteOne({ _id: id })).deletedCount === 1;
      await evaluations().deleteOne({ _id: id });
      return deleted;
    },
  };
}

export function monitorAlertsRepo(db: Db) {
  const col = () => db.collection<StrDoc>('monitor_alerts');
  const docs = (list: StrDoc[]) => list.map((d) => fromDoc<MonitorAlert>(d)!);
  return {
    // The unique _id is the guard: two evaluations of one crossing insert one alert.
    add: async (a: MonitorAlert) => {
      try {
        await col().insertOne(toDoc(a) as StrDoc);
      } catch (error) {
        if (isDuplicate(error)) throw new DuplicateKeyError(`monitor alert ${a.id}`);
        throw error;
      }
    },
    latest: async (monitorId: string, subject: string) => {
      const [last] = await col().find({ monitorId, subject }).sort({ crossing: -1 }).limit(1).toArray();
      return fromDoc<MonitorAlert>(last ?? null);
    },
    openFor: async (monitorId: string) => docs(await col().find({ resolvedAt: null, monitorId }).sort({ raisedAt: 1, _id: 1 }).toArray()),
    resolve: async (id: string, at: string, value: number | null) =>
      (await col().updateOne({ _id: id, resolvedAt: null }, { $set: { resolvedAt: at, resolvedValue: value } })).modifiedCount === 1,
    list: async (filter: { status?: 'open' | 'resolved' }, limit: number) => {
      const query = filter.status === 'open' ? { resolvedAt: null } : filter.status === 'resolved' ? { resolvedAt: { $ne: null } } : {};
      return docs(await col().find(query).sort({ raisedAt: -1, _id: -1 }).limit(limit).toArray());
    },
  };
}
