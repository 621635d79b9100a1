import { Double, type AnyBulkWriteOperation, type Collection, type Db, type Document } from 'mongodb';
import type { Rollup, RollupCounters, RollupFilter, RollupKey, RollupRepo } from '../store';

type RollupDoc = { _id: string } & Document;

/** The document id of a key: unambiguous whatever the group's text. */
const idOf = (k: RollupKey) => JSON.stringify([k.attribute, k.group, k.day, k.type, k.modelId, k.modelVersion]);

// Counter names are free text (reason codes may hold '.'); field names may not contain '.' or
// start with '$', so those characters (and the escape itself) are percent-encoded.
const encodeName = (name: string) => name.replace(/[%.$]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const decodeName = (field: string) => field.replace(/%(25|2E|24)/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const keyFields = (k: RollupKey) => ({ day: k.day, type: k.type, modelId: k.modelId, modelVersion: k.modelVersion, attribute: k.attribute, group: k.group });

// Counters are sent as doubles: integers stay exact up to 2^53, and an int32 never overflows.
const encodeCounters = (counters: RollupCounters) =>
  Object.fromEntries(Object.entries(counters).filter(([, n]) => n !== 0).map(([name, n]) => [encodeName(name), new Double(n)]));

function fromDoc(doc: Document): Rollup {
  const counters: RollupCounters = {};
  for (const [field, n] of Object.entries((doc.c ?? {}) as Record<string, number>)) counters[decodeName(field)] = Number(n);
  return { day: doc.day, type: doc.type, modelId: doc.modelId, modelVersion: doc.modelVersion, attribute: doc.attribute, group: doc.group, counters };
}

/** Sums rollups of the same key, so one write touches each document once. */
function mergeByKey(rollups: Rollup[]): Map<string, Rollup> {
  const merged = new Map<string, Rollup>();
  for (const r of rollups) {
    const id = idOf(r);
    const into = merged.get(id) ?? { ...keyFields(r), counters: {} };
    for (const [name, n] of Object.entries(r.counters)) into.counters[name] = (into.counters[name] ?? 0) + n;
    merged.set(id, into);
  }
  return merged;
}

/**
 * Runs writes one after another within this process.
 *
 * FerretDB 1.24 (our MongoDB in tests and CI) loses updates when several `$inc` upserts hit the
 * same document concurrently (50 parallel increments left 6); MongoDB applies them atomically.
 * It has no transactions to fall back on, so increments are queued here instead. Across processes
 * real MongoDB is still exact; on FerretDB with several app processes, `npm run rollups:rebuild`
 * is the repair.
 */
class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(job);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

const CHUNK = 1000;

export function rollupsRepo(db: Db): RollupRepo {
  const col: Collection<RollupDoc> = db.collection<RollupDoc>('rollups');
  const queue = new SerialQueue();

  const incrementMany = async (rollups: Rollup[]) => {
    const ops: AnyBulkWriteOperation<RollupDoc>[] = [];
    for (const [id, r] of mergeByKey(rollups)) {
      const inc = encodeCounters(r.counters);
      if (Object.keys(inc).length === 0) continue;
      const $inc = Object.fromEntries(Object.entries(inc).map(([field, n]) => [`c.${field}`, n]));
      ops.push({ updateOne: { filter: { _id: id }, update: { $setOnInsert: keyFields(r), $inc }, upsert: true } });
    }
    if (ops.length === 0) return;
    await queue.run(async () => {
      for (let i = 0; i < ops.length; i += CHUNK) await col.bulkWrite(ops.slice(i, i + CHUNK), { ordered: true });
    });
  };

  return {
    increment: (key: RollupKey, counters: RollupCounters) => incrementMany([{ ...key, counters }]),
    incrementMany,
    list: async (filter: RollupFilter) => {
      const q: Document = {};
      if (filter.attribute !== undefined) q.attribute = filter.attribute;
      if (filter.from || filter.to) {
        q.day = {};
        if (filter.from) q.day.$gte = filter.from;
        if (filter.to) q.day.$lte = filter.to;
      }
      if (filter.type) q.type = filter.type;
      if (filter.modelId) q.modelId = filter.modelId;
      if (filter.modelVersion) q.modelVersion = filter.modelVersion;
      // Sorted along the rollups_attribute_day index, so the sort costs no extra pass.
      const docs = await col.find(q).sort({ attribute: 1, day: 1, type: 1 }).toArray();
      return docs.map(fromDoc);
    },
    /**
     * No transactions (FerretDB has none), so the swap writes every rebuilt document in full and
     * then deletes those that no longer exist: readers never see an empty set, at worst a mix of
     * old and new documents for the moment the swap takes.
     */
    replaceAll: (rollups: Rollup[]) =>
      queue.run(async () => {
        const merged = mergeByKey(rollups);
        const ops: AnyBulkWriteOperation<RollupDoc>[] = [...merged].map(([id, r]) => ({
          replaceOne: { filter: { _id: id }, replacement: { ...keyFields(r), c: encodeCounters(r.counters) }, upsert: true },
        }));
        for (let i = 0; i < ops.length; i += CHUNK) await col.bulkWrite(ops.slice(i, i + CHUNK), { ordered: true });
        const stale = (await col.find({}, { projection: { _id: 1 } }).toArray()).map((d) => d._id).filter((id) => !merged.has(id));
        for (let i = 0; i < stale.length; i += CHUNK) await col.deleteMany({ _id: { $in: stale.slice(i, i + CHUNK) } });
      }),
    clear: () => queue.run(async () => void (await col.deleteMany({}))),
  };
}
