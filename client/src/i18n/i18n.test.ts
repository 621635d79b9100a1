import { describe, expect, it } from 'vitest';
import { formatMoney } from './format';
import { createClientI18n } from './i18next';
import { guessLanguage } from './languages';

// Key sets and ICU arguments of every catalogue, in every language: shared/i18n/catalogues.test.ts.
describe('client i18n', () => {
  it('fills placeholders', () => {
    expect(createClientI18n('nl').t('nav.signedInAs', { username: 'anna' })).toBe('Aangemeld als anna');
  });

  it('loads the governance namespace only when asked, in the reader’s language', async () => {
    const i18n = createClientI18n('fr');
    expect(i18n.hasLoadedNamespace('governance')).toBe(false);
    await i18n.loadNamespaces('governance');
    expect(i18n.t('count.chains', { ns: 'governance', count: 1 })).toBe('1 chaîne');
    expect(i18n.t('count.chains', { ns: 'governance', count: 3012 })).toBe('3\u202f012 chaînes');
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
