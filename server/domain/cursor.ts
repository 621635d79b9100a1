import { badRequest } from './errors';

/** Opaque keyset cursors: base64url of the last item's sort key. Stable under concurrent inserts. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T extends (string | number)[]>(cursor: string, shape: ('string' | 'number')[]): T {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === shape.length && key.every((part, i) => typeof part === shape[i])) return key as T;
  } catch {
    // fall through to the same error for every malformed cursor
  }
  throw badRequest('invalid_cursor', 'The cursor is not one this server gave out.');
}
