import { randomUUID } from 'node:crypto';
import { Double, MongoBulkWriteError, type Collection, type Db, type Document } from 'mongodb';
import type { Rollup, RollupCounters, RollupFilter, RollupKey, RollupRepo } from '../store';

/*
 * Rollups on MongoDB are written by inserts only: an increment is a *delta* document, and now and
 * then a compaction folds a key's deltas into a new *base* document. A key's value is its newest
 * base plus the deltas that base does not already cover.
 *
 * Why not `$inc` upserts: FerretDB 1.24 (our MongoDB in tests and CI) updates a document by
 * reading it and then running `UPDATE … WHERE _ferretdb_sjson->'$._id' = ?`, and that expression
 * does not match the one its _id index is built on (`_ferretdb_sjson->"_id"`), so every update
 * scans and parses the whole collection (50 ms per document at 3,000 rollups, O(documents) each);
 * an `update` command of more than ~100 matched statements deadlocks (each statement leaves its
 * read cursor, and so a connection of the pool of 100, open until the command ends); and it loses
 * concurrent increments of one document (read-modify-write without isolation). A version-guarded
 * replaceOne is no way out: it is the same read-then-UPDATE, unguarded, plus a scan in Go for the
 * two-field filter. Inserts are what FerretDB does fast (one transaction per batch) and atomically
 * (the unique _id index), and what every MongoDB does with single-document atomicity.
 *
 * Exactness without transactions, on any server and with any number of processes:
 * - An increment inserts deltas with fresh random ids; it never reads, so it cannot race.
 * - A base's _id is its key and generation: of two compactions that read the same newest base,
 *   one inserts generation g+1 and the other gets a duplicate key and leaves that key alone.
 * - A base lists the deltas it has summed (`covers`); readers skip those, so a delta and the base
 *   that holds it are never counted twice, whatever the order in which they are seen or removed.
 * - A compaction deletes only what the newest base it *read* makes redundant: older bases, and
 *   the deltas that base covers. The deltas it folds itself are deleted by the next compaction,
 *   once its base has proven to be the newest (a compaction that read a superseded base may insert
 *   a generation whose slot was freed; such a base is never the newest, so it is ignored and
 *   nothing it covers is deleted on its account).
 * - Readers take, per key, the base of the highest generation. Documents are only ever inserted
 *   (after every document they supersede) and deleted, never moved, so a scan in index or natural
 *   order meets a key's newest base or a newer one.
 *
 * Documents: a base is `{ _id: [key…, g], k, g, day, type, modelId, modelVersion, attribute,
 * group, c, covers }`, a delta `{ _id: uuid, k, day, …, group, c }`. Documents of the earlier
 * `$inc` format (`{ _id: k, day, …, c }`) read as a base of generation 0 and are folded like any.
 */

type RollupDoc = { _id: string } & Document;

/** The key's identity: unambiguous whatever the group's text. Also the _id of the earlier format's document. */
const idOf = (k: RollupKey) => JSON.stringify([k.attribute, k.group, k.day, k.type, k.modelId, k.modelVersion]);
const baseIdOf = (k: RollupKey, generation: number) => JSON.stringify([k.attribute, k.group, k.day, k.type, k.modelId, k.modelVersion, generation]);

// Counter names are free text (reason codes may hold '.'); field names may not contain '.' or
// start with '$', so those characters (and the escape itself) are percent-encoded.
const encodeName = (name: string) => name.replace(/[%.$]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const decodeName = (field: string) => field.replace(/%(25|2E|24)/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const keyFields = (k: RollupKey) => ({ day: k.day, type: k.type, modelId: k.modelId, modelVersion: k.modelVersion, attribute: k.attribute, group: k.group });

type Fields = Record<string, number>;

// Counters are stored as doubles: integers stay exact up to 2^53, and an int32 never overflows.
const asDoubles = (fields: Fields) => Object.fromEntries(Object.entries(fields).map(([field, n]) => [field, new Double(n)]));
const encodeCounters = (counters: RollupCounters): Fields =>
  Object.fromEntries(
    Object.entries(counters)
      .filter(([, n]) => n !== 0)
      .map(([name, n]) => [encodeName(name), n]),
  );

function addFields(into: Fields, from: unknown): Fields {
  for (const [field, n] of Object.entries((from ?? {}) as Record<string, unknown>)) into[field] = (into[field] ?? 0) + Number(n);
  return into;
}

/** A stored document read back: a base (of any format) or a delta. */
type Part =
  { kind: 'base'; id: string; k: string; generation: number; covers: string[]; doc: RollupDoc } | { kind: 'delta'; id: string; k: string; doc: RollupDoc };

function partOf(doc: RollupDoc): Part {
  if (typeof doc.g === 'number') return { kind: 'base', id: doc._id, k: String(doc.k), generation: doc.g, covers: (doc.covers ?? []) as string[], doc };
  if (typeof doc.k === 'string') return { kind: 'delta', id: doc._id, k: doc.k, doc };
  return { kind: 'base', id: doc._id, k: doc._id, generation: 0, covers: [], doc };
}

/** One key's documents, in the order read. */
interface KeyParts {
  newest?: Extract<Part, { kind: 'base' }>;
  olderBases: string[];
  deltas: Extract<Part, { kind: 'delta' }>[];
  any: RollupDoc;
}

function groupByKey(docs: RollupDoc[]): Map<string, KeyParts> {
  const keys = new Map<string, KeyParts>();
  for (const doc of docs) {
    const part = partOf(doc);
    let parts = keys.get(part.k);
    if (!parts) keys.set(part.k, (parts = { olderBases: [], deltas: [], any: doc }));
    if (part.kind === 'delta') parts.deltas.push(part);
    else if (!parts.newest || part.generation > parts.newest.generation) {
      if (parts.newest) parts.olderBases.push(parts.newest.id);
      parts.newest = part;
    } else parts.olderBases.push(part.id);
  }
  return keys;
}

/** The key's value in this reading: its newest base plus the deltas that base does not cover. */
function valueOf(parts: KeyParts): { fields: Fields; covered: string[]; uncovered: string[] } {
  const covers = new Set(parts.newest?.covers);
  const fields = addFields({}, parts.newest?.doc.c);
  const covered: string[] = [];
  const uncovered: string[] = [];
  for (const delta of parts.deltas) {
    if (covers.has(delta.id)) covered.push(delta.id);
    else {
      uncovered.push(delta.id);
      addFields(fields, delta.doc.c);
    }
  }
  return { fields, covered, uncovered };
}

const keyOfDoc = (doc: RollupDoc): RollupKey => keyFields(doc as unknown as RollupKey);

function rollupOf(parts: KeyParts, fields: Fields): Rollup {
  const counters: RollupCounters = {};
  for (const [field, n] of Object.entries(fields)) counters[decodeName(field)] = n;
  return { ...keyOfDoc(parts.any), counters };
}

/** Sums rollups of the same key, so a batch writes each key once. */
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

/** Runs jobs one after another within this process. */
class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(job);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

const CHUNK = 1000;
const isDuplicateKey = (e: { code?: unknown }) => e.code === 11000;

/**
 * Inserts the documents (unordered unless asked: then it stops at the first refusal). Returns the
 * indexes refused as duplicate keys; any other error is thrown.
 */
async function insertAll(col: Collection<RollupDoc>, docs: RollupDoc[], ordered = false): Promise<Set<number>> {
  const duplicates = new Set<number>();
  for (let i = 0; i < docs.length; i += CHUNK) {
    try {
      await col.insertMany(docs.slice(i, i + CHUNK), { ordered });
    } catch (err) {
      if (!(err instanceof MongoBulkWriteError)) throw err;
      const errors = [err.writeErrors].flat();
      if (errors.length === 0 || !errors.every(isDuplicateKey) || err.result.getWriteConcernError()) throw err;
      for (const e of errors) duplicates.add(i + e.index);
      if (ordered) return duplicates;
    }
  }
  return duplicates;
}

async function deleteAll(col: Collection<RollupDoc>, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) await col.deleteMany({ _id: { $in: ids.slice(i, i + CHUNK) } });
}

export interface RollupsOptions {
  /** Fold the deltas once this many were written since the last compaction, or the base count if higher. */
  compactAfter?: number;
}

export interface MongoRollupRepo extends RollupRepo {
  /** Folds every key's deltas now (increments do it on their own once enough accumulated). */
  compact(): Promise<void>;
}

export function rollupsRepo(db: Db, options: RollupsOptions = {}): MongoRollupRepo {
  const col: Collection<RollupDoc> = db.collection<RollupDoc>('rollups');
  const compactAfter = options.compactAfter ?? 2000;
  // Compactions, rebuilds and clears, one at a time in this process (across processes the
  // generation ids keep them exact).
  const maintenance = new SerialQueue();
  let deltasSinceCompaction = 0;
  // Compaction reads every rollup: doing it once per as many deltas as there are bases keeps the
  // cost per increment constant, and readers meet at most about twice the documents.
  let threshold = compactAfter;
  let compaction: Promise<void> | undefined;

  /** One pass over the collection: fold each key's uncovered deltas into a new base, drop what the newest base made redundant. */
  const compact = async () => {
    const keys = groupByKey(await col.find({}).toArray());
    const bases: RollupDoc[] = [];
    const supersededBy: string[][] = [];
    const redundant: string[] = [];
    for (const [k, parts] of keys) {
      const { fields, covered, uncovered } = valueOf(parts);
      redundant.push(...parts.olderBases, ...covered);
      if (uncovered.length === 0) continue;
      const generation = (parts.newest?.generation ?? 0) + 1;
      const key = keyOfDoc(parts.any);
      // Still-present covered deltas stay listed until they are gone, so they are never counted twice.
      bases.push({ _id: baseIdOf(key, generation), k, g: generation, ...key, c: asDoubles(fields), covers: [...covered, ...uncovered] });
      supersededBy.push(parts.newest ? [parts.newest.id] : []);
    }
    // A duplicate means another compaction made this generation first: it supersedes the base read.
    await insertAll(col, bases);
    redundant.push(...supersededBy.flat());
    await deleteAll(col, redundant);
    deltasSinceCompaction = 0;
    threshold = Math.max(compactAfter, keys.size);
  };

  // The increment is written before this runs: a failed compaction must not fail it (the caller
  // would retry and count twice). Cut short, it leaves nothing that readers count wrong, and the
  // next increment tries again.
  const compactSoon = () => {
    compaction ??= maintenance
      .run(compact)
      .catch((err: unknown) => process.emitWarning(`rollup compaction failed, retried at the next increment: ${String(err)}`))
      .finally(() => (compaction = undefined));
    return compaction;
  };

  const incrementMany = async (rollups: Rollup[]) => {
    const deltas: RollupDoc[] = [];
    for (const [k, r] of mergeByKey(rollups)) {
      const c = encodeCounters(r.counters);
      if (Object.keys(c).length === 0) continue;
      deltas.push({ _id: randomUUID(), k, ...keyFields(r), c: asDoubles(c) });
    }
    if (deltas.length === 0) return;
    // A duplicate can only be this very insert, retried by the driver after it had landed.
    await insertAll(col, deltas);
    deltasSinceCompaction += deltas.length;
    if (deltasSinceCompaction >= threshold) await compactSoon();
  };

  return {
    compact: () => maintenance.run(compact),
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
      // Sorted along the rollups_attribute_day index, so the sort costs no extra pass; a key's
      // documents share these fields, so the filter takes or leaves a key whole.
      const keys = groupByKey(await col.find(q).sort({ attribute: 1, day: 1, type: 1 }).toArray());
      let deltas = 0;
      const rollups: Rollup[] = [];
      for (const parts of keys.values()) {
        const { fields, uncovered } = valueOf(parts);
        deltas += uncovered.length;
        rollups.push(rollupOf(parts, fields));
      }
      // A backlog left by processes that stopped before compacting: the next increment folds it.
      if (deltas > Math.max(compactAfter, keys.size)) threshold = 0;
      return rollups;
    },
    /**
     * No transactions (FerretDB has none), so the swap inserts a base of the next generation for
     * every rebuilt key, in order (the caller puts its format stamp last), covering every delta
     * read, and then deletes what it superseded and the keys that no longer exist: readers never
     * see an empty set, at worst a mix of old and new keys for the moment the swap takes.
     */
    replaceAll: (rollups: Rollup[]) =>
      maintenance.run(async () => {
        const rebuilt = [...mergeByKey(rollups)];
        let done = 0;
        let keys = new Map<string, KeyParts>();
        const redundant: string[] = [];
        while (done < rebuilt.length) {
          keys = groupByKey(await col.find({}).toArray());
          const bases = rebuilt.slice(done).map(([k, r]) => {
            const parts = keys.get(k);
            const generation = (parts?.newest?.generation ?? 0) + 1;
            return {
              _id: baseIdOf(r, generation),
              k,
              g: generation,
              ...keyFields(r),
              c: asDoubles(encodeCounters(r.counters)),
              covers: parts?.deltas.map((d) => d.id) ?? [],
            };
          });
          // Ordered: at a duplicate (a concurrent compaction took that generation) read again and go on from there.
          const duplicates = await insertAll(col, bases, true);
          const stoppedAt = duplicates.size ? Math.min(...duplicates) : bases.length;
          for (const [k] of rebuilt.slice(done, done + stoppedAt)) {
            const parts = keys.get(k);
            if (parts) redundant.push(...parts.olderBases, ...(parts.newest ? [parts.newest.id] : []), ...valueOf(parts).covered);
          }
          done += stoppedAt;
        }
        const kept = new Set(rebuilt.map(([k]) => k));
        for (const [k, parts] of keys) {
          if (!kept.has(k)) redundant.push(...parts.olderBases, ...(parts.newest ? [parts.newest.id] : []), ...parts.deltas.map((d) => d.id));
        }
        await deleteAll(col, redundant);
        deltasSinceCompaction = 0;
      }),
    clear: () =>
      maintenance.run(async () => {
        await col.deleteMany({});
        deltasSinceCompaction = 0;
      }),
  };
}
