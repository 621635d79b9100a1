import { MEMBER_TIME_ZONE } from '@shared/explain/format';

/**
 * Legal deadlines in the insurer's own time zone. GDPR Art. 12(3): one month from receipt,
 * extendable by two further months. "One month" is calendar arithmetic on the local date,
 * clamped to the month's end (31 January → 28/29 February), and the deadline runs to the end
 * of that day in Brussels, whatever the server's own time zone.
 */
export const LEGAL_ZONE = MEMBER_TIME_ZONE;

interface LocalDate {
  year: number;
  month: number; // 1..12
  day: number;
}

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: LEGAL_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function localParts(instant: Date) {
  const parts = Object.fromEntries(partsFormatter.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The zone's offset from UTC at `instant`, in milliseconds. */
function offsetAt(instant: Date): number {
  const p = localParts(instant);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The UTC instant of a local wall-clock time in the zone (DST-safe: re-checks the offset). */
function fromLocal(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  let guess = new Date(wall - offsetAt(new Date(wall)));
  guess = new Date(wall - offsetAt(guess));
  return guess;
}

export const localDateOf = (instant: Date): LocalDate => {
  const { year, month, day } = localParts(instant);
  return { year, month, day };
};

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Adds calendar months to a local date, clamping the day to the target month's length. */
export function addMonthsToDate(date: LocalDate, months: number): LocalDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** End of the local day (23:59:59.999 in Brussels) as a UTC instant. */
export const endOfLocalDay = (d: LocalDate) => fromLocal(d.year, d.month, d.day, 23, 59, 59, 999);

/** dueAt = receivedAt + one calendar month, to the end of that day in Brussels. */
export function dueDate(receivedAt: Date, months = 1): Date {
  return endOfLocalDay(addMonthsToDate(localDateOf(receivedAt), months));
}

/** An extension runs from the original due date: at most two further months (Art. 12(3)). */
export function extendedDueDate(originalDueAt: Date, months: number): Date {
  return endOfLocalDay(addMonthsToDate(localDateOf(originalDueAt), months));
}

/** The local calendar date, for messages and tests ("2024-02-29"). */
export function localDateString(instant: Date): string {
  const d = localDateOf(instant);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
