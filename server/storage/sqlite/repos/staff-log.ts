import { DuplicateKeyError, type StaffLogEntry } from '../../store';
import { type Db, isUniqueViolation, parse } from './rows';

export function staffLogRepo(db: Db) {
  const insert = db.prepare('INSERT INTO staff_log (seq, doc) VALUES (?, ?)');
  const latest = db.prepare<[], { doc: string }>('SELECT doc FROM staff_log ORDER BY seq DESC LIMIT 1');
  const list = db.prepare<[], { doc: string }>('SELECT doc FROM staff_log ORDER BY seq');
  return {
    append: async (entry: StaffLogEntry) => {
      try {
        insert.run(entry.seq, JSON.stringify(entry));
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateKeyError(`staff log ${entry.seq}`);
        throw error;
      }
    },
    latest: async () => parse<StaffLogEntry>(latest.get()),
    list: async () => list.all().map((r) => JSON.parse(r.doc) as StaffLogEntry),
  };
}
