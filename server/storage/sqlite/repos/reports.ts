import { DuplicateKeyError, type StoredReport } from '../../store';
import { type Db, isUniqueViolation, parse } from './rows';

/** Frozen reports: the document (content) is a string inside the row's JSON, so it comes back byte for byte. */
export function reportsRepo(db: Db) {
  const insert = db.prepare('INSERT INTO reports (id, seq, doc) VALUES (?, ?, ?)');
  const byId = db.prepare<[string], { doc: string }>('SELECT doc FROM reports WHERE id = ?');
  const bySeq = db.prepare<[number], { doc: string }>('SELECT doc FROM reports WHERE seq = ?');
  const latest = db.prepare<[], { doc: string }>('SELECT doc FROM reports ORDER BY seq DESC LIMIT 1');
  const page = db.prepare<[number, number], { doc: string }>('SELECT doc FROM reports WHERE seq < ? ORDER BY seq DESC LIMIT ?');
  const after = db.prepare<[number, number], { seq: number; doc: string }>('SELECT seq, doc FROM reports WHERE seq > ? ORDER BY seq LIMIT ?');
  return {
    append: async (report: StoredReport) => {
      try {
        insert.run(report.id, report.seq, JSON.stringify(report));
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateKeyError(`report ${report.seq}`);
        throw error;
      }
    },
    get: async (id: string) => parse<StoredReport>(byId.get(id)),
    bySeq: async (seq: number) => parse<StoredReport>(bySeq.get(seq)),
    latest: async () => parse<StoredReport>(latest.get()),
    page: async (beforeSeq: number | null, limit: number) =>
      page.all(beforeSeq ?? Number.MAX_SAFE_INTEGER, limit).map((r) => JSON.parse(r.doc) as StoredReport),
    scan: async function* () {
      // In chunks, so a long scan never holds the connection (the reports are few; this costs nothing).
      let seq = 0;
      for (;;) {
        const rows = after.all(seq, 50);
        for (const row of rows) yield JSON.parse(row.doc) as StoredReport;
        if (rows.length < 50) return;
        seq = rows[rows.length - 1]!.seq;
      }
    },
  };
}
