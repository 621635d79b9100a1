/**
 * The fixed, value-independent histogram each numeric input is counted in (PSI per feature).
 * Like an HDR histogram: a value's sign, its power of two and one of MANTISSA_STEPS equal steps
 * of the mantissa decide its bucket, so relative resolution is the same at any magnitude
 * (a bucket is at most 1/MANTISSA_STEPS = 25 % of its lower bound wide). Buckets are numbered so
 * that their order is the order of the values: 0 holds |x| < 2^MIN_EXPONENT (zero among them);
 * +i above zero, −i the mirror image below. Magnitudes from 2^(MAX_EXPONENT + 1) up share the
 * outermost bucket. 2 · (MAX_EXPONENT − MIN_EXPONENT + 1) · MANTISSA_STEPS + 1 = 489 possible buckets.
 *
 * Baseline quantile edges are taken at bucket boundaries (psi.ts quantileBins): both sides are
 * then counted on the same merged buckets, from the rollups alone.
 */
export const MANTISSA_STEPS = 4;
export const MIN_EXPONENT = -20;
export const MAX_EXPONENT = 40;
/** The highest bucket number; the lowest is its negative. */
export const MAX_BUCKET = (MAX_EXPONENT - MIN_EXPONENT + 1) * MANTISSA_STEPS;

/** The bucket of a finite number. */
export function bucketOf(value: number): number {
  const magnitude = Math.abs(value);
  if (!(magnitude >= 2 ** MIN_EXPONENT)) return 0;
  if (magnitude >= 2 ** (MAX_EXPONENT + 1)) return Math.sign(value) * MAX_BUCKET;
  let exponent = Math.floor(Math.log2(magnitude));
  // log2 may round across a power of two; the comparisons settle it exactly.
  if (2 ** exponent > magnitude) exponent--;
  else if (2 ** (exponent + 1) <= magnitude) exponent++;
  const mantissa = magnitude / 2 ** exponent; // in [1, 2), exact: a division by a power of two
  const step = Math.min(MANTISSA_STEPS - 1, Math.floor((mantissa - 1) * MANTISSA_STEPS));
  return Math.sign(value) * (1 + (exponent - MIN_EXPONENT) * MANTISSA_STEPS + step);
}

/** The magnitude at which positive bucket i (1 … MAX_BUCKET) begins. */
function lowerMagnitude(i: number): number {
  const exponent = MIN_EXPONENT + Math.floor((i - 1) / MANTISSA_STEPS);
  const step = (i - 1) % MANTISSA_STEPS;
  return 2 ** exponent * (1 + step / MANTISSA_STEPS);
}

/**
 * The values bucket i holds, [from, to): for i > 0 from its lower magnitude to the next bucket's;
 * for i < 0 the mirror image (−to, −from]; bucket 0 the open interval (−2^MIN_EXPONENT, 2^MIN_EXPONENT).
 * The outermost buckets are unbounded.
 */
export function bucketRange(i: number): { from: number; to: number } {
  if (i === 0) return { from: -(2 ** MIN_EXPONENT), to: 2 ** MIN_EXPONENT };
  const magnitude = Math.abs(i);
  const low = lowerMagnitude(magnitude);
  const high = magnitude === MAX_BUCKET ? Number.POSITIVE_INFINITY : lowerMagnitude(magnitude + 1);
  return i > 0 ? { from: low, to: high } : { from: -high, to: -low };
}
