import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitIntoWholeMonths, type DayRange } from './whole-months';

const DAY_MS = 86_400_000;
const START = Date.parse('2023-11-20T00:00:00Z');
const SPAN_DAYS = 500;
const dayAt = (i: number) => new Date(START + i * DAY_MS).toISOString().slice(0, 10);
const everyDay = Array.from({ length: SPAN_DAYS }, (_, i) => dayAt(i));

const inRange = (day: string, r: DayRange) => (r.from === undefined || day >= r.from) && (r.to === undefined || day <= r.to);

describe('splitIntoWholeMonths', () => {
  it('covers every day of the period exactly once, and nothing else', () => {
    const bound = fc.option(fc.integer({ min: 0, max: SPAN_DAYS - 1 }), { nil: undefined });
    fc.assert(
      fc.property(bound, bound, (a, b) => {
        const [lo, hi] = a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
        const period = { from: lo === undefined ? undefined : dayAt(lo), to: hi === undefined ? undefined : dayAt(hi) };
        const { months, days } = splitIntoWholeMonths(period);
        for (const day of everyDay) {
          const viaMonth = months !== null && inRange(day.slice(0, 7), months) ? 1 : 0;
          const viaDays = days.filter((r) => inRange(day, r)).length;
          expect(viaMonth + viaDays, `${day} in ${JSON.stringify(period)}`).toBe(inRange(day, period) ? 1 : 0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('takes whole months as months and keeps the edges as days', () => {
    expect(splitIntoWholeMonths({ from: '2026-09-15', to: '2026-11-30' })).toEqual({
      months: { from: '2026-10', to: '2026-11' },
      days: [{ from: '2026-09-15', to: '2026-09-30' }],
    });
    expect(splitIntoWholeMonths({ from: '2024-02-01', to: '2024-02-29' })).toEqual({ months: { from: '2024-02', to: '2024-02' }, days: [] });
    expect(splitIntoWholeMonths({ from: '2026-11-02', to: '2026-11-20' })).toEqual({ months: null, days: [{ from: '2026-11-02', to: '2026-11-20' }] });
    expect(splitIntoWholeMonths({})).toEqual({ months: { from: undefined, to: undefined }, days: [] });
  });
});
