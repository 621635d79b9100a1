import type { DecisionType } from '@shared/schemas/common';
import type { OverviewDay } from '@shared/schemas/metrics';
import { addDays } from '../hooks/use-metrics-filter';

export type BucketSize = 'day' | 'week' | 'month';

/** Days up to four months, weeks up to two years, months beyond: bars stay wide enough to read. */
export const bucketSizeFor = (days: number): BucketSize => (days <= 124 ? 'day' : days <= 731 ? 'week' : 'month');

export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** The first day of the bucket that `day` falls in (weeks start on Monday, ISO 8601). */
export function bucketStart(day: string, size: BucketSize): string {
  if (size === 'day') return day;
  if (size === 'month') return `${day.slice(0, 7)}-01`;
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

export interface CountBucket {
  start: string;
  counts: Partial<Record<DecisionType, number>>;
  total: number;
}

/**
 * Every bucket of the period, empty ones included (a day without decisions is a fact to see, not
 * a gap to close), with each type's count from its own overview.
 */
export function bucketDays(from: string, to: string, size: BucketSize, series: Partial<Record<DecisionType, OverviewDay[]>>): CountBucket[] {
  const buckets = new Map<string, CountBucket>();
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const start = bucketStart(day, size);
    if (!buckets.has(start)) buckets.set(start, { start, counts: {}, total: 0 });
  }
  for (const [type, days] of Object.entries(series) as [DecisionType, OverviewDay[]][]) {
    for (const b of buckets.values()) b.counts[type] ??= 0;
    for (const d of days) {
      const bucket = buckets.get(bucketStart(d.day, size));
      if (!bucket) continue;
      bucket.counts[type] = (bucket.counts[type] ?? 0) + d.decisions;
      bucket.total += d.decisions;
    }
  }
  return [...buckets.values()];
}
