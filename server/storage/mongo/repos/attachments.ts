import { Binary, type Db, type Document } from 'mongodb';
import { DuplicateKeyError, type AttachmentMeta, type StoredAttachment } from '../../store';
import { fromDoc, isDuplicate, toDoc, type StrDoc } from './docs';

/** Lists never carry the bytes: a case's ten documents would be 100 MB otherwise. */
const WITHOUT_BYTES = { projection: { bytes: 0 } } as const;

export function attachmentsRepo(db: Db) {
  // One document per file, the bytes as BinData: 10 MiB fits well under the 16 MiB BSON limit.
  const col = () => db.collection<StrDoc>('attachments');
  const meta = (docs: Document[]) => docs.map((d) => fromDoc<AttachmentMeta>(d)!);
  return {
    add: async ({ bytes, ...description }: StoredAttachment) => {
      try {
        await col().insertOne({ ...toDoc(description), bytes: new Binary(Buffer.from(bytes)) } as StrDoc);
      } catch (error) {
        if (isDuplicate(error)) throw new DuplicateKeyError(`attachment ${description.id}`);
        throw error;
      }
    },
    get: async (id: string): Promise<StoredAttachment | null> => {
      const doc = await col().findOne({ _id: id });
      if (!doc) return null;
      const { bytes, ...rest } = doc;
      return { ...fromDoc<AttachmentMeta>(rest)!, bytes: new Uint8Array((bytes as Binary).buffer) };
    },
    listForCase: async (caseId: string) => meta(await col().find({ caseId }, WITHOUT_BYTES).sort({ uploadedAt: 1, _id: 1 }).toArray()),
    listForMember: async (memberId: string) => meta(await col().find({ memberId }, WITHOUT_BYTES).sort({ uploadedAt: 1, _id: 1 }).toArray()),
    delete: async (id: string) => void (await col().deleteOne({ _id: id })),
    deleteForMember: async (memberId: string) => (await col().deleteMany({ memberId })).deletedCount,
  };
}
