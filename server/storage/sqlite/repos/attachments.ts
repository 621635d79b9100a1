import { DuplicateKeyError, type AttachmentMeta, type StoredAttachment } from '../../store';
import { type Db, isUniqueViolation } from './rows';

export function attachmentsRepo(db: Db) {
  const insert = db.prepare('INSERT INTO attachments (id, case_id, member_id, uploaded_at, doc, bytes) VALUES (?, ?, ?, ?, ?, ?)');
  const get = db.prepare<[string], { doc: string; bytes: Buffer }>('SELECT doc, bytes FROM attachments WHERE id = ?');
  const forCase = db.prepare<[string], { doc: string }>('SELECT doc FROM attachments WHERE case_id = ? ORDER BY uploaded_at, id');
  const forMember = db.prepare<[string], { doc: string }>('SELECT doc FROM attachments WHERE member_id = ? ORDER BY uploaded_at, id');
  const remove = db.prepare('DELETE FROM attachments WHERE id = ?');
  const removeForMember = db.prepare('DELETE FROM attachments WHERE member_id = ?');
  const meta = (rows: { doc: string }[]) => rows.map((r) => JSON.parse(r.doc) as AttachmentMeta);
  return {
    add: async ({ bytes, ...description }: StoredAttachment) => {
      try {
        insert.run(description.id, description.caseId, description.memberId, description.uploadedAt, JSON.stringify(description), Buffer.from(bytes));
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateKeyError(`attachment ${description.id}`);
        throw error;
      }
    },
    get: async (id: string): Promise<StoredAttachment | null> => {
      const row = get.get(id);
      return row ? { ...(JSON.parse(row.doc) as AttachmentMeta), bytes: new Uint8Array(row.bytes) } : null;
    },
    listForCase: async (caseId: string) => meta(forCase.all(caseId)),
    listForMember: async (memberId: string) => meta(forMember.all(memberId)),
    delete: async (id: string) => void remove.run(id),
    deleteForMember: async (memberId: string) => removeForMember.run(memberId).changes,
  };
}
