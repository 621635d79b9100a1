/*
 * The statistics a governance lead must be able to defend: an interval around every rate, and a
 * test of whether a group's rate really differs from the reference group's. Pure functions over
 * counts, so each is checked against values computed independently (statistics.test.ts).
 */

/** z for a two-sided 95% interval: the 0.975 quantile of the standard normal distribution. */
export const Z_95 = 1.959963984540054;

/**
 * Wilson score interval for x successes out of n. Unlike the normal approximation it stays inside
 * [0, 1] and keeps a sensible width at 0 or n successes, where small groups often are.
 */
export function wilsonInterval(x: number, n: number, z = Z_95): [number, number] | null {
  if (n <= 0) return null;
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 and n successes the bound is exactly 0 or 1; the formula leaves rounding dust.
  return [x === 0 ? 0 : Math.max(0, centre - half), x === n ? 1 : Math.min(1, centre + half)];
}

/**
 * Complementary error function (Numerical Recipes' erfcc, Chebyshev fit): fractional error below
 * 1.2e-7 everywhere, enough for p-values compared with 0.05 and 0.01.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** P(|Z| ≥ |z|) for a standard normal Z. */
export const twoSidedNormalP = (z: number) => erfc(Math.abs(z) / Math.SQRT2);

/**
 * Two-proportion z-test with the pooled standard error (the textbook test of H0: p1 = p2),
 * two-sided. Null when it cannot be computed (an empty group, or no variation at all).
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): { z: number; pValue: number } | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return null;
  const z = (x1 / n1 - x2 / n2) / se;
  return { z, pValue: twoSidedNormalP(z) };
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, nine coefficients): relative error around 1e-15. */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const y = x - 1;
  let a = LANCZOS[0]!;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

const logChoose = (n: number, k: number) => logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);

/**
 * Fisher's exact test on the 2×2 table [[a, b], [c, d]], two-sided: the probability, under fixed
 * margins, of every table at most as likely as the one observed (the definition R's fisher.test
 * and SciPy's fisher_exact use). A relative tolerance keeps tables as likely as the observed one
 * from being lost to rounding.
 */
export function fisherExactTest(a: number, b: number, c: number, d: number): number {
  const row1 = a + b;
  const col1 = a + c;
  const n = a + b + c + d;
  if (n === 0) return 1;
  const logP = (k: number) => logChoose(col1, k) + logChoose(n - col1, row1 - k) - logChoose(n, row1);
  const observed = logP(a);
  const lo = Math.max(0, row1 + col1 - n);
  const hi = Math.min(row1, col1);
  let p = 0;
  for (let k = lo; k <= hi; k++) {
    const lp = logP(k);
    if (lp <= observed + 1e-7 * Math.abs(observed) + 1e-12) p += Math.exp(lp);
  }
  return Math.min(1, p);
}

/**
 * Below this expected count in any cell of the 2×2 table the normal approximation is not trusted
 * and Fisher's exact test decides (Cochran's rule).
 */
export const MIN_EXPECTED_FOR_Z = 5;

export interface ComparisonTest {
  test: 'z' | 'fisher';
  pValue: number;
}

/**
 * Does group 1's rate (x1 of n1) differ from the reference's (x2 of n2)? The z-test when every
 * expected cell count reaches MIN_EXPECTED_FOR_Z, Fisher's exact test otherwise.
 */
export function compareProportions(x1: number, n1: number, x2: number, n2: number): ComparisonTest | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const n = n1 + n2;
  const successes = x1 + x2;
  const failures = n - successes;
  const expected = [(n1 * successes) / n, (n1 * failures) / n, (n2 * successes) / n, (n2 * failures) / n];
  if (Math.min(...expected) >= MIN_EXPECTED_FOR_Z) {
    const z = twoProportionZTest(x1, n1, x2, n2);
    if (z) return { test: 'z', pValue: z.pValue };
  }
  return { test: 'fisher', pValue: fisherExactTest(x1, n1 - x1, x2, n2 - x2) };
}

/**
 * The regularised lower incomplete gamma function P(a, x): the series for x < a + 1, else the
 * continued fraction (Lentz), both to about 1e-14.
 */
export function regularizedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let total = term;
    for (let n = 1; n < 1000 && Math.abs(term) > Math.abs(total) * 1e-16; n++) {
      term *= x / (a + n);
      total += term;
    }
    return Math.min(1, total * Math.exp(logPrefix));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.max(0, 1 - Math.exp(logPrefix) * h);
}

/** The p-quantile of the χ² distribution with df degrees of freedom (df ≥ 1), by bisection on its CDF. */
export function chiSquareQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) throw new Error('chiSquareQuantile needs 0 < p < 1 and df > 0');
  const cdf = (x: number) => regularizedGammaP(df / 2, x / 2);
  let low = 0;
  let high = Math.max(1, df);
  while (cdf(high) < p) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-12 * high; i++) {
    const mid = (low + high) / 2;
    if (cdf(mid) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
