import type { Anchor } from '@shared/schemas/audit';
import { DuplicateKeyError } from '../../store';
import { type Db, isUniqueViolation, parse } from './rows';

export function anchorsRepo(db: Db) {
  const insert = db.prepare('INSERT INTO anchors (seq, doc) VALUES (?, ?)');
  const latest = db.prepare<[], { doc: string }>('SELECT doc FROM anchors ORDER BY seq DESC LIMIT 1');
  const list = db.prepare<[], { doc: string }>('SELECT doc FROM anchors ORDER BY seq');
  return {
    append: async (anchor: Anchor) => {
      try {
        insert.run(anchor.seq, JSON.stringify(anchor));
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateKeyError(`anchor ${anchor.seq}`);
        throw error;
      }
    },
    latest: async () => parse<Anchor>(latest.get()),
    list: async () => list.all().map((r) => JSON.parse(r.doc) as Anchor),
  };
}
