import type { Db } from 'mongodb';
import type { Monitor, MonitorAlert } from '@shared/schemas/monitors';
import { DuplicateKeyError } from '../../store';
import { fromDoc, isDuplicate, toDoc, type StrDoc } from './docs';

export function monitorsRepo(db: Db) {
  const col = () => db.collection<StrDoc>('monitors');
  return {
    add: async (m: Monitor) => {
      try {
        await col().insertOne(toDoc(m) as StrDoc);
      } catch (error) {
        if (isDuplicate(error)) throw new DuplicateKeyError(`monitor ${m.id}`);
        throw error;
      }
    },
    get: async (id: string) => fromDoc<Monitor>(await col().findOne({ _id: id })),
    list: async () => (await col().find().sort({ createdAt: 1, _id: 1 }).toArray()).map((d) => fromDoc<Monitor>(d)!),
    compareAndSet: async (next: Monitor, expectedVersion: number) =>
      (await col().replaceOne({ _id: next.id, version: expectedVersion }, toDoc(next))).matchedCount === 1,
    touchEvaluated: async (id: string, at: string) => void (await col().updateOne({ _id: id }, { $set: { lastEvaluatedAt: at } })),
    delete: async (id: string) => (await col().deleteOne({ _id: id })).deletedCount === 1,
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
