import { describe, expect, it } from 'vitest';
import { DEFAULT_DRIFT_MIN_SAMPLE, driftLevel } from '@shared/metrics/drift';
import { bucketOf, bucketRange, MAX_BUCKET } from './feature-buckets';
import { driftVerdict } from './drift-rule';
import { isoWeekOf } from './drift.service';
import { binOf, SCORE_BINS } from './bins';
import { countOnBins, psi, quantileStarts } from './psi';
import { chiSquareQuantile, regularizedGammaP } from './statistics';

/*
 * Reference values computed independently with NumPy 2.4.6 and SciPy 1.17.1 (Python 3.11):
 *   scipy.stats.chi2.ppf(p, df), scipy.stats.gamma.cdf(x, a)
 *   PSI on quantile bins: edges = np.unique(np.quantile(base, np.arange(1, 10) / 10, method='inverted_cdf'));
 *   counts = np.bincount(np.searchsorted(edges, x, side='left'), minlength=len(edges) + 1);
 *   shares s = c / c.sum() + 1e-4, s / s.sum(); PSI = Σ (a − e) · ln(a ÷ e).
 */

const close = (actual: number, expected: number, relative = 1e-9) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));

describe('χ² quantiles and the regularised gamma function', () => {
  it.each([
    [0.99, 19, 36.19086912927004],
    [0.99, 9, 21.665994333461924],
    [0.99, 1, 6.6348966010212145],
    [0.95, 4, 9.487729036781154],
    [0.5, 2, 1.386294361119891],
    [0.999, 30, 59.70306430442994],
  ])('χ²(%f; df %i) = %f (scipy.stats.chi2.ppf)', (p, df, expected) => close(chiSquareQuantile(p, df), expected));

  it.each([
    [0.5, 0.3, 0.5614219739190003],
    [9.5, 10.0, 0.605421817913999],
    [2.0, 7.5, 0.9952987828537434],
  ])('P(%f, %f) = %f (scipy.stats.gamma.cdf)', (a, x, expected) => close(regularizedGammaP(a, x), expected));
});

describe('the numeric feature buckets', () => {
  it('keeps every value inside its bucket, and bucket order is value order', () => {
    const values = [0, 1e-9, -1e-9, 1, 1.2, 1.25, 1.3, 2, 3, -3, 0.1, -0.75, 17.5, 1234.5678, -98765, 2 ** 40, 2 ** 41, 1e15, -1e15, 5e-6, Math.PI];
    for (const v of values) {
      const b = bucketOf(v);
      const { from, to } = bucketRange(b);
      expect(Math.abs(b)).toBeLessThanOrEqual(MAX_BUCKET);
      if (b > 0) expect(v >= from && v < to).toBe(true);
      else if (b < 0) expect(v > from && v <= to).toBe(true);
      else expect(v > from && v < to).toBe(true);
    }
    const sorted = [...values].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(bucketOf(sorted[i]!)).toBeGreaterThanOrEqual(bucketOf(sorted[i - 1]!));
  });

  it('opens a bucket exactly at a power of two and at each quarter step of it', () => {
    for (const v of [1, 1.25, 1.5, 1.75, 2, 5, 6, 7, 8, 10, 12, 14, 16, 0.375]) {
      expect(bucketRange(bucketOf(v)).from).toBe(v);
      expect(bucketOf(v)).toBe(bucketOf(v - v * 1e-12) + 1);
    }
    expect(bucketOf(-5)).toBe(-bucketOf(5));
  });

  it('has a few hundred buckets in all', () => {
    expect(2 * MAX_BUCKET + 1).toBe(489);
  });
});

describe('PSI on the baseline quantile bins', () => {
  // Every value is a bucket's lower bound, so bins at bucket boundaries are exactly numpy's decile bins.
  const base = [1, 1, 2, 2, 2, 3, 3, 4, 4, 4, 5, 5, 6, 6, 6, 7, 7, 8, 8, 10, 10, 12, 12, 14, 16, 16, 1, 2, 3, 4];
  const current = [2, 3, 4, 5, 6, 6, 7, 8, 8, 10, 10, 10, 12, 12, 12, 14, 14, 14, 16, 16, 16, 16, 5, 6, 7, 8];
  const histogram = (values: number[]) => {
    const out = new Map<number, number>();
    for (const v of values) out.set(bucketOf(v), (out.get(bucketOf(v)) ?? 0) + 1);
    return out;
  };

  it('matches numpy: edges 1 2 3 4 5 6 7 10 12, counts and PSI 1.236622646924269', () => {
    const starts = quantileStarts(histogram(base));
    // The bins above each numpy edge begin at the next value's bucket.
    expect(starts.map((b) => bucketRange(b).from)).toEqual([2, 3, 4, 5, 6, 7, 8, 12, 14]);
    const e = countOnBins(histogram(base), starts);
    const a = countOnBins(histogram(current), starts);
    expect(e).toEqual([3, 4, 3, 4, 2, 3, 2, 4, 2, 3]);
    expect(a).toEqual([0, 1, 1, 1, 2, 3, 2, 6, 3, 7]);
    close(psi(e, a)!, 1.236622646924269);
  });

  it('opens a bin above the baseline when a quantile falls in its highest bucket, as numpy does', () => {
    // np.unique(np.quantile([3, 3, 3], q, method='inverted_cdf')) = [3]: bins (−∞, 3] and (3, ∞).
    expect(quantileStarts(histogram([3, 3, 3]))).toEqual([bucketOf(3) + 1]);
    expect(countOnBins(histogram([2, 3, 3.5, 4]), [bucketOf(3) + 1])).toEqual([2, 2]);
  });
});

/** A seeded generator (mulberry32), so the simulation is the same on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fraud model's scores: mostly low, a long tail (Beta-like, u²), optionally shifted up. */
function scoreHistogram(next: () => number, n: number, shift = 0): number[] {
  const counts = new Array<number>(SCORE_BINS).fill(0);
  for (let i = 0; i < n; i++) {
    const score = Math.min(1, next() ** 2 + shift * next());
    counts[binOf('fraud_flag', score)]!++;
  }
  return counts;
}

describe('significant drift needs more than chance', () => {
  const trials = 2000;

  it('flags two halves of 100 decisions from one distribution in fewer than 5% of trials, where thresholds alone flagged most', () => {
    const next = random(19);
    let flaggedBefore = 0;
    let flaggedNow = 0;
    for (let t = 0; t < trials; t++) {
      const e = scoreHistogram(next, 100);
      const a = scoreHistogram(next, 100);
      const value = psi(e, a);
      if (driftLevel(value) !== 'stable') flaggedBefore++;
      const { level } = driftVerdict(value, e, a, DEFAULT_DRIFT_MIN_SAMPLE);
      if (level === 'moderate' || level === 'significant') flaggedNow++;
    }
    expect(flaggedBefore / trials).toBeGreaterThan(0.5);
    expect(flaggedNow / trials).toBeLessThan(0.05);
  });

  it('detects a moderate shift at 1,000 decisions a side', () => {
    const next = random(7);
    let detected = 0;
    const values: number[] = [];
    for (let t = 0; t < 200; t++) {
      const e = scoreHistogram(next, 1000);
      const a = scoreHistogram(next, 1000, 0.07);
      const value = psi(e, a)!;
      values.push(value);
      const { level } = driftVerdict(value, e, a, DEFAULT_DRIFT_MIN_SAMPLE);
      if (level === 'moderate' || level === 'significant') detected++;
    }
    values.sort((x, y) => x - y);
    // The shift is moderate, not major: PSI's median between the two thresholds.
    expect(values[100]!).toBeGreaterThan(0.1);
    expect(values[100]!).toBeLessThan(0.25);
    expect(detected / 200).toBeGreaterThan(0.95);
  });

  it('does not judge a side below the minimum sample', () => {
    expect(driftVerdict(0.9, [99, 0], [0, 500], 100).level).toBe('too_few');
    expect(driftVerdict(0.9, [100, 0], [0, 100], 100).level).toBe('significant');
    expect(driftVerdict(null, [], [], 100).level).toBe('baseline');
    expect(driftVerdict(null, [120, 30], [0, 0], 100).level).toBe('too_few');
  });
});

describe('ISO weeks of UTC days', () => {
  // Python's datetime.date.fromisoformat(day).isocalendar().
  it.each([
    ['2026-01-01', '2026-W01', '2025-12-29'],
    ['2027-01-01', '2026-W53', '2026-12-28'],
    ['2027-01-03', '2026-W53', '2026-12-28'],
    ['2027-01-04', '2027-W01', '2027-01-04'],
    ['2024-12-30', '2025-W01', '2024-12-30'],
    ['2026-11-02', '2026-W45', '2026-11-02'],
    ['2026-11-29', '2026-W48', '2026-11-23'],
  ])('%s is in %s, which starts on %s', (day, week, monday) => expect(isoWeekOf(day)).toEqual({ week, monday }));
});
