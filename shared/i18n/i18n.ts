import { createInstance, type TFunction } from 'i18next';
import ICU from 'i18next-icu';
import { LOCALES } from '../format';
import type { Lang } from '../schemas/model';
import enExplain from './locales/en/explain.json';
import frExplain from './locales/fr/explain.json';
import nlExplain from './locales/nl/explain.json';

const isLang = (language: string): language is Lang => language in LOCALES;

export type ExplainKey = keyof typeof enExplain;

/**
 * The texts server and client both word (the member's explanation), read by pure functions on the
 * server without React. Bundled and initialised synchronously, so a translation is ready the moment
 * this module is imported. Catalogue keys are flat ("headline.fraud"), as in the client's.
 */
const i18n = createInstance();
void i18n.use(ICU).init({
  initAsync: false,
  fallbackLng: 'en',
  ns: ['explain'],
  defaultNS: 'explain',
  keySeparator: false,
  resources: { en: { explain: enExplain }, nl: { explain: nlExplain }, fr: { explain: frExplain } },
  interpolation: { escapeValue: false },
  i18nFormat: { parseLngForICU: (language: string) => (isLang(language) ? LOCALES[language] : language) },
});

export type ExplainValues = Record<string, string | number>;
export type TranslateExplain = (key: ExplainKey, values?: ExplainValues) => string;

/** The explanation texts in one language. */
export function explainTranslator(lang: Lang): TranslateExplain {
  const t: TFunction = i18n.getFixedT(lang, 'explain');
  return (key, values) => t(key, { ...values });
}
