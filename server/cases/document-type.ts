import { fileTypeFromBuffer } from 'file-type';
import { ATTACHMENT_TYPES, AttachmentMediaType, fileNameEnding } from '@shared/schemas/attachment';
import { AppError } from '../domain/errors';

const refused = (code: 'unsupported_file_type' | 'file_type_mismatch', detail: string) => new AppError(415, code, 'Unsupported media type', detail);

/**
 * The document's type, read from its bytes (magic numbers), never from its name: a PDF, JPEG or
 * PNG whose name (and declared type, when one is declared) says the same. A renamed executable,
 * or a PNG called `invoice.pdf`, is refused, so a reviewer never opens something else than
 * the portal said it was.
 */
export async function documentType(file: { fileName: string; declaredType: string; bytes: Uint8Array }): Promise<AttachmentMediaType> {
  const detected = await fileTypeFromBuffer(file.bytes);
  const parsed = AttachmentMediaType.safeParse(detected?.mime);
  if (!parsed.success) throw refused('unsupported_file_type', 'The file is not a PDF, JPEG or PNG document.');
  const mediaType = parsed.data;
  const endings: readonly string[] = ATTACHMENT_TYPES[mediaType];
  if (!endings.includes(fileNameEnding(file.fileName))) {
    throw refused('file_type_mismatch', `The file's contents are ${mediaType}, but its name says otherwise; name it .${endings[0]}.`);
  }
  // Browsers declare the type from the name; a generic one says nothing, any other must agree.
  const declared = file.declaredType.toLowerCase();
  if (declared !== 'application/octet-stream' && declared !== '' && declared !== mediaType) {
    throw refused('file_type_mismatch', `The file was sent as ${declared}, but its contents are ${mediaType}.`);
  }
  return mediaType;
}
