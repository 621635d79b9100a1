import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { openMongoStore } from '../../server/storage/mongo/mongo-store';
import { openSqliteStore } from '../../server/storage/sqlite/sqlite-store';
import type { Store } from '../../server/storage/store';
import { mongoTestUri } from '../support/mongo-uri';

/** A store a killed server process runs on: its environment, and how the test opens it afterwards. */
export interface StoreTarget {
  name: string;
  env: Record<string, string>;
  open: () => Promise<Store>;
  cleanup: () => Promise<void>;
}

/** SQLite in a fresh data directory, and MongoDB (the test FerretDB) in a fresh database; MongoDB is required in CI. */
export function storeTargets(prefix: string): StoreTarget[] {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `recourse-${prefix}-`));
  const list: StoreTarget[] = [
    {
      name: 'sqlite',
      env: { DATA_DIR: dataDir },
      open: async () => openSqliteStore(path.join(dataDir, 'recourse.sqlite')),
      cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    },
  ];
  const uri = mongoTestUri();
  if (uri) {
    const full = `${uri.replace(/\/$/, '')}/${prefix.replace(/-/g, '_')}_${randomUUID().slice(0, 8)}`;
    list.push({ name: 'mongodb', env: { MONGODB_URI: full }, open: () => openMongoStore(full), cleanup: async () => undefined });
  } else if (process.env.CI === 'true') throw new Error('MongoDB is required in CI');
  return list;
}
