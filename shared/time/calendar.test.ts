import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarMonths, endOfMemberDay, lastDayOfMonth, memberDay, memberDaysUntil, shiftMonth } from './calendar';

const dueDate = (receivedAt: Date, months: number) => endOfMemberDay(addCalendarMonths(receivedAt, months));

/**
 * The hand-made calculation this module replaced, kept as the reference the library must match:
 * Brussels wall-clock parts from Intl, months added on the local date and clamped to the month's
 * end, then the end of that day found by re-checking the zone's offset twice.
 */
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
function localParts(at: Date) {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  return p as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
}
function offsetAt(at: Date): number {
  const p = localParts(at);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at.getTime() / 1000) * 1000;
}
function referenceDueDate(receivedAt: Date, months: number): Date {
  const { year, month, day } = localParts(receivedAt);
  const index = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  const d = Math.min(day, new Date(Date.UTC(y, m, 0)).getUTCDate());
  const wall = Date.UTC(y, m - 1, d, 23, 59, 59, 999);
  const guess = new Date(wall - offsetAt(new Date(wall)));
  return new Date(wall - offsetAt(guess));
}

describe("the members' calendar", () => {
  it('adds calendar months exactly as the hand-made calculation did, for any instant from 2000 to 2060', () => {
    const instant = fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2060-01-01T00:00:00Z') }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 3 }), (receivedAt, months) => {
        expect(dueDate(receivedAt, months).toISOString()).toBe(referenceDueDate(receivedAt, months).toISOString());
      }),
      { numRuns: 2000 },
    );
  });

  it('clamps to the month end, leap years included', () => {
    expect(memberDay(dueDate(new Date('2024-01-31T10:00:00Z'), 1))).toBe('2024-02-29');
    expect(memberDay(dueDate(new Date('2100-01-31T10:00:00Z'), 1))).toBe('2100-02-28'); // no leap year: divisible by 100
    expect(memberDay(dueDate(new Date('2000-01-31T10:00:00Z'), 1))).toBe('2000-02-29'); // leap year: divisible by 400
    expect(memberDay(dueDate(new Date('2024-08-31T10:00:00Z'), 1))).toBe('2024-09-30');
    expect(memberDay(dueDate(new Date('2024-12-31T10:00:00Z'), 2))).toBe('2025-02-28');
  });

  it('ends the day at Brussels midnight on either side of a DST change', () => {
    // Summer time starts on 31 March 2024 at 02:00 and ends on 27 October 2024 at 03:00.
    expect(dueDate(new Date('2024-02-29T12:00:00Z'), 1).toISOString()).toBe('2024-03-29T22:59:59.999Z');
    expect(endOfMemberDay(new Date('2024-03-31T01:30:00Z')).toISOString()).toBe('2024-03-31T21:59:59.999Z');
    expect(endOfMemberDay(new Date('2024-10-27T01:30:00Z')).toISOString()).toBe('2024-10-27T22:59:59.999Z');
    // 02:30 on 31 March does not exist in Brussels: a month after 29 February 02:30 is still 31 March.
    expect(memberDay(addCalendarMonths(new Date('2024-03-01T01:30:00Z'), 1))).toBe('2024-04-01');
    expect(memberDay(addCalendarMonths(new Date('2024-02-29T01:30:00Z'), 1))).toBe('2024-03-29');
  });

  it('reads the day in Brussels, not in UTC', () => {
    expect(memberDay(new Date('2024-01-31T23:30:00Z'))).toBe('2024-02-01');
    expect(memberDay(new Date('2024-07-31T21:59:59Z'))).toBe('2024-07-31');
    expect(memberDay(new Date('2024-07-31T22:00:00Z'))).toBe('2024-08-01');
  });

  it('counts whole days to a due day, across a DST change', () => {
    const dueAt = new Date('2024-03-31T21:59:59.999Z');
    expect(memberDaysUntil(dueAt, new Date('2024-03-30T23:30:00Z'))).toBe(0); // already 31 March in Brussels
    expect(memberDaysUntil(dueAt, new Date('2024-03-30T22:30:00Z'))).toBe(1);
    expect(memberDaysUntil(dueAt, new Date('2024-03-24T12:00:00Z'))).toBe(7);
    expect(memberDaysUntil(dueAt, new Date('2024-04-02T12:00:00Z'))).toBe(-2);
  });

  it('moves calendar months and finds their last day', () => {
    expect(shiftMonth('2024-01', 1)).toBe('2024-02');
    expect(shiftMonth('2024-01', -1)).toBe('2023-12');
    expect(shiftMonth('2024-12', 13)).toBe('2026-01');
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2023-02')).toBe('2023-02-28');
    expect(lastDayOfMonth('2024-12')).toBe('2024-12-31');
  });
});
