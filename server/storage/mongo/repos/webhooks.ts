import type { Db } from 'mongodb';
import { DuplicateKeyError, type WebhookSubscription } from '../../store';
import { fromDoc, isDuplicate, toDoc, type StrDoc } from './docs';

export function webhooksRepo(db: Db) {
  const col = () => db.collection<StrDoc>('webhook_subscriptions');
  return {
    add: async (s: WebhookSubscription) => {
      try {
        await col().insertOne(toDoc(s) as StrDoc);
      } catch (error) {
        if (isDuplicate(error)) throw new DuplicateKeyError(`webhook subscription ${s.id}`);
        throw error;
      }
    },
    get: async (id: string) => fromDoc<WebhookSubscription>(await col().findOne({ _id: id })),
    put: async (s: WebhookSubscription) => void (await col().replaceOne({ _id: s.id }, toDoc(s))),
    list: async () => (await col().find().sort({ createdAt: 1, _id: 1 }).toArray()).map((d) => fromDoc<WebhookSubscription>(d)!),
  };
}
