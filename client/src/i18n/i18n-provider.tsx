import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import * as format from './format';
import { BUNDLED_NAMESPACES, createClientI18n } from './i18next';
import { guessLanguage, isLang, type Lang, type MessageKey, type MessageValues } from './languages';

const STORAGE_KEY = 'recourse.lang';

export type Translate = (key: MessageKey, values?: MessageValues) => string;

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
  formatMoney(cents: number, currency: string): string;
  formatSignedMoney(cents: number, currency: string): string;
  formatNumber(value: number, maximumFractionDigits?: number): string;
  formatScorePoints(score: number, signed?: boolean): string;
  formatPercent(ratio: number, signed?: boolean): string;
  formatDate(iso: string): string;
  formatDateTime(iso: string): string;
  formatList(items: string[]): string;
  formatRelativeDays(days: number): string;
}

const I18nContext = createContext<I18n | null>(null);

function readStoredLanguage(): Lang | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLang(stored) ? stored : null;
  } catch {
    // Storage can be unavailable (privacy settings); the guess from the browser still works.
    return null;
  }
}

function initialLanguage(): Lang {
  return readStoredLanguage() ?? guessLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLanguage);
  const [i18next] = useState(() => createClientI18n(lang));

  const setLang = useCallback(
    (next: Lang) => {
      setLangState(next);
      // Namespaces already loaded (governance) are fetched in the new language; their screens suspend meanwhile.
      void i18next.changeLanguage(next);
      try {
        window.localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Not remembered, but still applied for this visit.
      }
    },
    [i18next],
  );

  useEffect(() => {
    // Screen readers pick their voice from the document language.
    document.documentElement.lang = lang;
  }, [lang]);

  const value = useMemo<I18n>(() => {
    const translate = i18next.getFixedT(lang, [...BUNDLED_NAMESPACES]);
    return {
      lang,
      setLang,
      t: (key, values) => translate(key, { ...values }),
      formatMoney: (cents, currency) => format.formatMoney(lang, cents, currency),
      formatSignedMoney: (cents, currency) => format.formatSignedMoney(lang, cents, currency),
      formatNumber: (value, digits) => format.formatNumber(lang, value, digits),
      formatScorePoints: (score, signed) => format.formatScorePoints(lang, score, signed),
      formatPercent: (ratio, signed) => format.formatPercent(lang, ratio, signed),
      formatDate: (iso) => format.formatDate(lang, iso),
      formatDateTime: (iso) => format.formatDateTime(lang, iso),
      formatList: (items) => format.formatList(lang, items),
      formatRelativeDays: (days) => format.formatRelativeDays(lang, days),
    };
  }, [i18next, lang, setLang]);

  return (
    <I18nextProvider i18n={i18next}>
      <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
    </I18nextProvider>
  );
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}

/** The translate function for the reader's language. */
export const useT = (): Translate => useI18n().t;
