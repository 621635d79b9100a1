import * as shared from '@shared/format';
import { addCalendarMonths, memberDaysUntil } from '@shared/time/calendar';
import type { Lang } from './languages';

/**
 * The shared formats (shared/format.ts), language first as the I18n provider calls them. Dates
 * are shown on the members' calendar, so a due date reads the same wherever the reader's computer is.
 */
export const formatMoney = (lang: Lang, cents: number, currency: string) => shared.formatMoney(cents, currency, lang);
export const formatSignedMoney = (lang: Lang, cents: number, currency: string) => shared.formatSignedMoney(cents, currency, lang);
export const formatNumber = (lang: Lang, value: number, maximumFractionDigits = 2) => shared.formatNumber(value, lang, maximumFractionDigits);
export const formatScorePoints = (lang: Lang, score: number, signed = false) => shared.formatSignedScorePoints(score, lang, signed);
export const formatDate = (lang: Lang, iso: string) => shared.formatDate(iso, lang);
export const formatDateTime = (lang: Lang, iso: string) => shared.formatDateTime(iso, lang);
export const formatZonedDateTime = (lang: Lang, iso: string) => shared.formatZonedDateTime(iso, lang);
/** A ratio (0.045 → "4.5%"), unlike the explanations' formatPercent, which takes a percent. */
export const formatPercent = (lang: Lang, ratio: number, signed = false) => shared.formatRatioAsPercent(ratio, lang, signed);
export const formatList = (lang: Lang, items: string[]) => shared.formatList(items, lang);
export const formatRelativeDays = (lang: Lang, days: number) => shared.formatRelativeDays(days, lang);

/** Whole calendar days from `now` to the day of `iso` in Brussels: 0 is today, negative is past. */
export const calendarDaysUntil = (iso: string, now: Date = new Date()): number => memberDaysUntil(new Date(iso), now);

/**
 * One calendar month after `from` (31 January → 28/29 February), as the server computes a case's
 * `dueAt`. Only for telling a member in advance when to expect an answer; the server's `dueAt` is
 * what counts.
 */
export const oneMonthAfter = (from: Date): Date => addCalendarMonths(from, 1);
