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
