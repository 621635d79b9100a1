import type { Db } from 'mongodb';
import type { LegalHold } from '../../store';
import { strip, type StrDoc } from './docs';

export function holdsRepo(db: Db) {
  const col = () => db.collection<StrDoc>('legal_holds');
  return {
    put: async (hold: LegalHold) => void (await col().replaceOne({ _id: hold.memberId }, { _id: hold.memberId, ...hold }, { upsert: true })),
    get: async (memberId: string) => strip<LegalHold>(await col().findOne({ _id: memberId })),
    delete: async (memberId: string) => void (await col().deleteOne({ _id: memberId })),
    list: async () => (await col().find().sort({ _id: 1 }).toArray()).map((d) => strip<LegalHold>(d)!),
  };
}
