import path from 'node:path';
import Database from 'better-sqlite3';
import { MongoClient } from 'mongodb';
import type { NewDecisionInput } from '@shared/schemas/decision';
import { DEMO_INGEST_KEY } from '../../server/config';
import { generateDecisions } from '../../server/demo/generator';
import type { Store } from '../../server/storage/store';
import { startApp } from './http';
import { timed } from './stats';

export const INGEST_BATCH = 1000;

/**
 * The generator's decisions as request bodies of INGEST_BATCH, built one at a time (never all held).
 * In decision-time order, as a scoring service sends them while it decides; the floor gets
 * the very same bodies.
 */
export function* ingestBodies(count: number, now: Date, keyPrefix: string): Generator<{ body: string; size: number }> {
  let batch: NewDecisionInput[] = [];
  for (const decision of generateDecisions({ count, members: Math.max(10, Math.floor(count / 50)), now, seed: 11, keyPrefix, chronological: true })) {
    batch.push(decision);
    if (batch.length === INGEST_BATCH) {
      yield { body: JSON.stringify({ decisions: batch }), size: batch.length };
      batch = [];
    }
  }
  if (batch.length) yield { body: JSON.stringify({ decisions: batch }), size: batch.length };
}

/** POSTs one batch body to the real endpoint; throws unless every decision was accepted as new. */
async function postBatch(baseUrl: string, body: string, size: number): Promise<void> {
  const res = await fetch(`${baseUrl}/api/decisions/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_INGEST_KEY}` },
    body,
  });
  const result = (await res.json()) as { accepted?: number };
  if (res.status !== 200 || result.accepted !== size) throw new Error(`batch refused: ${res.status} ${JSON.stringify(result).slice(0, 500)}`);
}

/**
 * The raw floor on SQLite: the same body parsed and written by one prepared INSERT per decision,
 * one transaction per body, into a bare table with the store's durability pragmas.
 */
function sqliteFloor(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE raw_decisions (doc TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO raw_decisions (doc) VALUES (?)');
  const insertAll = db.transaction((decisions: unknown[]) => {
    for (const d of decisions) insert.run(JSON.stringify(d));
  });
  return {
    write: (body: string) => insertAll((JSON.parse(body) as { decisions: unknown[] }).decisions),
    close: () => db.close(),
  };
}

export interface IngestFigures {
  decisions: number;
  apiMs: number;
  rawMs: number;
}

/**
 * Each body goes to the API and then to the raw floor, alternately, so both see the same
 * machine noise. Only the request (or the parse and write) is timed, never generating the body.
 */
export async function ingestViaApiAndFloor(store: Store, dir: string, count: number, now: Date): Promise<IngestFigures> {
  const app = await startApp(store);
  const floor = sqliteFloor(path.join(dir, 'floor.sqlite'));
  const api = { ms: 0 };
  const raw = { ms: 0 };
  let decisions = 0;
  try {
    for (const { body, size } of ingestBodies(count, now, 'bench')) {
      await timed(api, () => postBatch(app.baseUrl, body, size));
      await timed(raw, () => floor.write(body));
      decisions += size;
    }
  } finally {
    floor.close();
    await app.close();
  }
  return { decisions, apiMs: api.ms, rawMs: raw.ms };
}

/** The same on MongoDB: the API on a Mongo store vs raw insertMany of the same documents to the same server. */
export async function ingestMongo(store: Store, uri: string, rawDbName: string, count: number, now: Date): Promise<IngestFigures> {
  const app = await startApp(store);
  // The store's own durability: majority, journaled.
  const client = await new MongoClient(uri, { writeConcern: { w: 'majority', journal: true } }).connect();
  const rawCollection = client.db(rawDbName).collection('raw_decisions');
  const api = { ms: 0 };
  const raw = { ms: 0 };
  let decisions = 0;
  try {
    for (const { body, size } of ingestBodies(count, now, 'bench-mongo')) {
      await timed(api, () => postBatch(app.baseUrl, body, size));
      await timed(raw, () => rawCollection.insertMany((JSON.parse(body) as { decisions: Record<string, unknown>[] }).decisions, { ordered: false }));
      decisions += size;
    }
  } finally {
    await client
      .db(rawDbName)
      .dropDatabase()
      .catch(() => undefined);
    await client.close();
    await app.close();
  }
  return { decisions, apiMs: api.ms, rawMs: raw.ms };
}
