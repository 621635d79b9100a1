import { MAX_BUCKET } from './feature-buckets';

/** Added to every bin's share before renormalising, so an empty bin does not make PSI infinite. */
export const PSI_EPSILON = 1e-4;

function shares(counts: readonly number[]): number[] | null {
  const total = counts.reduce((sum, c) => sum + c, 0);
  if (total <= 0) return null;
  const smoothed = counts.map((c) => c / total + PSI_EPSILON);
  const norm = smoothed.reduce((sum, p) => sum + p, 0);
  return smoothed.map((p) => p / norm);
}

/**
 * Population stability index of `actual` against `expected`, both counts over the same fixed
 * bins: Σ (a − e) · ln(a ÷ e). Null when either side has no observations.
 */
export function psi(expected: readonly number[], actual: readonly number[]): number | null {
  if (expected.length !== actual.length) throw new Error('PSI needs the same bins on both sides');
  const e = shares(expected);
  const a = shares(actual);
  if (!e || !a) return null;
  return a.reduce((sum, ai, i) => sum + (ai - e[i]!) * Math.log(ai / e[i]!), 0);
}

/** Bins per numeric feature: the baseline's deciles. */
export const QUANTILE_BINS = 10;

/**
 * Quantile bins over ordered buckets (feature-buckets.ts): the edges are the baseline's
 * j/QUANTILE_BINS quantiles taken at bucket boundaries. A bin closes with the bucket at which the
 * baseline's cumulative count first reaches j/QUANTILE_BINS of its total (the inverted-CDF
 * quantile: a value equal to the quantile falls in the bin below it), so a bucket is never
 * split; quantiles that fall in the same bucket give one bin. Returns the bucket numbers at which
 * each bin after the first begins; the first bin starts below everything, the last reaches above it.
 */
export function quantileStarts(baseline: ReadonlyMap<number, number>, bins = QUANTILE_BINS): number[] {
  const buckets = [...baseline].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = buckets.reduce((sum, [, n]) => sum + n, 0);
  const starts: number[] = [];
  let cumulative = 0;
  let j = 1;
  for (let i = 0; i < buckets.length && j < bins; i++) {
    const [bucket, n] = buckets[i]!;
    cumulative += n;
    // Integer comparison: cumulative ÷ total ≥ j ÷ bins.
    if (cumulative * bins < j * total) continue;
    // A quantile in the baseline's highest bucket opens a bin above it, empty in the baseline
    // (as numpy's edges do): values beyond anything the baseline saw are counted apart.
    starts.push(i + 1 < buckets.length ? buckets[i + 1]![0] : bucket + 1);
    while (j < bins && cumulative * bins >= j * total) j++;
  }
  return starts.filter((start) => start <= MAX_BUCKET);
}

/** The counts of a side on the bins quantileStarts made: a bucket goes to the bin whose range holds it. */
export function countOnBins(counts: ReadonlyMap<number, number>, starts: readonly number[]): number[] {
  const out = new Array<number>(starts.length + 1).fill(0);
  for (const [bucket, n] of counts) {
    let bin = 0;
    while (bin < starts.length && bucket >= starts[bin]!) bin++;
    out[bin] = out[bin]! + n;
  }
  return out;
}
