import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { MongoClient } from 'mongodb';
import { describe } from 'vitest';
import { openMongoStore } from '../../server/storage/mongo/mongo-store';
import { openSqliteStore } from '../../server/storage/sqlite/sqlite-store';
import type { Store } from '../../server/storage/store';
import { mongoTestUri } from './mongo-uri';

/** Direct access to what a store keeps, for tests that tamper with it behind the app's back. */
export interface RawAccess {
  updateDecision(id: string, mutate: (doc: Record<string, any>) => void): Promise<void>;
  deleteDecision(id: string): Promise<void>;
  updateEvent(decisionId: string, seq: number, mutate: (doc: Record<string, any>) => void): Promise<void>;
  deleteEvent(decisionId: string, seq: number): Promise<void>;
  updateAnchor(seq: number, mutate: (doc: Record<string, any>) => void): Promise<void>;
  deleteAnchor(seq: number): Promise<void>;
  /** A frozen report by its seq in the report chain. */
  updateReport(seq: number, mutate: (doc: Record<string, any>) => void): Promise<void>;
  deleteReport(seq: number): Promise<void>;
  /** How many rows or documents a table or collection of the same name holds. */
  count(collection: 'leases'): Promise<number>;
  close(): Promise<void>;
}

export interface TestStore {
  store: Store;
  raw: RawAccess;
  /** The embedded store's files (database, WAL, shared memory), for tests that read them raw. */
  files?: () => string[];
  /** Closes the store and removes what it left behind. */
  dispose(): Promise<void>;
}

export async function openTestSqlite(): Promise<TestStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recourse-test-'));
  const file = path.join(dir, 'recourse.sqlite');
  const store = openSqliteStore(file);
  const db = new Database(file);
  const rewrite = (table: string, where: string, params: unknown[], mutate: (doc: Record<string, any>) => void) => {
    const row = db.prepare(`SELECT doc FROM ${table} WHERE ${where}`).get(...params) as { doc: string };
    const doc = JSON.parse(row.doc);
    mutate(doc);
    db.prepare(`UPDATE ${table} SET doc = ? WHERE ${where}`).run(JSON.stringify(doc), ...params);
  };
  const raw: RawAccess = {
    updateDecision: async (id, mutate) => rewrite('decisions', 'id = ?', [id], mutate),
    deleteDecision: async (id) => void db.prepare('DELETE FROM decisions WHERE id = ?').run(id),
    updateEvent: async (decisionId, seq, mutate) => rewrite('events', 'decision_id = ? AND seq = ?', [decisionId, seq], mutate),
    deleteEvent: async (decisionId, seq) => void db.prepare('DELETE FROM events WHERE decision_id = ? AND seq = ?').run(decisionId, seq),
    updateAnchor: async (seq, mutate) => rewrite('anchors', 'seq = ?', [seq], mutate),
    deleteAnchor: async (seq) => void db.prepare('DELETE FROM anchors WHERE seq = ?').run(seq),
    updateReport: async (seq, mutate) => rewrite('reports', 'seq = ?', [seq], mutate),
    deleteReport: async (seq) => void db.prepare('DELETE FROM reports WHERE seq = ?').run(seq),
    count: async (table) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n,
    close: async () => void db.close(),
  };
  return {
    store,
    raw,
    files: () => fs.readdirSync(dir).map((name) => path.join(dir, name)),
    dispose: async () => {
      await raw.close();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function openTestMongo(uri: string): Promise<TestStore> {
  const dbName = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const store = await openMongoStore(uri, dbName);
  const client = await new MongoClient(uri).connect();
  const db = client.db(dbName);
  const update = async (collection: string, filter: Record<string, unknown>, mutate: (doc: Record<string, any>) => void) => {
    const doc = await db.collection<any>(collection).findOne(filter);
    if (!doc) throw new Error(`nothing in ${collection} matches ${JSON.stringify(filter)}`);
    mutate(doc);
    await db.collection<any>(collection).replaceOne(filter, doc);
  };
  const raw: RawAccess = {
    updateDecision: (id, mutate) => update('decisions', { _id: id }, mutate),
    deleteDecision: async (id) => void (await db.collection<any>('decisions').deleteOne({ _id: id })),
    updateEvent: (decisionId, seq, mutate) => update('events', { decisionId, seq }, mutate),
    deleteEvent: async (decisionId, seq) => void (await db.collection<any>('events').deleteOne({ decisionId, seq })),
    updateAnchor: (seq, mutate) => update('anchors', { _id: seq }, mutate),
    deleteAnchor: async (seq) => void (await db.collection<any>('anchors').deleteOne({ _id: seq })),
    updateReport: (seq, mutate) => update('reports', { seq }, mutate),
    deleteReport: async (seq) => void (await db.collection<any>('reports').deleteOne({ seq })),
    count: (collection) => db.collection(collection).countDocuments(),
    close: async () => client.close(),
  };
  return {
    store,
    raw,
    dispose: async () => {
      await db.dropDatabase().catch(() => undefined);
      await raw.close();
      await store.close();
    },
  };
}

export interface StoreKind {
  name: 'sqlite' | 'mongodb';
  open: () => Promise<TestStore>;
}

/** Every store the suite runs on: SQLite always, MongoDB (FerretDB in CI) when reachable. */
export function storeKinds(): StoreKind[] {
  const uri = mongoTestUri();
  const kinds: StoreKind[] = [{ name: 'sqlite', open: openTestSqlite }];
  if (uri) kinds.push({ name: 'mongodb', open: () => openTestMongo(uri) });
  else if (process.env.CI === 'true') throw new Error('MongoDB is required in CI but no test server is reachable.');
  return kinds;
}

/** describe() once per store kind, named after it. */
export function describeEachStore(title: string, body: (kind: StoreKind) => void): void {
  for (const kind of storeKinds()) describe(`${title} [${kind.name}]`, () => body(kind));
}
