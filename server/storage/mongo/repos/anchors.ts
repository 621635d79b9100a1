import type { Db } from 'mongodb';
import type { Anchor } from '@shared/schemas/audit';
import { DuplicateKeyError } from '../../store';
import { isDuplicate, strip, type StrDoc } from './docs';

export function anchorsRepo(db: Db) {
  const col = () => db.collection<StrDoc>('anchors');
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
}
