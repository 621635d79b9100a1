/**
 * One pass over raw JSON text before JSON.parse, for what JSON.parse silently accepts:
 * nesting deeper than `maxDepth` (a stack-exhaustion lever downstream) and duplicate keys
 * (JSON.parse keeps the last one, so two parties could read one body differently).
 * Returns a reason, or null when the text is acceptable. Syntax errors are left to JSON.parse.
 */
export function scanJson(text: string, maxDepth: number): string | null {
  const keyStack: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      const start = i;
      for (i++; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x5c /* \ */) i++;
        else if (c === 0x22) break;
      }
      const keys = keyStack[keyStack.length - 1];
      if (expectKey && keys) {
        let key: string;
        try {
          key = JSON.parse(text.slice(start, i + 1)) as string;
        } catch {
          return null;
        }
        if (keys.has(key)) return `duplicate key "${key.slice(0, 50)}"`;
        keys.add(key);
        expectKey = false;
      }
    } else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
      keyStack.push(ch === 0x7b ? new Set() : null);
      if (keyStack.length > maxDepth) return `nested deeper than ${maxDepth} levels`;
      expectKey = ch === 0x7b;
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) {
      keyStack.pop();
      expectKey = false;
    } else if (ch === 0x2c /* , */) {
      expectKey = keyStack[keyStack.length - 1] instanceof Set;
    }
  }
  return null;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function hasLoneSurrogate(value: string): boolean {
  return !value.isWellFormed();
}

export class HostileJsonError extends Error {
  constructor(
    readonly code: 'forbidden_key' | 'malformed_json',
    message: string,
  ) {
    super(message);
  }
}

/** JSON.parse that refuses prototype-polluting keys and strings that are not valid Unicode. */
export function parseJsonStrict(text: string, maxDepth = 64): unknown {
  const problem = scanJson(text, maxDepth);
  if (problem) throw new HostileJsonError('malformed_json', `The JSON body is not acceptable: ${problem}.`);
  return JSON.parse(text, function reviver(key, value) {
    if (FORBIDDEN_KEYS.has(key)) throw new HostileJsonError('forbidden_key', `The key "${key}" is not allowed.`);
    if (typeof value === 'string' && hasLoneSurrogate(value)) {
      throw new HostileJsonError('malformed_json', 'A string in the body is not valid Unicode.');
    }
    return value;
  });
}
