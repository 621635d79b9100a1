import type { Attachment } from '@shared/schemas/attachment';
import type { AttachmentMeta } from './entities';

/** A case document as the API shows it: whose case and decision it is stay in the store. */
export const toWireAttachment = ({ decisionId: _d, memberId: _m, ...wire }: AttachmentMeta): Attachment => wire;

/** One uploaded file, held in memory (at most ATTACHMENT_MAX_BYTES) until the store has it. */
export interface UploadedFile {
  fileName: string;
  /** What the sender declared; only compared with the bytes, never trusted. */
  declaredType: string;
  bytes: Buffer;
}
