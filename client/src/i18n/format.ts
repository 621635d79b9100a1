import { LOCALES, type Lang } from './languages';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${lang}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.NumberFormat(LOCALES[lang], options)));
  return format;
}

function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${lang}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(LOCALES[lang], options)));
  return format;
}

/** Amounts travel as integer cents; they are shown in the reader's conventions (€ 1.234,56 in nl-BE). */
export const formatMoney = (lang: Lang, cents: number, currency: string): string =>
  numberFormat(lang, { style: 'currency', currency }).format(cents / 100);

export const formatDate = (lang: Lang, iso: string): string => dateFormat(lang, { dateStyle: 'long' }).format(new Date(iso));

export const formatDateTime = (lang: Lang, iso: string): string =>
  dateFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));

export const formatPercent = (lang: Lang, ratio: number): string =>
  numberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);

export const formatList = (lang: Lang, items: string[]): string =>
  new Intl.ListFormat(LOCALES[lang], { style: 'long', type: 'conjunction' }).format(items);
