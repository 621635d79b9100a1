import { createInstance, type BackendModule, type i18n as I18next } from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, LOCALES, isLang, type Lang } from './languages';
import enCommon from './locales/en/common.json';
import enMember from './locales/en/member.json';
import enWorkbench from './locales/en/workbench.json';
import frCommon from './locales/fr/common.json';
import frMember from './locales/fr/member.json';
import frWorkbench from './locales/fr/workbench.json';
import nlCommon from './locales/nl/common.json';
import nlMember from './locales/nl/member.json';
import nlWorkbench from './locales/nl/workbench.json';

/**
 * Bundled namespaces: `common` (layout, sign-in, states, words both sides use), `member` (the
 * member portal) and `workbench` (the reviewers' screens). Their keys never overlap, so `useT`
 * looks a key up in all three.
 */
export const BUNDLED_NAMESPACES = ['common', 'member', 'workbench'] as const;

/**
 * Namespaces a member never needs are fetched when a screen first asks for them, so their words do
 * not weigh on the portal's first load. Each catalogue is its own chunk.
 */
const LAZY_NAMESPACES: Record<string, Record<Lang, () => Promise<{ default: Record<string, string> }>>> = {
  governance: {
    en: () => import('./locales/en/governance.json'),
    nl: () => import('./locales/nl/governance.json'),
    fr: () => import('./locales/fr/governance.json'),
  },
};

const lazyCatalogues: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const load = isLang(language) ? LAZY_NAMESPACES[namespace]?.[language] : undefined;
    if (!load) return callback(null, {});
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

/**
 * The client's translator: one i18next instance per provider, the bundled namespaces ready at once,
 * the rest loaded on demand. Messages are ICU MessageFormat, formatted with the language's regional conventions
 * (nl-BE, fr-BE, en-GB) so plural counts read like the rest of the numbers on the page.
 */
export function createClientI18n(lng: Lang): I18next {
  const i18n = createInstance();
  void i18n
    .use(ICU)
    .use(lazyCatalogues)
    .use(initReactI18next)
    .init({
      initAsync: false,
      lng,
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      ns: [...BUNDLED_NAMESPACES],
      defaultNS: 'common',
      keySeparator: false,
      resources: {
        en: { common: enCommon, member: enMember, workbench: enWorkbench },
        nl: { common: nlCommon, member: nlMember, workbench: nlWorkbench },
        fr: { common: frCommon, member: frMember, workbench: frWorkbench },
      },
      partialBundledLanguages: true,
      // React escapes what it renders; the messages are plain text.
      interpolation: { escapeValue: false },
      i18nFormat: { parseLngForICU: (language: string) => (isLang(language) ? LOCALES[language] : language) },
      react: { useSuspense: true },
    });
  return i18n;
}
