import type { Db } from 'mongodb';
import type { StoredSession } from '../../store';
import { strip, type StrDoc } from './docs';

export function sessionsRepo(db: Db) {
  const col = () => db.collection<StrDoc>('sessions');
  return {
    insert: async (session: StoredSession) => void (await col().insertOne({ _id: session.tokenHash, ...session } as StrDoc)),
    get: async (tokenHash: string) => strip<StoredSession>(await col().findOne({ _id: tokenHash })),
    touch: async (tokenHash: string, lastSeenAt: string) => void (await col().updateOne({ _id: tokenHash }, { $set: { lastSeenAt } })),
    delete: async (tokenHash: string) => void (await col().deleteOne({ _id: tokenHash })),
    deleteForUser: async (userId: string) => void (await col().deleteMany({ userId })),
  };
}
