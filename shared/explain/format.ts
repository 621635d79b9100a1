import type { Lang } from '../schemas/model';

/** Belgian locales for nl and fr (the insurer's members), British English for en: each writes money its own way. */
export const LOCALES: Record<Lang, string> = { en: 'en-GB', nl: 'nl-BE', fr: 'fr-BE' };

/**
 * The members' time zone, the insurer's calendar: dates are shown on it, not the server's (a
 * decision at 23:30 UTC is the next day in Brussels), and legal deadlines end at its midnight.
 */
export const MEMBER_TIME_ZONE = 'Europe/Brussels';

/** Intl formatters are costly to build and immutable, so each one is built once (an export words thousands of values). */
const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) cache.set(key, (format = new Intl.NumberFormat(LOCALES[lang], options)));
  return format;
}

/** Intl's own spacing is kept (fr-BE uses narrow no-break spaces), so amounts never wrap mid-number. */
export function formatMoney(cents: number, currency: string, lang: Lang): string {
  return numberFormat(lang, { style: 'currency', currency }).format(cents / 100);
}

export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 2): string {
  return numberFormat(lang, { maximumFractionDigits }).format(value);
}

/** `percent` is already in percent: 4.5 → "4.5%" / "4,5%" / "4,5 %". */
export function formatPercent(percent: number, lang: Lang): string {
  return numberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(percent / 100);
}

export function formatDays(days: number, lang: Lang): string {
  return numberFormat(lang, { style: 'unit', unit: 'day', unitDisplay: 'long', maximumFractionDigits: 1 }).format(days);
}

/**
 * A 0..1 score or score contribution as points out of 100, which a B1 reader follows more easily
 * than a fraction: 0.72 → "72", 0.0045 → "0.5".
 */
export function formatScorePoints(score: number, lang: Lang): string {
  return formatNumber(Math.abs(score) * 100, lang, 1);
}

const dateFormats = {
  en: new Intl.DateTimeFormat(LOCALES.en, { dateStyle: 'long', timeZone: MEMBER_TIME_ZONE }),
  nl: new Intl.DateTimeFormat(LOCALES.nl, { dateStyle: 'long', timeZone: MEMBER_TIME_ZONE }),
  fr: new Intl.DateTimeFormat(LOCALES.fr, { dateStyle: 'long', timeZone: MEMBER_TIME_ZONE }),
} satisfies Record<Lang, Intl.DateTimeFormat>;

export function formatDate(iso: string, lang: Lang): string {
  return dateFormats[lang].format(new Date(iso));
}
