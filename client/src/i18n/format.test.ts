import { describe, expect, it } from 'vitest';
import { formatZonedDateTime } from './format';

describe('formatZonedDateTime', () => {
  it('shows an instant on the Brussels clock and names the zone, winter and summer', () => {
    expect(formatZonedDateTime('en', '2026-01-27T12:05:03Z')).toBe('27 Jan 2026, 13:05:03 CET');
    expect(formatZonedDateTime('en', '2026-08-27T12:05:03.000Z')).toBe('27 Aug 2026, 14:05:03 CEST');
  });

  it('names the zone in every language', () => {
    expect(formatZonedDateTime('nl', '2026-08-27T12:05:03Z')).toBe('27 aug 2026, 14:05:03 CEST');
    expect(formatZonedDateTime('fr', '2026-08-27T12:05:03Z')).toBe('27 août 2026, 14:05:03 UTC+2');
  });

  it('dates an instant late in the UTC day on the Brussels calendar, where it is already the next day', () => {
    expect(formatZonedDateTime('en', '2026-11-24T23:30:00Z')).toBe('25 Nov 2026, 00:30:00 CET');
  });
});
