import type Database from 'better-sqlite3';

/* What every SQLite repository shares: the connection type, unique-key errors, documents, scans. */

export type Db = Database.Database;

export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** A row's JSON document, parsed. */
export const parse = <T>(row: { doc: string } | undefined): T | null => (row ? (JSON.parse(row.doc) as T) : null);

/*
 * Performance (verification): a chunk's rows stay alive until the last of them is parsed. At
 * 2000 rows (about 3 MB of documents) they outlived young-generation collections and were copied
 * and promoted; at 200 they die young, which took garbage collection from 11% to 4% of a full
 * scan. The extra keyset queries are index seeks, too cheap to show.
 */
const SCAN_CHUNK = 200;

/**
 * Streams a table in keyset chunks. A single open iterator would hold the connection busy and
 * block every write for the whole scan; chunks let ingest and reviews go on during verification.
 */
export async function* scanInChunks<T>(statement: Database.Statement, twoPartKey = false): AsyncIterable<T> {
  let k1 = '';
  let k2 = -1;
  for (;;) {
    const params = twoPartKey ? [k1, k2, SCAN_CHUNK] : [k1, SCAN_CHUNK];
    const rows = statement.all(...params) as { k1: string; k2: number; doc: string }[];
    for (const row of rows) yield JSON.parse(row.doc) as T;
    if (rows.length < SCAN_CHUNK) return;
    const lastRow = rows[rows.length - 1]!;
    k1 = lastRow.k1;
    k2 = lastRow.k2;
  }
}
