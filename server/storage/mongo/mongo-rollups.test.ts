import { randomUUID } from 'node:crypto';
import { Double, MongoClient, type Db } from 'mongodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mongoTestUri } from '../../../test/support/mongo-uri';
import type { Rollup, RollupKey } from '../store';
import { rollupsRepo } from './mongo-rollups';

const uri = mongoTestUri();

const key = (over: Partial<RollupKey> = {}): RollupKey => ({
  day: '2026-11-20',
  type: 'renewal_price',
  modelId: 'm',
  modelVersion: '1',
  attribute: '',
  group: '',
  ...over,
});
const countersOf = (rollups: Rollup[]) => Object.fromEntries(rollups.map((r) => [r.day + r.group, r.counters]));

describe.skipIf(!uri)('MongoDB rollups: deltas folded into generations', () => {
  let client: MongoClient;
  let db: Db;
  beforeAll(async () => {
    client = await new MongoClient(uri!).connect();
  });
  afterAll(async () => client?.close());
  beforeEach(async () => {
    db = client.db(`t_${randomUUID().replace(/-/g, '').slice(0, 16)}`);
    return async () => void (await db.dropDatabase().catch(() => undefined));
  });
  const docsOf = (k: RollupKey) => db.collection('rollups').countDocuments({ day: k.day, group: k.group });

  it('reads documents of the earlier $inc format and folds them like any', async () => {
    const old = key();
    await db.collection<{ _id: string } & Record<string, unknown>>('rollups').insertOne({
      _id: JSON.stringify([old.attribute, old.group, old.day, old.type, old.modelId, old.modelVersion]),
      ...old,
      c: { decisions: new Double(3), 'resolvedByReason:A%2EB': new Double(1) },
    });
    const rollups = rollupsRepo(db);
    await rollups.increment(old, { decisions: 2 });
    expect(await rollups.list({})).toEqual([{ ...old, counters: { decisions: 5, 'resolvedByReason:A.B': 1 } }]);
    await rollups.compact();
    await rollups.increment(key({ day: '2026-11-21' }), { decisions: 1 });
    // A second compaction removes the deltas the first one folded: one document is left.
    await rollups.compact();
    expect(await docsOf(old)).toBe(1);
    expect(countersOf(await rollups.list({}))).toEqual({ '2026-11-20': { decisions: 5, 'resolvedByReason:A.B': 1 }, '2026-11-21': { decisions: 1 } });
  });

  it('stays exact while several processes increment and compact the same keys at once', async () => {
    // Two repositories are two processes: no queue or memory in common, only the collection.
    const processes = [rollupsRepo(db, { compactAfter: 1 }), rollupsRepo(db, { compactAfter: 1 })];
    const keys = ['a', 'b', 'c'].map((group) => key({ group }));
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => processes[i % 2]!.incrementMany(keys.map((k) => ({ ...k, counters: { decisions: 1, [`score:${i % 3}`]: 2 } })))),
    );
    const expected = { decisions: 40, 'score:0': 28, 'score:1': 26, 'score:2': 26 };
    expect(countersOf(await processes[0]!.list({}))).toEqual({ '2026-11-20a': expected, '2026-11-20b': expected, '2026-11-20c': expected });
    // Quiet again, two compactions leave one document per key, and the same sums.
    for (const p of processes) await p.compact();
    for (const k of keys) expect(await docsOf(k)).toBe(1);
    expect(countersOf(await processes[1]!.list({ attribute: '' }))['2026-11-20a']).toEqual(expected);
  });

  it('replaces the whole set over bases and deltas, and counts increments after it on top', async () => {
    const rollups = rollupsRepo(db, { compactAfter: 3 });
    for (let i = 0; i < 5; i++)
      await rollups.incrementMany([
        { ...key(), counters: { decisions: 1 } },
        { ...key({ group: 'gone' }), counters: { decisions: 1 } },
      ]);
    await rollups.replaceAll([
      { ...key(), counters: { decisions: 4, resolved: 1 } },
      { ...key({ group: 'new' }), counters: { decisions: 2 } },
    ]);
    expect(countersOf(await rollups.list({}))).toEqual({ '2026-11-20': { decisions: 4, resolved: 1 }, '2026-11-20new': { decisions: 2 } });
    await rollups.increment(key(), { decisions: 1 });
    expect(countersOf(await rollups.list({}))['2026-11-20']).toEqual({ decisions: 5, resolved: 1 });
  });
});
