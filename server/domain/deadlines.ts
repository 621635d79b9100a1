import { addCalendarDays, addCalendarMonths, endOfMemberDay, memberDay } from '@shared/time/calendar';

/**
 * Legal deadlines on the members' calendar (shared/time/calendar.ts). GDPR Art. 12(3): one month
 * from receipt, extendable by two further months. "One month" is calendar arithmetic on the local
 * date, clamped to the month's end (31 January → 28/29 February), and the deadline runs to the end
 * of that day in Brussels, whatever the server's own time zone.
 */

/** dueAt = receivedAt + one calendar month, to the end of that day in Brussels. */
export function dueDate(receivedAt: Date, months = 1): Date {
  return endOfMemberDay(addCalendarMonths(receivedAt, months));
}

/**
 * A sample case is the insurer's own oversight (AI Act Art. 14), not a member's request: no legal
 * month applies, so it is due after the service level the sampling policy sets, in calendar days,
 * to the end of that day in Brussels.
 */
export function sampleDueDate(drawnAt: Date, reviewDays: number): Date {
  return endOfMemberDay(addCalendarDays(drawnAt, reviewDays));
}

/** An extension runs from the original due date: at most two further months (Art. 12(3)). */
export function extendedDueDate(originalDueAt: Date, months: number): Date {
  return endOfMemberDay(addCalendarMonths(originalDueAt, months));
}

/** The local calendar date, for messages and tests ("2024-02-29"). */
export const localDateString = memberDay;
