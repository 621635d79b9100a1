import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { MongoClient } from 'mongodb';
import { openMongoStore } from '../../server/storage/mongo/mongo-store';
import { openTestSqlite, type RawAccess, type StoreKind, type TestStore } from './stores';
import { mongoTestUri } from './mongo-uri';

type Doc = Record<string, any>;

/** RawAccess plus the anchors (SQLite table `anchors(seq, doc)`, MongoDB collection `anchors`). */
export interface TamperAccess extends RawAccess {
  updateAnchor(seq: number, mutate: (doc: Doc) => void): Promise<void>;
  deleteAnchor(seq: number): Promise<void>;
}

export interface TamperStore extends TestStore {
  raw: TamperAccess;
}

async function sqliteTamperStore(): Promise<TamperStore> {
  const base = await openTestSqlite();
  const file = base.files!().find((f) => f.endsWith('.sqlite'))!;
  // A second connection on the same WAL database: the app's handle sees its writes.
  const db = new Database(file);
  const raw: TamperAccess = {
    ...base.raw,
    updateAnchor: async (seq, mutate) => {
      const row = db.prepare('SELECT doc FROM anchors WHERE seq = ?').get(seq) as { doc: string };
      const doc = JSON.parse(row.doc) as Doc;
      mutate(doc);
      db.prepare('UPDATE anchors SET doc = ? WHERE seq = ?').run(JSON.stringify(doc), seq);
    },
    deleteAnchor: async (seq) => void db.prepare('DELETE FROM anchors WHERE seq = ?').run(seq),
    close: async () => {
      db.close();
      await base.raw.close();
    },
  };
  return {
    ...base,
    raw,
    dispose: async () => {
      db.close();
      await base.dispose();
    },
  };
}

/** Like openTestMongo, with the anchors collection reachable too. */
async function mongoTamperStore(uri: string): Promise<TamperStore> {
  const dbName = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const store = await openMongoStore(uri, dbName);
  const client = await new MongoClient(uri).connect();
  const db = client.db(dbName);
  const update = async (collection: string, filter: Doc, mutate: (doc: Doc) => void) => {
    const doc = await db.collection<any>(collection).findOne(filter);
    if (!doc) throw new Error(`nothing in ${collection} matches ${JSON.stringify(filter)}`);
    mutate(doc);
    await db.collection<any>(collection).replaceOne(filter, doc);
  };
  const raw: TamperAccess = {
    updateDecision: (id, mutate) => update('decisions', { _id: id }, mutate),
    deleteDecision: async (id) => void (await db.collection<any>('decisions').deleteOne({ _id: id })),
    updateEvent: (decisionId, seq, mutate) => update('events', { decisionId, seq }, mutate),
    deleteEvent: async (decisionId, seq) => void (await db.collection<any>('events').deleteOne({ decisionId, seq })),
    updateAnchor: (seq, mutate) => update('anchors', { _id: seq }, mutate),
    deleteAnchor: async (seq) => void (await db.collection<any>('anchors').deleteOne({ _id: seq })),
    close: async () => client.close(),
  };
  return {
    store,
    raw,
    dispose: async () => {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
      await store.close();
    },
  };
}

export interface TamperStoreKind {
  name: StoreKind['name'];
  open: () => Promise<TamperStore>;
}

/** SQLite always; MongoDB (FerretDB) when the global setup provided one. */
export function tamperStoreKinds(): TamperStoreKind[] {
  const uri = mongoTestUri();
  const kinds: TamperStoreKind[] = [{ name: 'sqlite', open: sqliteTamperStore }];
  if (uri) kinds.push({ name: 'mongodb', open: () => mongoTamperStore(uri) });
  else if (process.env.CI === 'true') throw new Error('MongoDB is required in CI but no test server is reachable.');
  return kinds;
}
