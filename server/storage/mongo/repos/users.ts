import type { Db } from 'mongodb';
import { DuplicateKeyError, type StoredUser } from '../../store';
import { fromDoc, isDuplicate, toDoc, type StrDoc } from './docs';

export function usersRepo(db: Db) {
  const col = () => db.collection<StrDoc>('users');
  return {
    insert: async (user: StoredUser) => {
      try {
        await col().insertOne(toDoc(user) as StrDoc);
      } catch (error) {
        if (isDuplicate(error)) throw new DuplicateKeyError(`user ${user.username}`);
        throw error;
      }
    },
    byUsername: async (username: string) => fromDoc<StoredUser>(await col().findOne({ username })),
    byId: async (id: string) => fromDoc<StoredUser>(await col().findOne({ _id: id })),
    list: async () => (await col().find().sort({ username: 1 }).toArray()).map((d) => fromDoc<StoredUser>(d)!),
    bySource: async (issuer: string, subject: string) => fromDoc<StoredUser>(await col().findOne({ 'source.issuer': issuer, 'source.subject': subject })),
    setGrants: async (id: string, grants: Pick<StoredUser, 'roles' | 'scopes' | 'memberId'>) => {
      const set = { roles: grants.roles, scopes: grants.scopes, ...(grants.memberId ? { memberId: grants.memberId } : {}) };
      const update = grants.memberId ? { $set: set } : { $set: set, $unset: { memberId: '' } };
      return fromDoc<StoredUser>(await col().findOneAndUpdate({ _id: id }, update, { returnDocument: 'after' }));
    },
    deleteByMemberId: async (memberId: string) => {
      const ids = (await col().find({ memberId }).toArray()).map((d) => String(d._id));
      await col().deleteMany({ memberId });
      return ids;
    },
    update: async (user: StoredUser) => (await col().replaceOne({ _id: user.id }, toDoc(user))).matchedCount === 1,
    recordSignIn: async (id: string, at: string) => void (await col().updateOne({ _id: id }, { $set: { lastSignInAt: at } })),
  };
}
