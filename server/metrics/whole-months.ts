import { lastDayOfMonth as lastDay, shiftMonth } from '@shared/time/calendar';

/** A day range (YYYY-MM-DD, inclusive); an omitted bound is open. */
export interface DayRange {
  from?: string;
  to?: string;
}

/** A month range (YYYY-MM, inclusive); an omitted bound is open. */
export interface MonthRange {
  from?: string;
  to?: string;
}

const monthOfDay = (day: string) => day.slice(0, 7);

const firstDay = (month: string) => `${month}-01`;

/**
 * Splits a period into the whole calendar months inside it and the days at either edge, so a
 * histogram can be summed from one document per month plus a few per edge day instead of one
 * per day. Every day of the period lands in exactly one part.
 */
export function splitIntoWholeMonths(period: DayRange): { months: MonthRange | null; days: DayRange[] } {
  const fromMonth = period.from === undefined ? undefined : period.from.endsWith('-01') ? monthOfDay(period.from) : shiftMonth(monthOfDay(period.from), 1);
  const toMonth =
    period.to === undefined ? undefined : period.to === lastDay(monthOfDay(period.to)) ? monthOfDay(period.to) : shiftMonth(monthOfDay(period.to), -1);
  if (fromMonth !== undefined && toMonth !== undefined && fromMonth > toMonth) return { months: null, days: [period] };
  const days: DayRange[] = [];
  if (period.from !== undefined && fromMonth !== undefined && period.from < firstDay(fromMonth)) {
    days.push({ from: period.from, to: lastDay(shiftMonth(fromMonth, -1)) });
  }
  if (period.to !== undefined && toMonth !== undefined && period.to > lastDay(toMonth)) {
    days.push({ from: firstDay(shiftMonth(toMonth, 1)), to: period.to });
  }
  return { months: { from: fromMonth, to: toMonth }, days };
}
