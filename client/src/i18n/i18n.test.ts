import { describe, expect, it } from 'vitest';
import { formatMoney } from './format';
import { dictionaries, guessLanguage, LANGUAGES, placeholdersOf, translate } from './languages';

const english = dictionaries.en;
const keys = Object.keys(english).sort();

describe('i18n dictionaries', () => {
  it.each(LANGUAGES)('%s has exactly the English keys', (lang) => {
    // The type system already demands this; the runtime check guards against casts and `any`.
    expect(Object.keys(dictionaries[lang]).sort()).toEqual(keys);
  });

  it.each(LANGUAGES)('%s has no empty message', (lang) => {
    const empty = Object.entries(dictionaries[lang]).filter(([, text]) => typeof text !== 'string' || text.trim() === '');
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it.each(LANGUAGES)('%s uses the same {placeholders} as English', (lang) => {
    const mismatched = keys.filter(
      (key) => placeholdersOf(dictionaries[lang][key as keyof typeof english]).join() !== placeholdersOf(english[key as keyof typeof english]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('fills placeholders', () => {
    expect(translate('nl', 'nav.signedInAs', { username: 'anna' })).toBe('Aangemeld als anna');
  });

  it('guesses the language from the browser, English when it speaks none of ours', () => {
    expect(guessLanguage(['nl-BE', 'en'])).toBe('nl');
    expect(guessLanguage(['de-DE', 'fr'])).toBe('fr');
    expect(guessLanguage(['de-DE'])).toBe('en');
  });

  it('writes euro amounts the way each language does', () => {
    expect(formatMoney('nl', 123456, 'EUR')).toMatch(/^€\s?1\.234,56$/);
    expect(formatMoney('fr', 123456, 'EUR')).toMatch(/^1\s234,56\s€$/);
    expect(formatMoney('en', 123456, 'EUR')).toBe('€1,234.56');
  });
});
