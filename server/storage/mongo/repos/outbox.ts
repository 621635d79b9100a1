import type { Db } from 'mongodb';
import type { OutboxMessage } from '../../store';
import { fromDoc, isDuplicate, toDoc, type StrDoc } from './docs';
import { withoutMember } from '../../../domain/outbound-events';

export function outboxRepo(db: Db) {
  const col = () => db.collection<StrDoc>('outbox');
  return {
    add: async (m: OutboxMessage) => {
      try {
        await col().insertOne(toDoc(m) as StrDoc);
      } catch (error) {
        if (!isDuplicate(error)) throw error;
      }
    },
    pending: async (limit: number) => (await col().find({ deliveredAt: null }).sort({ _id: 1 }).limit(limit).toArray()).map((d) => fromDoc<OutboxMessage>(d)!),
    oldestPendingAt: async () => {
      const [oldest] = await col()
        .find({ deliveredAt: null }, { projection: { createdAt: 1 } })
        .sort({ createdAt: 1 })
        .limit(1)
        .toArray();
      return typeof oldest?.createdAt === 'string' ? oldest.createdAt : null;
    },
    markDelivered: async (id: string, at: string) => void (await col().updateOne({ _id: id }, { $set: { deliveredAt: at } })),
    replace: async (m: OutboxMessage) => void (await col().replaceOne({ _id: m.id }, toDoc(m))),
    eraseMember: async (memberId: string) => {
      for (const doc of await col()
        .find({ $or: [{ memberId }, { 'events.data.memberId': memberId }] })
        .toArray()) {
        const scrubbed = withoutMember(fromDoc<OutboxMessage>(doc)!, memberId);
        await col().replaceOne({ _id: doc._id }, toDoc(scrubbed));
      }
    },
  };
}
