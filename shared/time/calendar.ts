import { tz } from '@date-fns/tz';
import { addDays, addMonths, differenceInCalendarDays, endOfDay, endOfMonth, format } from 'date-fns';

/**
 * The members' time zone, the insurer's calendar, named here and nowhere else: dates are shown
 * on it, not the server's or the reader's (a decision at 23:30 UTC is the next day in Brussels),
 * and legal deadlines end at its midnight.
 */
export const MEMBER_TIME_ZONE = 'Europe/Brussels';

const inMemberZone = tz(MEMBER_TIME_ZONE);
// Calendar dates without a time of day ("2024-02" months, "2024-02-29" days) are counted in UTC,
// where every day has 24 hours, so the server's own zone never shifts them.
const onPlainCalendar = tz('UTC');

/** date-fns answers in a TZDate, whose toISOString() carries an offset; callers get a plain instant ("…Z"). */
const instant = (date: Date): Date => new Date(date.getTime());

/** The calendar day of an instant in the members' zone: "2024-02-29". */
export const memberDay = (at: Date): string => format(at, 'yyyy-MM-dd', { in: inMemberZone });

/**
 * `months` calendar months after `from` on the members' calendar, at the same time of day, the
 * day clamped to the target month's end (31 January + 1 month → 28/29 February): the "one month"
 * of GDPR Art. 12(3). DST is the library's concern, not a hand-made offset loop.
 */
export const addCalendarMonths = (from: Date, months: number): Date => instant(addMonths(from, months, { in: inMemberZone }));

/** `days` calendar days after `from` on the members' calendar, at the same local time of day (DST-safe). */
export const addCalendarDays = (from: Date, days: number): Date => instant(addDays(from, days, { in: inMemberZone }));

/** The last millisecond of the instant's day in the members' zone (23:59:59.999 in Brussels). */
export const endOfMemberDay = (within: Date): Date => instant(endOfDay(within, { in: inMemberZone }));

/** Whole calendar days from `now` to `day` in the members' zone: 0 is today, negative is past. */
export const memberDaysUntil = (day: Date, now: Date): number => differenceInCalendarDays(day, now, { in: inMemberZone });

/** A calendar month ("2024-01") moved by `by` months ("2024-02"). */
export const shiftMonth = (month: string, by: number): string =>
  format(addMonths(`${month}-01T00:00:00Z`, by, { in: onPlainCalendar }), 'yyyy-MM', { in: onPlainCalendar });

/** The last day of a calendar month: "2024-02" → "2024-02-29". */
export const lastDayOfMonth = (month: string): string =>
  format(endOfMonth(`${month}-01T00:00:00Z`, { in: onPlainCalendar }), 'yyyy-MM-dd', { in: onPlainCalendar });
