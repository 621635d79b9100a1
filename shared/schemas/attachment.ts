import { z } from 'zod';
import { CaseIdParams } from './case';

/** A document a member adds to an open case: at most this many bytes (10 MiB). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * The kinds of document a case takes, each with the file-name endings that may carry it. The
 * type is read from the bytes (magic numbers), never trusted from the name or the declared type:
 * a file whose bytes are not what its name says is refused.
 */
export const ATTACHMENT_TYPES = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
} as const;
export const AttachmentMediaType = z.enum(['application/pdf', 'image/jpeg', 'image/png']);
export type AttachmentMediaType = z.infer<typeof AttachmentMediaType>;

/** The ending a file name says its type is: `scan.PDF` → `pdf`; none → ''. */
export const fileNameEnding = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
};

/** A document on a case, without its bytes (GET …/attachments/:attachmentId answers those). */
export const Attachment = z.object({
  id: z.string(),
  caseId: z.string(),
  fileName: z.string(),
  mediaType: AttachmentMediaType,
  size: z.int(),
  uploadedAt: z.string(),
  /** Who added it: the member, or staff. */
  uploadedBy: z.enum(['member', 'staff']),
});
export type Attachment = z.infer<typeof Attachment>;

export const AttachmentList = z.object({ items: z.array(Attachment) });
export type AttachmentList = z.infer<typeof AttachmentList>;

export const AttachmentParams = CaseIdParams.extend({
  attachmentId: z.string().regex(/^att_[0-9a-f]{24}$/, 'not an attachment id'),
});

/** The multipart body of an upload, as the OpenAPI document describes it: one binary part `file`. */
export const AttachmentUpload = z.strictObject({
  file: z.string().meta({ format: 'binary', description: 'The document: PDF, JPEG or PNG, at most 10 MiB' }),
});
