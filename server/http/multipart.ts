import type { Request, Response } from 'express';
import multer from 'multer';
import { ATTACHMENT_MAX_BYTES } from '@shared/schemas/attachment';
import { AppError, payloadTooLarge, unsupportedMediaType, validationFailed } from '../domain/errors';
import { isMultipartType } from './body';
import type { UploadedFile } from '../domain/attachment-views';

// Memory, not disk: a refused or erased document never leaves a temporary file behind.
const readForm = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 0, parts: 1 },
}).single('file');

const FORM_PROBLEMS: Record<string, string> = {
  LIMIT_FILE_COUNT: 'send one file at a time',
  LIMIT_UNEXPECTED_FILE: 'send the document in the form part `file`',
  LIMIT_FIELD_COUNT: 'the form takes only the part `file`',
  LIMIT_PART_COUNT: 'the form takes only the part `file`',
};

/** The form's one file, `file`; a file over the limit is 413, any other malformed form 400. */
export async function readUploadedFile(req: Request, res: Response): Promise<UploadedFile> {
  if (!isMultipartType(req.headers['content-type'])) throw unsupportedMediaType('Send the body as multipart/form-data, the document in the part `file`.');
  try {
    await new Promise<void>((resolve, reject) => readForm(req, res, (error: unknown) => (error ? reject(error) : resolve())));
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'LIMIT_FILE_SIZE') throw payloadTooLarge('payload_too_large', `The file is larger than ${ATTACHMENT_MAX_BYTES} bytes (10 MiB).`);
    if (error instanceof AppError) throw error;
    throw validationFailed([{ path: 'file', message: (code && FORM_PROBLEMS[code]) ?? 'the form could not be read' }]);
  }
  const file = req.file;
  if (!file) throw validationFailed([{ path: 'file', message: 'attach the document as the form part `file`' }]);
  return { fileName: file.originalname, declaredType: file.mimetype, bytes: file.buffer };
}
