import { describe, expect, it } from 'vitest';
import { isWorded, ResolveCase } from './case';

describe('a rationale in words', () => {
  it('accepts real sentences in every language', () => {
    for (const text of [
      'Checked against the claims register: it stands.',
      'Twee van de drie claims horen bij een andere polis.',
      'Le prestataire n’est plus sur la liste de surveillance.',
    ])
      expect(isWorded(text), text).toBe(true);
  });

  it('refuses one repeated character, a repeated syllable and numbers alone', () => {
    for (const text of ['xxxxxxxxxxxxxxxxxxxxxxxx', 'xx xx xx xx xx xx xx xx', 'asdf asdf asdf asdf asdf', '1234567890 1234567890', '!!!!!!!!!!!!!!!!!!!!!!']) {
      expect(isWorded(text), text).toBe(false);
    }
  });

  it('is the rule of the resolve body, after the least length', () => {
    const errors = (rationale: string) => ResolveCase.safeParse({ outcome: 'confirm', rationale, expectedVersion: 1 }).error?.issues.map((i) => i.message);
    expect(errors('xxxxxxxx')).toEqual(['give a rationale of at least 20 characters']);
    expect(errors('xxxxxxxxxxxxxxxxxxxxxxxx')).toEqual(['write the rationale in words']);
    expect(errors('The premium follows the published tariff.')).toBeUndefined();
  });
});
