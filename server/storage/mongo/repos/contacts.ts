import type { Db } from 'mongodb';
import type { StoredContact } from '../../store';
import { strip, type StrDoc } from './docs';

export function contactsRepo(db: Db) {
  const col = () => db.collection<StrDoc>('contacts');
  return {
    put: async (contact: StoredContact) => void (await col().replaceOne({ _id: contact.memberId }, { _id: contact.memberId, ...contact }, { upsert: true })),
    get: async (memberId: string) => strip<StoredContact>(await col().findOne({ _id: memberId })),
    delete: async (memberId: string) => (await col().deleteOne({ _id: memberId })).deletedCount > 0,
  };
}
