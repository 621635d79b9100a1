import type { Db } from 'mongodb';
import type { StoredMemberRequest } from '../../store';
import { fromDoc, insertedFirst, toDoc, type StrDoc } from './docs';

export function memberRequestsRepo(db: Db) {
  const col = () => db.collection<StrDoc>('member_requests');
  const newestFirst = { filedAt: -1, _id: -1 } as const;
  return {
    put: async (request: StoredMemberRequest) => void (await col().replaceOne({ _id: request.id }, toDoc(request), { upsert: true })),
    compareAndSet: async (id: string, expectedVersion: number, next: StoredMemberRequest) => {
      // The race is decided by a unique _id, the one write every MongoDB (and FerretDB, whose
      // filtered replace is not atomic) makes atomic: one claim per version step of a request.
      if (!(await insertedFirst(db.collection<StrDoc>('member_request_versions'), { _id: `${id}#${expectedVersion + 1}` }))) return false;
      // A request stored before versions were kept is version 1.
      const version = expectedVersion === 1 ? { $in: [1, null] } : expectedVersion;
      const { matchedCount } = await col().replaceOne({ _id: id, version } as never, toDoc(next));
      return matchedCount === 1;
    },
    get: async (id: string) => fromDoc<StoredMemberRequest>(await col().findOne({ _id: id })),
    list: async () => (await col().find().sort(newestFirst).toArray()).map((d) => fromDoc<StoredMemberRequest>(d)!),
    forMember: async (memberId: string) => (await col().find({ memberId }).sort(newestFirst).toArray()).map((d) => fromDoc<StoredMemberRequest>(d)!),
  };
}
