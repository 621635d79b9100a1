import { describe, expect, it } from 'vitest';
import { binEdges, binOf, premiumChangeBin, SCORE_BINS, scoreBinOf } from './bins';

/** The edges as a governance lead reads them, written out as decimals (independent of bins.ts). */
const SCORE_EDGES = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1];
const CHANGE_EDGES = [-0.5, -0.45, -0.4, -0.35, -0.3, -0.25, -0.2, -0.15, -0.1, -0.05, 0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5];
/** The same edges in basis points, for building premiums in whole cents. */
const CHANGE_EDGES_BP = Array.from({ length: 21 }, (_, i) => -5000 + i * 500);

/** The largest number below x: the value "just below an edge". */
function nextDown(x: number): number {
  if (x === 0) return -Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigInt64(0, view.getBigInt64(0) + (x > 0 ? -1n : 1n));
  return view.getFloat64(0);
}

/** The bin an edge opens; the upper bound of the range closes the last bin. */
const binOpenedBy = (edgeIndex: number) => Math.min(edgeIndex, SCORE_BINS - 1);

describe('histogram bins', () => {
  it('publishes the edges as exact decimals', () => {
    for (const type of ['fraud_flag', 'risk_score'] as const) {
      expect(binEdges(type)).toEqual(SCORE_EDGES.slice(0, -1).map((from, i) => ({ from, to: SCORE_EDGES[i + 1] })));
    }
    expect(binEdges('renewal_price')).toEqual(CHANGE_EDGES.slice(0, -1).map((from, i) => ({ from, to: CHANGE_EDGES[i + 1] })));
  });

  it('puts a score equal to an edge in the bin that edge opens, and one just below in the bin before', () => {
    for (const type of ['fraud_flag', 'risk_score'] as const) {
      SCORE_EDGES.forEach((edge, i) => {
        expect(binOf(type, edge), `${type} ${edge}`).toBe(binOpenedBy(i));
        if (i > 0) expect(binOf(type, nextDown(edge)), `${type} just below ${edge}`).toBe(i - 1);
        expect(
          scoreBinOf({
            type,
            output: type === 'risk_score' ? { score: edge, band: 'low' } : { claimId: 'C-1', score: edge, threshold: 0.5, flagged: false, action: 'none' },
          }),
        ).toBe(binOpenedBy(i));
      });
    }
  });

  it('puts a relative premium change equal to an edge in the bin that edge opens, in whole cents', () => {
    // Premiums divisible by 20, so that every edge is a whole number of cents; the last one near 2^53.
    for (const before of [100_000, 55_000, 12_340, 99_980, 40, 4_503_599_627_370_480]) {
      CHANGE_EDGES_BP.forEach((bp, i) => {
        const after = before + (before / 20) * (bp / 500);
        const output = { currency: 'EUR', previousPremiumCents: before, newPremiumCents: after };
        expect(premiumChangeBin(output), `${before} → ${after}`).toBe(binOpenedBy(i));
        expect(premiumChangeBin({ ...output, newPremiumCents: after - 1 }), `${before} → ${after - 1}`).toBe(Math.max(0, i - 1));
        expect(premiumChangeBin({ ...output, newPremiumCents: after + 1 }), `${before} → ${after + 1}`).toBe(binOpenedBy(i));
      });
    }
  });

  it('bins −45 % and −40 % where they belong, which floating-point division did not', () => {
    const renewal = (newPremiumCents: number) => ({
      type: 'renewal_price' as const,
      output: { currency: 'EUR', previousPremiumCents: 100_000, newPremiumCents },
    });
    expect(scoreBinOf(renewal(55_000))).toBe(1);
    expect(scoreBinOf(renewal(60_000))).toBe(2);
    // The same as numbers, compared with the published edges.
    CHANGE_EDGES.forEach((edge, i) => {
      expect(binOf('renewal_price', edge), `${edge}`).toBe(binOpenedBy(i));
      if (i > 0) expect(binOf('renewal_price', nextDown(edge)), `just below ${edge}`).toBe(i - 1);
    });
  });

  it('counts values outside the range in the outer bins', () => {
    expect(binOf('risk_score', -0.1)).toBe(0);
    expect(binOf('risk_score', 1.5)).toBe(SCORE_BINS - 1);
    const renewal = (previousPremiumCents: number, newPremiumCents: number) => premiumChangeBin({ currency: 'EUR', previousPremiumCents, newPremiumCents });
    expect(renewal(100_000, 0)).toBe(0);
    expect(renewal(100_000, 1_000_000)).toBe(SCORE_BINS - 1);
    // A premium from nothing is a change beyond any edge; nothing to nothing is none.
    expect(renewal(0, 5_000)).toBe(SCORE_BINS - 1);
    expect(renewal(0, 0)).toBe(10);
  });
});
