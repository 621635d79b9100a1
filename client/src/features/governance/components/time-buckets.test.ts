import { describe, expect, it } from 'vitest';
import { bucketDays, bucketSizeFor, bucketStart, daysBetween } from './time-buckets';

const day = (d: string, decisions: number) => ({ day: d, decisions, contested: 0, resolved: 0, overridden: 0 });

describe('decisions over time', () => {
  it('counts days inclusively and picks a bar width that stays readable', () => {
    expect(daysBetween('2026-08-28', '2026-11-25')).toBe(90);
    expect(bucketSizeFor(90)).toBe('day');
    expect(bucketSizeFor(365)).toBe('week');
    expect(bucketSizeFor(1000)).toBe('month');
  });

  it('starts weeks on Monday and months on the first', () => {
    expect(bucketStart('2026-11-25', 'week')).toBe('2026-11-23'); // a Wednesday
    expect(bucketStart('2026-11-23', 'week')).toBe('2026-11-23');
    expect(bucketStart('2026-11-25', 'month')).toBe('2026-11-01');
  });

  it('keeps empty days and adds each type into its bucket', () => {
    const buckets = bucketDays('2026-11-01', '2026-11-03', 'day', {
      renewal_price: [day('2026-11-01', 2), day('2026-11-03', 1)],
      fraud_flag: [day('2026-11-03', 4)],
    });
    expect(buckets.map((b) => [b.start, b.total, b.counts.renewal_price, b.counts.fraud_flag])).toEqual([
      ['2026-11-01', 2, 2, 0],
      ['2026-11-02', 0, 0, 0],
      ['2026-11-03', 5, 1, 4],
    ]);
  });

  it('ignores days outside the period', () => {
    const [only] = bucketDays('2026-11-02', '2026-11-02', 'day', { risk_score: [day('2026-11-01', 9), day('2026-11-02', 3)] });
    expect(only?.total).toBe(3);
  });
});
