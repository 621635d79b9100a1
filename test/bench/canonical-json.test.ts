import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../server/domain/hash-chain';
import { generateDecisions } from '../../server/demo/generator';

/**
 * canonicalJson was rewritten for speed. Every stored hash depends on it, so it must
 * give exactly what the `canonicalize` package gives, and throw where it throws.
 */
function reference(value: unknown): { text: string } | { error: string } {
  try {
    const text = canonicalize(value);
    if (text === undefined) return { error: 'value cannot be canonicalised' };
    return { text };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function ours(value: unknown): { text: string } | { error: string } {
  try {
    return { text: canonicalJson(value) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('canonicalJson', () => {
  it('matches the canonicalize package on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(ours(value)).toEqual(reference(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('matches it on arbitrary strings and keys, lone surrogates included', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string());
    const value = fc.dictionary(text, fc.oneof(text, fc.double(), fc.integer(), fc.constant(undefined), fc.array(text)));
    fc.assert(
      fc.property(value, (v) => {
        expect(ours(v)).toEqual(reference(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('matches it on objects of few and of many keys (both ways of sorting them)', () => {
    const key = fc.oneof(fc.string({ maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 3 }), fc.integer({ min: 0, max: 99 }).map(String));
    const item = fc.oneof(fc.integer(), fc.constant(null));
    // canonicalJson sorts up to 16 keys by insertion and more with Array#sort.
    const value = fc.oneof(fc.dictionary(key, item, { maxKeys: 16 }), fc.dictionary(key, item, { minKeys: 17, maxKeys: 40 }));
    fc.assert(
      fc.property(value, (v) => {
        expect(ours(v)).toEqual(reference(v));
      }),
      { numRuns: 1000 },
    );
  });

  it('matches it on the odd values JavaScript allows', () => {
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    const shared = { x: 1 };
    const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
    const odd: unknown[] = [
      undefined,
      NaN,
      -0,
      1e21,
      5e-324,
      Infinity,
      -Infinity,
      null,
      true,
      'é',
      '\u2028',
      '\ud800',
      { '\udc00': 1 },
      { b: undefined, a: () => 1, c: Symbol('s') },
      [undefined, () => 1, Symbol('s')],
      sparse,
      new Date(0),
      { d: new Date(0) },
      { toJSON: () => ({ z: 1, a: [2] }) },
      circular,
      [shared, shared],
      { 10: 'a', 9: 'b', b: 'c' },
      new Number(3),
      new String('ab'),
      Object.create(null),
    ];
    for (const value of odd) expect(ours(value)).toEqual(reference(value));
  });

  it('matches it on every kind of generated decision', () => {
    for (const decision of generateDecisions({ count: 500, members: 20, now: new Date('2026-11-25T12:00:00Z') })) {
      expect(canonicalJson(decision)).toBe(canonicalize(decision));
    }
  });
});
