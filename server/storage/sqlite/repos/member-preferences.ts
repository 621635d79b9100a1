import type { DecisionType } from '@shared/schemas/common';
import type { StoredMemberPreferences } from '../../store';
import { type Db, isUniqueViolation, parse } from './rows';

const TYPES: DecisionType[] = ['renewal_price', 'fraud_flag', 'risk_score'];

export function memberPreferencesRepo(db: Db) {
  const get = db.prepare<[string], { doc: string }>('SELECT doc FROM member_preferences WHERE member_id = ?');
  const insert = db.prepare('INSERT INTO member_preferences (member_id, active, version, doc) VALUES (?, ?, ?, ?)');
  const update = db.prepare('UPDATE member_preferences SET active = ?, version = ?, doc = ? WHERE member_id = ? AND version = ?');
  const anyActive = db.prepare<[], { one: number }>('SELECT 1 AS one FROM member_preferences WHERE active = 1 LIMIT 1');
  const activeOne = db.prepare<[string], { doc: string }>('SELECT doc FROM member_preferences WHERE member_id = ? AND active = 1');
  const actives = db.prepare<[], { doc: string }>('SELECT doc FROM member_preferences WHERE active = 1');
  const remove = db.prepare('DELETE FROM member_preferences WHERE member_id = ?');
  return {
    get: async (memberId: string) => parse<StoredMemberPreferences>(get.get(memberId)),
    compareAndSet: async (next: StoredMemberPreferences, expectedVersion: number) => {
      const doc = JSON.stringify(next);
      if (expectedVersion === 0) {
        try {
          insert.run(next.memberId, next.active ? 1 : 0, next.version, doc);
          return true;
        } catch (error) {
          if (isUniqueViolation(error)) return false;
          throw error;
        }
      }
      return update.run(next.active ? 1 : 0, next.version, doc, next.memberId, expectedVersion).changes === 1;
    },
    anyActive: async () => anyActive.get() !== undefined,
    // Point lookups by primary key: an embedded engine answers each in microseconds.
    activeFor: async (memberIds: readonly string[]) =>
      [...new Set(memberIds)].flatMap((id) => {
        const found = parse<StoredMemberPreferences>(activeOne.get(id));
        return found ? [found] : [];
      }),
    counts: async () => {
      const humanReview = Object.fromEntries(TYPES.map((t) => [t, 0])) as Record<DecisionType, number>;
      const consentWithdrawn = { ...humanReview };
      // Only members with something in force, a small table beside the decision log.
      for (const row of actives.all()) {
        const p = JSON.parse(row.doc) as StoredMemberPreferences;
        for (const t of TYPES) {
          if (p.humanReviewSince[t]) humanReview[t]++;
          if (p.consentWithdrawn[t]) consentWithdrawn[t]++;
        }
      }
      return { humanReview, consentWithdrawn };
    },
    delete: async (memberId: string) => remove.run(memberId).changes > 0,
  };
}
