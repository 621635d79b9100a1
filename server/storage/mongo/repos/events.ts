import type { Db, Document } from 'mongodb';
import { DuplicateKeyError, type ChainEvent, type EventFilter, type EventPageKey } from '../../store';
import { isDuplicate, scan, strip, type StrDoc } from './docs';

export function eventsRepo(db: Db) {
  const col = () => db.collection<StrDoc>('events');
  return {
    append: async (event: ChainEvent) => {
      try {
        await col().insertOne({ _id: `${event.decisionId}#${event.seq}`, ...event } as StrDoc);
      } catch (error) {
        if (isDuplicate(error)) throw new DuplicateKeyError(`event ${event.decisionId}#${event.seq}`);
        throw error;
      }
    },
    list: async (decisionId: string) => (await col().find({ decisionId }).sort({ seq: 1 }).toArray()).map((d) => strip<ChainEvent>(d)!),
    last: async (decisionId: string) => strip<ChainEvent>((await col().find({ decisionId }).sort({ seq: -1 }).limit(1).toArray())[0] ?? null),
    scanByChain: () => scan<ChainEvent>(col(), { decisionId: 1, seq: 1 }, strip),
    count: async () => col().countDocuments(),
    since: async (at: string, limit: number) =>
      (
        await col()
          .find({ at: { $gte: at } })
          .sort({ at: 1, decisionId: 1, seq: 1 })
          .limit(limit)
          .toArray()
      ).map((d) => strip<ChainEvent>(d)!),
    page: async (filter: EventFilter, after: EventPageKey | null, limit: number) => {
      const q: Document = {};
      if (filter.decisionId) q.decisionId = filter.decisionId;
      if (filter.caseId) q.caseId = filter.caseId;
      if (filter.actorId) q['actor.id'] = filter.actorId;
      if (filter.action) q.action = filter.action;
      const range: Document[] = [];
      if (filter.from) range.push({ at: { $gte: filter.from } });
      if (filter.to) range.push({ at: { $lte: filter.to } });
      if (after) {
        range.push({
          $or: [
            { at: { $lt: after.at } },
            { at: after.at, decisionId: { $lt: after.decisionId } },
            { at: after.at, decisionId: after.decisionId, seq: { $lt: after.seq } },
          ],
        });
      }
      if (range.length) q.$and = range;
      return (await col().find(q).sort({ at: -1, decisionId: -1, seq: -1 }).limit(limit).toArray()).map((d) => strip<ChainEvent>(d)!);
    },
    erasePersonal: async (decisionId: string) => void (await col().updateMany({ decisionId }, { $set: { personal: null, personalSalt: null } })),
  };
}
