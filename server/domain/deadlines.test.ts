import { describe, expect, it } from 'vitest';
import { dueDate, extendedDueDate, localDateString } from './deadlines';

describe('legal deadlines in Europe/Brussels', () => {
  it('adds one calendar month, clamped to the month end', () => {
    expect(localDateString(dueDate(new Date('2024-01-31T10:00:00+01:00')))).toBe('2024-02-29');
    expect(localDateString(dueDate(new Date('2023-01-31T10:00:00+01:00')))).toBe('2023-02-28');
    expect(localDateString(dueDate(new Date('2024-03-31T12:00:00+02:00')))).toBe('2024-04-30');
    expect(localDateString(dueDate(new Date('2024-12-15T12:00:00+01:00')))).toBe('2025-01-15');
  });

  it('uses the Brussels date, not the UTC date', () => {
    // 23:30 UTC on 31 January is already 1 February in Brussels.
    expect(localDateString(dueDate(new Date('2024-01-31T23:30:00Z')))).toBe('2024-03-01');
  });

  it('runs to the end of the due day in Brussels, across DST changes', () => {
    expect(dueDate(new Date('2024-01-31T10:00:00+01:00')).toISOString()).toBe('2024-02-29T22:59:59.999Z');
    expect(dueDate(new Date('2024-03-10T10:00:00+01:00')).toISOString()).toBe('2024-04-10T21:59:59.999Z');
  });

  it('extends from the original due date by up to two months', () => {
    const original = dueDate(new Date('2024-01-31T10:00:00+01:00'));
    expect(localDateString(extendedDueDate(original, 2))).toBe('2024-04-29');
  });
});
