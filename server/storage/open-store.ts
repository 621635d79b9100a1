import path from 'node:path';
import type { Config } from '../config';
import { openMongoStore } from './mongo/mongo-store';
import { openSqliteStore } from './sqlite/sqlite-store';
import type { Store } from './store';

export const SQLITE_FILE = 'recourse.sqlite';

/** MongoDB when MONGODB_URI is set, the embedded SQLite file under DATA_DIR otherwise. */
export async function openStore(config: Config): Promise<Store> {
  if (config.mongodbUri) return openMongoStore(config.mongodbUri);
  return openSqliteStore(path.join(config.dataDir, SQLITE_FILE));
}
