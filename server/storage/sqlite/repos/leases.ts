import { endedLeasesBefore, leaseTerm } from '../../leases';
import { type Db } from './rows';

export function leasesRepo(db: Db) {
  const claim = db.prepare('INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?) ON CONFLICT(name) DO NOTHING');
  const holderOf = db.prepare<[string], { holder: string }>('SELECT holder FROM leases WHERE name = ?');
  const deleteEnded = db.prepare('DELETE FROM leases WHERE expires_at < ?');
  return {
    tryAcquire: async (name: string, holder: string, now: Date, ttlMs: number) => {
      const { key, expiresAt } = leaseTerm(name, now, ttlMs);
      if (claim.run(key, holder, expiresAt).changes === 1) {
        deleteEnded.run(endedLeasesBefore(now));
        return true;
      }
      return holderOf.get(key)?.holder === holder;
    },
  };
}
