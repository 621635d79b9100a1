import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDays, formatMoney, formatPercent, formatScorePoints } from './format';

/** Intl separates with (narrow) no-break spaces; compare on plain spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('locale formatting', () => {
  it('writes euro amounts the way each language does', () => {
    expect(formatMoney(123_456, 'EUR', 'en')).toBe('€1,234.56');
    expect(plain(formatMoney(123_456, 'EUR', 'nl'))).toBe('€ 1.234,56');
    expect(plain(formatMoney(123_456, 'EUR', 'fr'))).toBe('1 234,56 €');
  });

  it('keeps the no-break spaces so an amount never wraps', () => {
    expect(formatMoney(123_456, 'EUR', 'fr')).not.toContain(' ');
    expect(formatMoney(123_456, 'EUR', 'nl')).not.toContain(' ');
  });

  it('writes percentages, days and scores', () => {
    expect(formatPercent(4.5, 'en')).toBe('4.5%');
    expect(formatPercent(4.5, 'nl')).toBe('4,5%');
    expect(plain(formatPercent(4.5, 'fr'))).toBe('4,5 %');
    expect(plain(formatDays(12, 'nl'))).toBe('12 dagen');
    expect(plain(formatDays(1, 'fr'))).toBe('1 jour');
    expect(formatScorePoints(0.7234, 'en')).toBe('72.3');
    expect(formatScorePoints(0.7234, 'fr')).toBe('72,3');
  });

  it('dates a decision on the Brussels calendar', () => {
    // 23:30 UTC on 31 March is already 1 April in Brussels (summer time).
    expect(formatDate('2026-03-31T23:30:00Z', 'en')).toBe('1 April 2026');
    expect(formatDate('2026-03-31T23:30:00Z', 'nl')).toBe('1 april 2026');
    expect(formatDate('2026-03-31T23:30:00Z', 'fr')).toBe('1 avril 2026');
  });

  it('names the zone of every time of day it writes, winter and summer', () => {
    expect(formatDateTime('2026-11-25T13:03:00Z', 'en')).toBe('25 Nov 2026, 14:03 CET');
    expect(formatDateTime('2026-07-01T12:00:00Z', 'en')).toBe('1 Jul 2026, 14:00 CEST');
    expect(formatDateTime('2026-11-25T13:03:00Z', 'nl')).toMatch(/14:03 CET$/);
    expect(formatDateTime('2026-11-25T13:03:00Z', 'fr')).toMatch(/14:03 UTC\+1$/);
  });
});
