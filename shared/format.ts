import type { Lang } from './schemas/model';
import { MEMBER_TIME_ZONE } from './time/calendar';

/**
 * How numbers, amounts and dates are written, once for the server (explanations, mails, exports)
 * and the client. Each function's name says what its value means: a percent (4.5) is not a ratio
 * (0.045), a score's magnitude is not a signed score.
 */

/** Belgian locales for nl and fr (the insurer's members), British English for en: each writes money its own way. */
export const LOCALES: Record<Lang, string> = { en: 'en-GB', nl: 'nl-BE', fr: 'fr-BE' };

/** Intl formatters are costly to build and immutable, so each one is built once (an export words thousands of values). */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.PluralRules>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.PluralRules>(key: string, build: () => T): T {
  let format = cache.get(key) as T | undefined;
  if (!format) cache.set(key, (format = build()));
  return format;
}

const numberFormat = (lang: Lang, options: Intl.NumberFormatOptions) =>
  cached(`n|${lang}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(LOCALES[lang], options));

/** Dates are shown on the members' calendar, so a due date reads the same wherever the reader's computer is. */
const dateFormat = (lang: Lang, options: Intl.DateTimeFormatOptions) =>
  cached(`d|${lang}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(LOCALES[lang], { timeZone: MEMBER_TIME_ZONE, ...options }));

/** Amounts travel as integer cents. Intl's own spacing is kept (fr-BE uses narrow no-break spaces), so amounts never wrap mid-number. */
export function formatMoney(cents: number, currency: string, lang: Lang): string {
  return numberFormat(lang, { style: 'currency', currency }).format(cents / 100);
}

/** A signed amount (a contribution): "+€90.00" / "−€40.00". */
export function formatSignedMoney(cents: number, currency: string, lang: Lang): string {
  return numberFormat(lang, { style: 'currency', currency, signDisplay: 'exceptZero' }).format(cents / 100);
}

export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 2): string {
  return numberFormat(lang, { maximumFractionDigits }).format(value);
}

/** `percent` is already in percent: 4.5 → "4.5%" / "4,5%" / "4,5 %". */
export function formatPercent(percent: number, lang: Lang): string {
  return numberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(percent / 100);
}

/** `ratio` is a fraction: 0.045 → "4.5%", signed → "+4.5%" (a premium change). */
export function formatRatioAsPercent(ratio: number, lang: Lang, signed = false): string {
  return numberFormat(lang, { style: 'percent', maximumFractionDigits: 1, signDisplay: signed ? 'exceptZero' : 'auto' }).format(ratio);
}

export function formatDays(days: number, lang: Lang): string {
  return numberFormat(lang, { style: 'unit', unit: 'day', unitDisplay: 'long', maximumFractionDigits: 1 }).format(days);
}

/**
 * The size of a 0..1 score or score contribution as points out of 100, which a B1 reader follows
 * more easily than a fraction: 0.72 → "72", −0.05 → "5" (the sentence around it says which way).
 */
export function formatScorePoints(score: number, lang: Lang): string {
  return formatNumber(Math.abs(score) * 100, lang, 1);
}

/** A 0..1 score (or contribution) as points out of 100 keeping its sign, rounded to a tenth: 0.72 → "72", signed −0.05 → "−5". */
export function formatSignedScorePoints(score: number, lang: Lang, signed = false): string {
  return numberFormat(lang, { maximumFractionDigits: 1, signDisplay: signed ? 'exceptZero' : 'auto' }).format(Math.round(score * 1000) / 10);
}

export function formatDate(iso: string, lang: Lang): string {
  return dateFormat(lang, { dateStyle: 'long' }).format(new Date(iso));
}

/**
 * A moment on screen always names its zone ("25 Nov 2026, 14:03 CET"), so staff in another
 * office, and members abroad, never take Brussels time for their own. Intl refuses timeZoneName
 * beside dateStyle, hence the fields one by one.
 */
export function formatDateTime(iso: string, lang: Lang): string {
  return dateFormat(lang, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(new Date(iso));
}

/**
 * An instant to the second on the insurer's clock, its zone named: "27 Aug 2026, 14:05:03 CEST",
 * "… 13:05:03 CET" in winter ("UTC+2" / "UTC+1" in French). For logs read beside UTC days (the
 * audit trail, its filters and exports), where a bare time could be taken for either.
 */
export function formatZonedDateTime(iso: string, lang: Lang): string {
  return dateFormat(lang, { dateStyle: 'medium', timeStyle: 'long' }).format(new Date(iso));
}

export function formatList(items: string[], lang: Lang): string {
  return new Intl.ListFormat(LOCALES[lang], { style: 'long', type: 'conjunction' }).format(items);
}

/** "today", "tomorrow", "in 3 days", "9 days ago", in the reader's language. */
export function formatRelativeDays(days: number, lang: Lang): string {
  return cached(`r|${lang}`, () => new Intl.RelativeTimeFormat(LOCALES[lang], { numeric: 'auto' })).format(days, 'day');
}
