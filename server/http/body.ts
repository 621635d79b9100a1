import type { NextFunction, Request, Response } from 'express';
import { HostileJsonError, parseJsonStrict } from './json-scan';
import { AppError, badRequest, payloadTooLarge, unsupportedMediaType } from '../domain/errors';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export const isJsonType = (type: string | undefined) => !!type && /^application\/([\w.+-]+\+)?json\b/i.test(type);
export const isNdjsonType = (type: string | undefined) => !!type && /^application\/(x-)?ndjson\b/i.test(type);
export const isMultipartType = (type: string | undefined) => !!type && /^multipart\/form-data\b/i.test(type);

/** The paths (as the API router sees them) of the routes that read multipart forms: `/cases/:id/attachments`. */
export function multipartPathsOf(routes: readonly { path: string; bodyMedia?: Readonly<Record<string, unknown>> }[]): RegExp[] {
  return routes.filter((r) => r.bodyMedia?.['multipart/form-data']).map((r) => new RegExp(`^${r.path.replace(/:\w+/g, '[^/]+')}$`));
}

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/** Reads the raw body up to `limit` bytes; a larger body is refused without buffering it all. */
export async function readBody(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw payloadTooLarge('payload_too_large', `The body is larger than ${limit} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw payloadTooLarge('payload_too_large', `The body is larger than ${limit} bytes.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw badRequest('malformed_json', 'The body is not valid UTF-8.');
  }
}

export function parseJsonText(text: string): unknown {
  try {
    return parseJsonStrict(text);
  } catch (error) {
    if (error instanceof HostileJsonError) throw badRequest(error.code, error.message);
    throw badRequest('malformed_json', `The body is not valid JSON: ${(error as Error).message}`);
  }
}

export interface JsonBodyOptions {
  limit: number;
  /** Paths that may receive NDJSON, read as a stream by their route instead of here. */
  streamingPaths?: Map<string, number>;
  /** Paths that read a multipart form (uploads): their route reads the body, whatever its type. */
  multipartPaths?: RegExp[];
}

/**
 * Our own JSON body reader instead of express.json(): it refuses wrong content types with 415,
 * invalid UTF-8, duplicate keys, deep nesting and prototype keys with 400, oversized bodies with 413.
 */
export function jsonBody({ limit, streamingPaths = new Map(), multipartPaths = [] }: JsonBodyOptions) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    try {
      if (!hasBody(req) || req.method === 'GET' || req.method === 'HEAD') return next();
      const type = req.headers['content-type'];
      // An upload route reads its own body (and refuses any other type) after the origin and access checks.
      if (multipartPaths.some((p) => p.test(req.path))) return next();
      const pathLimit = streamingPaths.get(req.path);
      if (pathLimit !== undefined && isNdjsonType(type)) return next();
      if (!isJsonType(type)) {
        throw unsupportedMediaType(`Send the body as application/json${pathLimit !== undefined ? ' or application/x-ndjson' : ''}.`);
      }
      const bytes = await readBody(req, pathLimit ?? limit);
      req.body = parseJsonText(decodeUtf8(bytes));
      next();
    } catch (error) {
      // Stop reading a body we refused, so a huge upload does not keep the socket busy.
      if (error instanceof AppError && error.status === 413) req.socket?.setTimeout?.(1000);
      next(error);
    }
  };
}
