import { MEMBER_TIME_ZONE } from '@shared/explain/format';
import { LOCALES, type Lang } from './languages';

/**
 * Dates are shown on the insurer's calendar: legal deadlines end at midnight in Brussels
 * (server/cases/deadlines.ts), so a due date must read the same wherever the reader's computer is.
 */
export const LEGAL_TIME_ZONE = MEMBER_TIME_ZONE;

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${lang}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.NumberFormat(LOCALES[lang], options)));
  return format;
}

function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${lang}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: LEGAL_TIME_ZONE, ...options })));
  return format;
}

/** Amounts travel as integer cents; they are shown in the reader's conventions (€ 1.234,56 in nl-BE). */
export const formatMoney = (lang: Lang, cents: number, currency: string): string =>
  numberFormat(lang, { style: 'currency', currency }).format(cents / 100);

/** A signed amount (a contribution): "+€90.00" / "−€40.00". */
export const formatSignedMoney = (lang: Lang, cents: number, currency: string): string =>
  numberFormat(lang, { style: 'currency', currency, signDisplay: 'exceptZero' }).format(cents / 100);

export const formatNumber = (lang: Lang, value: number, maximumFractionDigits = 2): string =>
  numberFormat(lang, { maximumFractionDigits }).format(value);

/** A 0..1 score (or score contribution) as points out of 100, the way members read it: 0.72 → "72". */
export const formatScorePoints = (lang: Lang, score: number, signed = false): string =>
  numberFormat(lang, { maximumFractionDigits: 1, signDisplay: signed ? 'exceptZero' : 'auto' }).format(Math.round(score * 1000) / 10);

export const formatDate = (lang: Lang, iso: string): string => dateFormat(lang, { dateStyle: 'long' }).format(new Date(iso));

export const formatDateTime = (lang: Lang, iso: string): string =>
  dateFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));

/**
 * An instant to the second on the insurer's clock, its zone named: "27 Aug 2026, 14:05:03 CEST",
 * "… 13:05:03 CET" in winter ("UTC+2" / "UTC+1" in French). For logs read beside UTC days (the
 * audit trail, its filters and exports), where a bare time could be taken for either.
 */
export const formatZonedDateTime = (lang: Lang, iso: string): string =>
  dateFormat(lang, { dateStyle: 'medium', timeStyle: 'long' }).format(new Date(iso));

export const formatPercent = (lang: Lang, ratio: number, signed = false): string =>
  numberFormat(lang, { style: 'percent', maximumFractionDigits: 1, signDisplay: signed ? 'exceptZero' : 'auto' }).format(ratio);

export const formatList = (lang: Lang, items: string[]): string =>
  new Intl.ListFormat(LOCALES[lang], { style: 'long', type: 'conjunction' }).format(items);

/** "today", "tomorrow", "in 3 days", "9 days ago", in the reader's language. */
export function formatRelativeDays(lang: Lang, days: number): string {
  const key = `r|${lang}`;
  let format = cache.get(key) as Intl.RelativeTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.RelativeTimeFormat(LOCALES[lang], { numeric: 'auto' })));
  return format.format(days, 'day');
}

const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone: LEGAL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day of an instant in Brussels, as a day number (for counting whole days). */
function legalDayNumber(instant: Date): number {
  const [year, month, day] = dayKey.format(instant).split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** Whole calendar days from `now` to the day of `iso` in Brussels: 0 is today, negative is past. */
export const calendarDaysUntil = (iso: string, now: Date = new Date()): number => legalDayNumber(new Date(iso)) - legalDayNumber(now);

/**
 * One calendar month after `from`, the day clamped to the month's end (31 January → 28/29
 * February): GDPR Art. 12(3), as the server computes a case's `dueAt`. Only for telling a
 * member in advance when to expect an answer; the server's `dueAt` is what counts.
 */
export function oneMonthAfter(from: Date): Date {
  const [year, month, day] = dayKey.format(from).split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + 1;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  // Midday UTC is the same calendar day in Brussels, whatever the season.
  return new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay), 12));
}
