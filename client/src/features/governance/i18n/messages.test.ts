import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../i18n';
import { en } from './en';
import { governanceDictionaries, placeholdersOf, translateGovernance } from '.';

const keys = Object.keys(en).sort() as (keyof typeof en)[];

describe('governance dictionaries', () => {
  it.each(LANGUAGES)('%s has exactly the English keys, none empty', (lang) => {
    const dictionary = governanceDictionaries[lang];
    expect(Object.keys(dictionary).sort()).toEqual(keys);
    expect(keys.filter((key) => !dictionary[key]?.trim())).toEqual([]);
  });

  it.each(LANGUAGES)('%s uses the same {placeholders} as English', (lang) => {
    const mismatched = keys.filter((key) => placeholdersOf(governanceDictionaries[lang][key]).join() !== placeholdersOf(en[key]).join());
    expect(mismatched).toEqual([]);
  });

  it('states the verification in words', () => {
    expect(translateGovernance('en', 'integrity.ok', { chains: '3,012 chains', events: '3,030 events' })).toBe('All 3,012 chains and 3,030 events verify.');
  });
});
