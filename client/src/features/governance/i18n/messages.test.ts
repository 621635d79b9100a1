import { describe, expect, it } from 'vitest';
import { createClientI18n } from '../../../i18n/i18next';

// Key sets and ICU arguments of every catalogue, in every language: shared/i18n/catalogues.test.ts.
describe('governance messages', () => {
  it('states the verification in words', async () => {
    const i18n = createClientI18n('en');
    await i18n.loadNamespaces('governance');
    const t = i18n.getFixedT('en', 'governance');
    expect(t('integrity.ok', { chains: t('count.chains', { count: 3012 }), events: t('count.events', { count: 3030 }) })).toBe(
      'All 3,012 chains and 3,030 events verify.',
    );
  });

  it('words one and many in each language', async () => {
    const i18n = createClientI18n('nl');
    await i18n.loadNamespaces('governance');
    const t = i18n.getFixedT('nl', 'governance');
    expect(t('count.cases', { count: 1 })).toBe('1 afgehandeld dossier');
    expect(t('count.cases', { count: 2 })).toBe('2 afgehandelde dossiers');
  });
});
