/**
 * One pass over raw JSON text before JSON.parse, for what JSON.parse silently accepts:
 * nesting deeper than `maxDepth` (a stack-exhaustion lever downstream), duplicate keys
 * (JSON.parse keeps the last one, so two parties could read one body differently),
 * prototype keys, and escaped lone surrogates (text that is not Unicode).
 * Syntax errors are left to JSON.parse.
 *
 * Performance: this used to be a JSON.parse reviver on top of the scan, which cost
 * four times the parse itself. Every check now happens in the one scan: keys are sliced, not
 * parsed, unless they contain an escape, and only strings with a `\u` escape are decoded.
 */

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LOWER_U = 0x75;

export class HostileJsonError extends Error {
  constructor(
    readonly code: 'forbidden_key' | 'malformed_json',
    message: string,
  ) {
    super(message);
  }
}

const malformed = (problem: string) => new HostileJsonError('malformed_json', `The JSON body is not acceptable: ${problem}.`);

/** Scans the string starting at the quote at `start`; returns the index of its closing quote. */
function endOfString(text: string, start: number): { end: number; escaped: boolean; unicodeEscape: boolean } {
  let escaped = false;
  let unicodeEscape = false;
  let i = start + 1;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      escaped = true;
      if (text.charCodeAt(i + 1) === LOWER_U) unicodeEscape = true;
      i++;
    } else if (c === QUOTE) {
      break;
    }
  }
  return { end: i, escaped, unicodeEscape };
}

/** The decoded string, or null when it is not valid JSON (JSON.parse reports that later). */
function decode(literal: string): string | null {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return null;
  }
}

/** Throws a HostileJsonError for the first problem found; syntax errors are left to JSON.parse. */
export function scanJson(text: string, maxDepth: number): void {
  // Literal lone surrogates cannot come from UTF-8 bytes, but this text may come from elsewhere.
  if (!text.isWellFormed()) throw malformed('a string is not valid Unicode');
  const keyStack: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === QUOTE) {
      const start = i;
      const { end, escaped, unicodeEscape } = endOfString(text, start);
      i = end;
      const literal = escaped ? decode(text.slice(start, end + 1)) : null;
      if (unicodeEscape && literal !== null && !literal.isWellFormed()) throw malformed('a string is not valid Unicode');
      const keys = keyStack[keyStack.length - 1];
      if (expectKey && keys) {
        const key = escaped ? literal : text.slice(start + 1, end);
        if (key === null) return;
        if (FORBIDDEN_KEYS.has(key)) throw new HostileJsonError('forbidden_key', `The key "${key}" is not allowed.`);
        if (keys.has(key)) throw malformed(`duplicate key "${key.slice(0, 50)}"`);
        keys.add(key);
        expectKey = false;
      }
    } else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
      keyStack.push(ch === 0x7b ? new Set() : null);
      if (keyStack.length > maxDepth) throw malformed(`nested deeper than ${maxDepth} levels`);
      expectKey = ch === 0x7b;
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) {
      keyStack.pop();
      expectKey = false;
    } else if (ch === 0x2c /* , */) {
      expectKey = keyStack[keyStack.length - 1] instanceof Set;
    }
  }
}

/** JSON.parse that refuses what `scanJson` refuses. */
export function parseJsonStrict(text: string, maxDepth = 64): unknown {
  scanJson(text, maxDepth);
  return JSON.parse(text);
}
