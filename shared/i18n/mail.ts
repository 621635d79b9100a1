import { createInstance, type TFunction } from 'i18next';
import ICU from 'i18next-icu';
import { LOCALES } from '../format';
import type { Lang } from '../schemas/model';
import enMail from './locales/en/mail.json';
import frMail from './locales/fr/mail.json';
import nlMail from './locales/nl/mail.json';

export type MailKey = keyof typeof enMail;
export type MailValues = Record<string, string | number>;
export type TranslateMail = (key: MailKey, values?: MailValues) => string;

const isLang = (language: string): language is Lang => language in LOCALES;

/**
 * The texts of mail to members, on an instance of their own: only the server words mail, so the
 * client's bundle (which loads the explanation texts of i18n.ts) never carries these catalogues.
 */
const i18n = createInstance();
void i18n.use(ICU).init({
  initAsync: false,
  fallbackLng: 'en',
  ns: ['mail'],
  defaultNS: 'mail',
  keySeparator: false,
  resources: { en: { mail: enMail }, nl: { mail: nlMail }, fr: { mail: frMail } },
  interpolation: { escapeValue: false },
  i18nFormat: { parseLngForICU: (language: string) => (isLang(language) ? LOCALES[language] : language) },
});

/** The mail texts in one language. */
export function mailTranslator(lang: Lang): TranslateMail {
  const t: TFunction = i18n.getFixedT(lang, 'mail');
  return (key, values) => t(key, { ...values });
}
