import { describe, expect, it } from 'vitest';
import { compareProportions, fisherExactTest, twoProportionZTest, twoSidedNormalP, wilsonInterval } from './statistics';

/*
 * Reference values computed independently with SciPy 1.17.1 and statsmodels 0.15.0 (Python 3.11):
 *   statsmodels.stats.proportion.proportion_confint(x, n, alpha=0.05, method='wilson')
 *   statsmodels.stats.proportion.proportions_ztest([x1, x2], [n1, n2])   (pooled, two-sided)
 *   scipy.stats.fisher_exact(table)[1]                                    (two-sided)
 *   2 * scipy.stats.norm.sf(abs(z))
 */

const close = (actual: number, expected: number, relative = 1e-6) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(Math.abs(expected), 1e-300));

describe('Wilson 95% interval', () => {
  it.each([
    [0, 12, 0.0, 0.24249400665524096],
    [12, 12, 0.7575059933447589, 0.9999999999999999],
    [7, 20, 0.18119182410108203, 0.5671457233147638],
    [450, 1000, 0.4194153840742968, 0.4809672917742588],
    [1, 3, 0.06149194472039626, 0.7923403991979523],
    [30, 30, 0.8864866068260311, 1.0],
  ])('%i of %i → [%f, %f] (statsmodels)', (x, n, low, high) => {
    const [l, h] = wilsonInterval(x, n)!;
    expect(Math.abs(l - low)).toBeLessThan(1e-12);
    expect(Math.abs(h - high)).toBeLessThan(1e-12);
  });

  it('has no interval for an empty group', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('two-sided normal p-value', () => {
  it.each([
    [0, 1.0],
    [0.5, 0.6170750774519738],
    [1.96, 0.04999579029644087],
    [2.5758, 0.01000084747555736],
    [4, 6.334248366623973e-5],
    [-3, 0.0026997960632601866],
  ])('z = %f → %f (SciPy)', (z, p) => close(twoSidedNormalP(z), p, 2e-7));
});

describe('two-proportion z-test', () => {
  it.each([
    [300, 1000, 400, 1000, -4.688072309384956, 2.7579057770546713e-6],
    [30, 100, 40, 100, -1.4824986333222028, 0.1382076669740257],
    [150, 200, 120, 200, 3.202563076101743, 0.0013621046715842006],
    [600, 2000, 800, 2000, -6.629935441317961, 3.358337182754255e-11],
  ])('%i/%i against %i/%i → z %f, p %f (statsmodels)', (x1, n1, x2, n2, z, p) => {
    const result = twoProportionZTest(x1, n1, x2, n2)!;
    close(result.z, z, 1e-12);
    close(result.pValue, p, 2e-7);
  });

  it('cannot be computed without variation', () => {
    expect(twoProportionZTest(0, 10, 0, 20)).toBeNull();
  });
});

describe("Fisher's exact test", () => {
  it.each([
    [[3, 1, 1, 3], 0.48571428571428565],
    [[0, 12, 40, 60], 0.004007770696430982],
    [[1, 9, 11, 3], 0.0027594561852200836],
    [[8, 2, 1, 5], 0.034965034965034975],
    [[0, 12, 0, 100], 1.0],
    [[2, 10, 30, 70], 0.5035850972432636],
  ])('%j → p %f (SciPy)', (table, p) => {
    const [a, b, c, d] = table as [number, number, number, number];
    close(fisherExactTest(a, b, c, d), p, 1e-9);
  });
});

describe('choosing the test', () => {
  it('uses the z-test for large counts and Fisher for small expected counts', () => {
    expect(compareProportions(300, 1000, 400, 1000)).toEqual({ test: 'z', pValue: expect.any(Number) });
    const small = compareProportions(0, 12, 40, 100)!;
    expect(small.test).toBe('fisher');
    close(small.pValue, 0.004007770696430982, 1e-9);
  });
});
