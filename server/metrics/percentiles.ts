/**
 * Nearest-rank percentile from a histogram of whole-number buckets (bucket → count): the
 * smallest bucket whose cumulative count reaches ⌈p · n⌉. Exact at the histogram's grain
 * (whole days for resolution times). Null for an empty histogram.
 */
export function percentileOf(histogram: ReadonlyMap<number, number>, p: number): number | null {
  const buckets = [...histogram].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = buckets.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const [bucket, n] of buckets) {
    seen += n;
    if (seen >= rank) return bucket;
  }
  return buckets[buckets.length - 1]![0];
}
