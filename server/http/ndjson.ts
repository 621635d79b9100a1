import type { Request } from 'express';
import { decodeUtf8, parseJsonText } from './body';
import { badRequest, payloadTooLarge } from '../domain/errors';

const MAX_LINE_BYTES = 1024 * 1024;
const NEWLINE = 0x0a;

/**
 * Yields one parsed value per non-empty line as the request streams in, so a 10,000-item
 * upload is never held as one string. Each line goes through the same strict JSON checks.
 */
export async function* readNdjson(req: Request): AsyncIterable<unknown> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let line = 0;
  const emit = (bytes: Buffer) => {
    line++;
    const text = decodeUtf8(bytes).trim();
    if (!text) return undefined;
    try {
      return { value: parseJsonText(text) };
    } catch (error) {
      throw badRequest('malformed_json', `Line ${line} is not valid JSON: ${(error as Error).message}`);
    }
  };
  for await (const chunk of req as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
      pending.push(chunk.subarray(start, nl));
      const parsed = emit(Buffer.concat(pending));
      pending = [];
      pendingBytes = 0;
      if (parsed) yield parsed.value;
      start = nl + 1;
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
      if (pendingBytes > MAX_LINE_BYTES) throw payloadTooLarge('payload_too_large', `Line ${line + 1} is longer than ${MAX_LINE_BYTES} bytes.`);
    }
  }
  if (pendingBytes) {
    const parsed = emit(Buffer.concat(pending));
    if (parsed) yield parsed.value;
  }
}
