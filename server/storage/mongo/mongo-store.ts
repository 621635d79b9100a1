import { MongoClient, MongoBulkWriteError, type Collection, type Db, type Document } from 'mongodb';
import type { Anchor } from '@shared/schemas/audit';
import type { DecisionOutput } from '@shared/schemas/decision';
import type { ModelEntry } from '@shared/schemas/model';
import {
  DuplicateKeyError,
  prefixEnd,
  type CaseFilter,
  type CasePageKey,
  type ChainEvent,
  type DecisionFilter,
  type EventFilter,
  type EventPageKey,
  type OutboxMessage,
  type StoredCase,
  type LegalHold,
  type StaffLogEntry,
  type DecisionPageKey,
  type RollupRepo,
  type Store,
  type StoredDecision,
  type StoredSession,
  type StoredUser,
} from '../store';
import { writeFollowUps, type DecisionToInsert } from '../ingest-follow-ups';
import { DUPLICATE_KEY, fromDoc, isDuplicate, scan, strip, toDoc, type StrDoc } from './docs';
import { ensureIndexes } from './indexes';
import { rollupsRepo } from './mongo-rollups';
import { endedLeasesBefore, leaseTerm } from '../leases';

export async function openMongoStore(uri: string, dbName?: string): Promise<Store> {
  // Majority and journaled: an acknowledged decision survives the loss of a primary.
  const client = new MongoClient(uri, { writeConcern: { w: 'majority', journal: true }, serverSelectionTimeoutMS: 10_000 });
  await client.connect();
  const db = client.db(dbName ?? (new URL(uri).pathname.slice(1) || 'recourse'));
  await ensureIndexes(db);
  return new MongoStore(client, db);
}

class MongoStore implements Store {
  readonly kind = 'mongodb' as const;
  private readonly decisionsCol: Collection<StrDoc>;
  private readonly eventsCol: Collection<StrDoc>;
  readonly rollups: RollupRepo;
  constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {
    this.decisionsCol = db.collection<StrDoc>('decisions');
    this.eventsCol = db.collection<StrDoc>('events');
    this.rollups = rollupsRepo(db);
  }

  decisions = (() => {
    const col = () => this.decisionsCol;
    return {
      insertMany: async (items: readonly DecisionToInsert[]) => {
        if (items.length === 0) return { inserted: [], duplicates: [] };
        const records = items.map((item) => item.decision);
        const duplicateIndexes = new Set<number>();
        try {
          await col().insertMany(records.map(toDoc) as StrDoc[], { ordered: false });
        } catch (error) {
          if (!(error instanceof MongoBulkWriteError)) throw error;
          const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
          for (const writeError of writeErrors) {
            if (writeError.code !== DUPLICATE_KEY) throw error;
            duplicateIndexes.add(writeError.index);
          }
        }
        const inserted: string[] = [];
        const duplicates: string[] = [];
        records.forEach((r, i) => (duplicateIndexes.has(i) ? duplicates : inserted).push(r.id));
        // In order, one document per write: an event before its case, as commitCaseChange does.
        await writeFollowUps(items, new Set(inserted), {
          appendEvent: (event) => this.events.append(event),
          putCase: (c) => this.cases.put(c),
          incrementRollups: (rollups) => this.rollups.incrementMany(rollups),
        });
        return { inserted, duplicates };
      },
      get: async (id: string) => fromDoc<StoredDecision>(await col().findOne({ _id: id })),
      getMany: async (ids: string[]) =>
        (await col().find({ _id: { $in: ids } }).toArray()).map((d) => fromDoc<StoredDecision>(d)!),
      page: async (filter: DecisionFilter, after: DecisionPageKey | null, limit: number) => {
        const query: Document = {};
        if (filter.type) query.type = filter.type;
        // The service only combines `type` with `types` when the type is within them.
        if (filter.types && !filter.type) query.type = { $in: filter.types };
        if (filter.memberId) query['subject.memberId'] = filter.memberId;
        if (filter.modelId) query['model.id'] = filter.modelId;
        if (filter.modelVersion) query['model.version'] = filter.modelVersion;
        if (filter.from || filter.to) {
          query.decidedAt = {};
          if (filter.from) query.decidedAt.$gte = filter.from;
          if (filter.to) query.decidedAt.$lte = filter.to;
        }
        if (after) {
          query.$or = [{ decidedAt: { $lt: after.decidedAt } }, { decidedAt: after.decidedAt, _id: { $lt: after.id } }];
        }
        const docs = await col().find(query).sort({ decidedAt: -1, _id: -1 }).limit(limit).toArray();
        return docs.map((d) => fromDoc<StoredDecision>(d)!);
      },
      firstDecidedAt: async (model: { id: string; version: string }, from: string, to: string) => {
        const query = { 'model.id': model.id, 'model.version': model.version, decidedAt: { $gte: from, $lte: to } };
        const [first] = await col().find(query, { projection: { decidedAt: 1 } }).sort({ decidedAt: 1 }).limit(1).toArray();
        return typeof first?.decidedAt === 'string' ? first.decidedAt : null;
      },
      scanById: () => scan<StoredDecision>(col(), { _id: 1 }, fromDoc),
      count: async () => col().countDocuments(),
      setEffectiveOutcome: async (id: string, effectiveOutcome: DecisionOutput, overridden: boolean) =>
        void (await col().updateOne({ _id: id }, { $set: { effectiveOutcome, overridden } })),
      replaceErased: async (record: StoredDecision) => void (await col().replaceOne({ _id: record.id }, toDoc(record) as StrDoc)),
    };
  })();

  events = (() => {
    const col = () => this.eventsCol;
    return {
      append: async (event: ChainEvent) => {
        try {
          await col().insertOne({ _id: `${event.decisionId}#${event.seq}`, ...event } as StrDoc);
        } catch (error) {
          if (isDuplicate(error)) throw new DuplicateKeyError(`event ${event.decisionId}#${event.seq}`);
          throw error;
        }
      },
      list: async (decisionId: string) =>
        (await col().find({ decisionId }).sort({ seq: 1 }).toArray()).map((d) => strip<ChainEvent>(d)!),
      last: async (decisionId: string) =>
        strip<ChainEvent>((await col().find({ decisionId }).sort({ seq: -1 }).limit(1).toArray())[0] ?? null),
      scanByChain: () => scan<ChainEvent>(col(), { decisionId: 1, seq: 1 }, strip),
      count: async () => col().countDocuments(),
      since: async (at: string, limit: number) =>
        (await col().find({ at: { $gte: at } }).sort({ at: 1, decisionId: 1, seq: 1 }).limit(limit).toArray()).map((d) => strip<ChainEvent>(d)!),
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
      erasePersonal: async (decisionId: string) =>
        void (await col().updateMany({ decisionId }, { $set: { personal: null, personalSalt: null } })),
    };
  })();

  anchors = (() => {
    const col = () => this.db.collection<StrDoc>('anchors');
    return {
      append: async (anchor: Anchor) => {
        try {
          await col().insertOne({ _id: anchor.seq, ...anchor } as unknown as StrDoc);
        } catch (error) {
          if (isDuplicate(error)) throw new DuplicateKeyError(`anchor ${anchor.seq}`);
          throw error;
        }
      },
      latest: async () => strip<Anchor>((await col().find().sort({ seq: -1 }).limit(1).toArray())[0] ?? null),
      list: async () => (await col().find().sort({ seq: 1 }).toArray()).map((d) => strip<Anchor>(d)!),
    };
  })();

  cases = (() => {
    const col = () => this.db.collection<StrDoc>('cases');
    const query = (filter: CaseFilter): Document => {
      const q: Document = {};
      if (filter.status) q.status = filter.status;
      else if (filter.statuses) q.status = { $in: filter.statuses };
      if (filter.type) q.decisionType = filter.type;
      else if (filter.types) q.decisionType = { $in: filter.types };
      if (filter.origin) q.origin = filter.origin;
      if (filter.assignee) q.assignee = filter.assignee;
      if (filter.memberId) q.memberId = filter.memberId;
      if (filter.dueFrom || filter.dueBefore) {
        q.dueAt = {};
        if (filter.dueFrom) q.dueAt.$gte = filter.dueFrom;
        if (filter.dueBefore) q.dueAt.$lt = filter.dueBefore;
      }
      return q;
    };
    return {
      put: async (c: StoredCase) => {
        try {
          // Never replace a newer version: a late repair must not undo a change made after it.
          await col().replaceOne({ _id: c.id, version: { $lte: c.version } }, toDoc(c) as StrDoc, { upsert: true });
        } catch (error) {
          // The upsert collided with an existing document: either it is newer (nothing to do)
          // or another writer created it at the same moment (write again, now as an update).
          if (!isDuplicate(error)) throw error;
          await col().replaceOne({ _id: c.id, version: { $lte: c.version } }, toDoc(c) as StrDoc);
        }
      },
      get: async (id: string) => fromDoc<StoredCase>(await col().findOne({ _id: id })),
      listForDecision: async (decisionId: string) =>
        (await col().find({ decisionId }).sort({ _id: 1 }).toArray()).map((d) => fromDoc<StoredCase>(d)!),
      page: async (filter: CaseFilter, after: CasePageKey | null, limit: number) => {
        const q = query(filter);
        if (after) {
          const keyset = [{ dueAt: { $gt: after.dueAt } }, { dueAt: after.dueAt, _id: { $gt: after.id } }];
          // dueBefore and the keyset both constrain dueAt; $and keeps both.
          Object.assign(q, q.dueAt ? { $and: [{ dueAt: q.dueAt }, { $or: keyset }] } : { $or: keyset });
          if (q.$and) delete q.dueAt;
        }
        return (await col().find(q).sort({ dueAt: 1, _id: 1 }).limit(limit).toArray()).map((d) => fromDoc<StoredCase>(d)!);
      },
      count: async (filter: CaseFilter) => col().countDocuments(query(filter)),
    };
  })();

  outbox = (() => {
    const col = () => this.db.collection<StrDoc>('outbox');
    return {
      add: async (m: OutboxMessage) => {
        try {
          await col().insertOne(toDoc(m) as StrDoc);
        } catch (error) {
          if (!isDuplicate(error)) throw error;
        }
      },
      pending: async (limit: number) =>
        (await col().find({ deliveredAt: null }).sort({ _id: 1 }).limit(limit).toArray()).map((d) => fromDoc<OutboxMessage>(d)!),
      oldestPendingAt: async () => {
        const [oldest] = await col().find({ deliveredAt: null }, { projection: { createdAt: 1 } }).sort({ createdAt: 1 }).limit(1).toArray();
        return typeof oldest?.createdAt === 'string' ? oldest.createdAt : null;
      },
      markDelivered: async (id: string, at: string) => void (await col().updateOne({ _id: id }, { $set: { deliveredAt: at } })),
      eraseMember: async (memberId: string) => void (await col().updateMany({ memberId }, { $set: { memberId: null } })),
    };
  })();

  models = (() => {
    const col = () => this.db.collection<StrDoc>('models');
    const key = (modelId: string, version: string) => `${modelId}@${version}`;
    return {
      put: async (entry: ModelEntry) =>
        void (await col().replaceOne({ _id: key(entry.modelId, entry.version) }, { _id: key(entry.modelId, entry.version), ...entry }, { upsert: true })),
      get: async (modelId: string, version: string) => strip<ModelEntry>(await col().findOne({ _id: key(modelId, version) })),
      list: async () => (await col().find().sort({ _id: 1 }).toArray()).map((d) => strip<ModelEntry>(d)!),
    };
  })();

  holds = (() => {
    const col = () => this.db.collection<StrDoc>('legal_holds');
    return {
      put: async (hold: LegalHold) => void (await col().replaceOne({ _id: hold.memberId }, { _id: hold.memberId, ...hold }, { upsert: true })),
      get: async (memberId: string) => strip<LegalHold>(await col().findOne({ _id: memberId })),
      delete: async (memberId: string) => void (await col().deleteOne({ _id: memberId })),
      list: async () => (await col().find().sort({ _id: 1 }).toArray()).map((d) => strip<LegalHold>(d)!),
    };
  })();

  staffLog = (() => {
    const col = () => this.db.collection<StrDoc>('staff_log');
    return {
      append: async (entry: StaffLogEntry) => {
        try {
          await col().insertOne({ _id: entry.seq, ...entry } as unknown as StrDoc);
        } catch (error) {
          if (isDuplicate(error)) throw new DuplicateKeyError(`staff log ${entry.seq}`);
          throw error;
        }
      },
      latest: async () => strip<StaffLogEntry>((await col().find().sort({ _id: -1 }).limit(1).toArray())[0] ?? null),
      list: async () => (await col().find().sort({ _id: 1 }).toArray()).map((d) => strip<StaffLogEntry>(d)!),
    };
  })();

  users = (() => {
    const col = () => this.db.collection<StrDoc>('users');
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
      deleteByMemberId: async (memberId: string) => {
        const ids = (await col().find({ memberId }).toArray()).map((d) => String(d._id));
        await col().deleteMany({ memberId });
        return ids;
      },
    };
  })();

  sessions = (() => {
    const col = () => this.db.collection<StrDoc>('sessions');
    return {
      insert: async (session: StoredSession) => void (await col().insertOne({ _id: session.tokenHash, ...session } as StrDoc)),
      get: async (tokenHash: string) => strip<StoredSession>(await col().findOne({ _id: tokenHash })),
      touch: async (tokenHash: string, lastSeenAt: string) =>
        void (await col().updateOne({ _id: tokenHash }, { $set: { lastSeenAt } })),
      delete: async (tokenHash: string) => void (await col().deleteOne({ _id: tokenHash })),
      deleteForUser: async (userId: string) => void (await col().deleteMany({ userId })),
    };
  })();

  loginFailures = (() => {
    const col = () => this.db.collection('login_failures');
    return {
      record: async (key: string, at: string) => void (await col().insertOne({ key, at })),
      // FerretDB 1.24 has no $min/$max accumulators: the first and last come from two sorted reads.
      summarySince: async (key: string, since: string) => {
        const filter = { key, at: { $gte: since } };
        const [count, first, last] = await Promise.all([
          col().countDocuments(filter),
          col().findOne(filter, { sort: { at: 1 }, projection: { at: 1 } }),
          col().findOne(filter, { sort: { at: -1 }, projection: { at: 1 } }),
        ]);
        return { count, first: (first?.at as string | undefined) ?? null, last: (last?.at as string | undefined) ?? null };
      },
      clear: async (key: string) => void (await col().deleteMany({ key })),
      clearPrefix: async (prefix: string) => void (await col().deleteMany({ key: { $gte: prefix, $lt: prefixEnd(prefix) } })),
      deleteBefore: async (before: string) => (await col().deleteMany({ at: { $lt: before } })).deletedCount,
    };
  })();

  leases = (() => {
    const col = () => this.db.collection<StrDoc>('leases');
    return {
      tryAcquire: async (name: string, holder: string, now: Date, ttlMs: number) => {
        const { key, expiresAt } = leaseTerm(name, now, ttlMs);
        try {
          await col().insertOne({ _id: key, holder, expiresAt } as unknown as StrDoc);
        } catch (error) {
          if (!isDuplicate(error)) throw error;
          return (await col().findOne({ _id: key }))?.holder === holder;
        }
        // Should this fail, the next tick finds the term ours (the holder check above) and runs the job then.
        await col().deleteMany({ expiresAt: { $lt: endedLeasesBefore(now) } });
        return true;
      },
    };
  })();

  meta = (() => {
    const col = () => this.db.collection<StrDoc>('meta');
    return {
      get: async (name: string) => {
        const doc = await col().findOne({ _id: name });
        return typeof doc?.value === 'string' ? doc.value : null;
      },
      putIfAbsent: async (name: string, value: string) => {
        try {
          await col().insertOne({ _id: name, value });
          return true;
        } catch (error) {
          if (!isDuplicate(error)) throw error;
          return false;
        }
      },
    };
  })();

  /** MongoDB compacts its own files; nothing an application can force portably. */
  async purgeFreedSpace(): Promise<void> {}

  /** Indexes are ensured before the store is handed out, so answering a ping is all that is left. */
  async checkReady(): Promise<void> {
    await this.db.command({ ping: 1 });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
