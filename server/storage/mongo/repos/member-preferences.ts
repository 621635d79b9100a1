import type { Db } from 'mongodb';
import type { DecisionType } from '@shared/schemas/common';
import type { StoredMemberPreferences } from '../../store';
import { insertedFirst, isDuplicate, strip, type StrDoc } from './docs';

const TYPES: DecisionType[] = ['renewal_price', 'fraud_flag', 'risk_score'];

export function memberPreferencesRepo(db: Db) {
  const col = () => db.collection<StrDoc>('member_preferences');
  const revisions = () => db.collection<StrDoc>('member_preference_revisions');
  const revisionId = (memberId: string, version: number) => `${memberId}#${version}`;
  /** Writes a revision as the member's document unless a newer one is there already. */
  const project = async (p: StoredMemberPreferences) => {
    try {
      await col().replaceOne({ _id: p.memberId, version: { $lt: p.version } }, { ...p }, { upsert: true });
    } catch (error) {
      // The upsert collided with a document at a newer version: nothing to do.
      if (!isDuplicate(error)) throw error;
    }
  };
  /** The member's document, moved on first to any revision a crashed writer left unprojected. */
  const get = async (memberId: string): Promise<StoredMemberPreferences | null> => {
    let current = strip<StoredMemberPreferences>(await col().findOne({ _id: memberId }));
    for (;;) {
      const newer = strip<StoredMemberPreferences>(await revisions().findOne({ _id: revisionId(memberId, (current?.version ?? 0) + 1) }));
      if (!newer) return current;
      await project(newer);
      current = newer;
    }
  };
  return {
    get,
    /*
     * FerretDB does not make a filtered replace atomic, so the race is decided the way the chains
     * decide theirs: by inserting the revision under a unique id (member and version). The winner
     * then moves the member's document on; a crash in between is repaired by the next read.
     */
    compareAndSet: async (next: StoredMemberPreferences, expectedVersion: number) => {
      if (!(await insertedFirst(revisions(), { _id: revisionId(next.memberId, next.version), ...next }))) return false;
      if (next.version !== expectedVersion + 1) throw new Error('a revision moves the version on by one');
      await project(next);
      return true;
    },
    anyActive: async () => (await col().findOne({ active: true }, { projection: { _id: 1 } })) !== null,
    /*
     * Few members have anything in force, so first one indexed read of them all, if they are no
     * more than the members asked about; only when there are more, one equality read per member
     * (not $in: FerretDB does not push $in down to its backend).
     */
    activeFor: async (memberIds: readonly string[]) => {
      const wanted = new Set(memberIds);
      const all = await col()
        .find({ active: true })
        .limit(wanted.size + 1)
        .toArray();
      if (all.length <= wanted.size) return all.flatMap((d) => (wanted.has(String(d._id)) ? [strip<StoredMemberPreferences>(d)!] : []));
      const found = await Promise.all([...wanted].map((id) => col().findOne({ _id: id, active: true })));
      return found.flatMap((d) => (d ? [strip<StoredMemberPreferences>(d)!] : []));
    },
    counts: async () => {
      const count = (field: string, t: DecisionType) => col().countDocuments({ active: true, [`${field}.${t}`]: { $exists: true } });
      const [humanReview, consentWithdrawn] = await Promise.all(
        ['humanReviewSince', 'consentWithdrawn'].map(async (field) =>
          Object.fromEntries(await Promise.all(TYPES.map(async (t) => [t, await count(field, t)] as const))),
        ),
      );
      return { humanReview: humanReview as Record<DecisionType, number>, consentWithdrawn: consentWithdrawn as Record<DecisionType, number> };
    },
    delete: async (memberId: string) => {
      await revisions().deleteMany({ memberId });
      return (await col().deleteOne({ _id: memberId })).deletedCount > 0;
    },
  };
}
