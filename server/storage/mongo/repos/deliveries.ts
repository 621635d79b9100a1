import type { Db } from 'mongodb';
import type { Delivery } from '../../store';
import { fromDoc, isDuplicate, toDoc, type StrDoc } from './docs';

export function deliveriesRepo(db: Db) {
  const col = () => db.collection<StrDoc>('deliveries');
  const read = (d: StrDoc) => fromDoc<Delivery>(d)!;
  return {
    add: async (d: Delivery) => {
      try {
        await col().insertOne(toDoc(d) as StrDoc);
      } catch (error) {
        if (!isDuplicate(error)) throw error;
      }
    },
    get: async (id: string) => fromDoc<Delivery>(await col().findOne({ _id: id })),
    put: async (d: Delivery) => void (await col().replaceOne({ _id: d.id }, toDoc(d))),
    due: async (now: string, limit: number) =>
      (
        await col()
          .find({ status: 'pending', nextAttemptAt: { $lte: now } })
          .sort({ nextAttemptAt: 1, _id: 1 })
          .limit(limit)
          .toArray()
      ).map(read),
    head: async (lane: string) => {
      const [first] = await col().find({ lane, status: 'pending' }).sort({ seq: 1, position: 1, _id: 1 }).limit(1).toArray();
      return first ? read(first) : null;
    },
    forDestination: async (channel: Delivery['channel'], destinationId: string, status: Delivery['status'] | null, limit: number) =>
      (
        await col()
          .find({ channel, destinationId, ...(status ? { status } : {}) })
          .sort({ createdAt: -1, _id: -1 })
          .limit(limit)
          .toArray()
      ).map(read),
    stats: async () => {
      const [pending, delivered, dead] = await Promise.all(['pending', 'delivered', 'dead'].map((status) => col().countDocuments({ status })));
      const [oldest] = await col()
        .find({ status: 'pending' }, { projection: { createdAt: 1 } })
        .sort({ createdAt: 1 })
        .limit(1)
        .toArray();
      return { pending: pending!, delivered: delivered!, dead: dead!, oldestPendingAt: typeof oldest?.createdAt === 'string' ? oldest.createdAt : null };
    },
    eraseMember: async (memberId: string) => {
      // A re-decision request names the member's inputs and claim too (see scrubbed in outbound-events.ts).
      await col().updateMany(
        { status: 'pending', 'data.memberId': memberId, type: 'decision.redecision_requested' },
        { $set: { 'data.claimId': null, 'data.inputs': null } },
      );
      await col().updateMany({ status: 'pending', 'data.memberId': memberId, type: { $ne: 'member.erased' } }, { $set: { 'data.memberId': null } });
    },
  };
}
