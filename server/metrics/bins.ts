import type { DecisionType } from '@shared/schemas/common';
import type { Decision, FraudFlagOutput, RenewalPriceOutput, RiskScoreOutput } from '@shared/schemas/decision';

/**
 * The fixed histogram bins of each decision type, the ones PSI compares. Edges are whole basis
 * points (1 bp = 0.0001), so each edge reads exactly as published (0.05, −0.45) and a value
 * equal to an edge always falls in the bin that edge opens: bins are [from, to), except the last,
 * which is [from, to]. Values outside the range are counted in the outer bins.
 */
export const SCORE_BINS = 20;
export const BASIS_POINTS = 10_000;

/** Scores are probabilities, 0 … 1. */
const SCORE_RANGE_BP = [0, BASIS_POINTS] as const;
/** Renewals have no score; their relative premium change is binned over −50 % … +50 % instead. */
const PREMIUM_CHANGE_RANGE_BP = [-BASIS_POINTS / 2, BASIS_POINTS / 2] as const;

export const binRangeBp = (type: DecisionType): readonly [number, number] => (type === 'renewal_price' ? PREMIUM_CHANGE_RANGE_BP : SCORE_RANGE_BP);

/** The SCORE_BINS + 1 edges in basis points: whole numbers, since each range is a multiple of 20 bp. */
function edgesBp(type: DecisionType): number[] {
  const [lo, hi] = binRangeBp(type);
  const width = (hi - lo) / SCORE_BINS;
  return Array.from({ length: SCORE_BINS + 1 }, (_, i) => lo + i * width);
}

/** Each edge as the number nearest its decimal (−0.45, not −0.44999999999999996). */
const EDGES: Record<DecisionType, number[]> = {
  renewal_price: edgesBp('renewal_price').map((bp) => bp / BASIS_POINTS),
  fraud_flag: edgesBp('fraud_flag').map((bp) => bp / BASIS_POINTS),
  risk_score: edgesBp('risk_score').map((bp) => bp / BASIS_POINTS),
};

export function binEdges(type: DecisionType): { from: number; to: number }[] {
  const edges = EDGES[type];
  return Array.from({ length: SCORE_BINS }, (_, i) => ({ from: edges[i]!, to: edges[i + 1]! }));
}

/**
 * The bin of a value, decided by comparing it with the published edges: dividing by the bin
 * width alone puts some values equal to an edge in the bin below (−0.45 + 0.5 is 0.04999…).
 */
export function binOf(type: DecisionType, value: number): number {
  const edges = EDGES[type];
  const lo = edges[0]!;
  const hi = edges[SCORE_BINS]!;
  let bin = Math.min(SCORE_BINS - 1, Math.max(0, Math.floor(((value - lo) / (hi - lo)) * SCORE_BINS)));
  // The estimate is off by at most one near an edge; the comparisons settle it exactly.
  while (bin > 0 && value < edges[bin]!) bin--;
  while (bin < SCORE_BINS - 1 && value >= edges[bin + 1]!) bin++;
  return bin;
}

/**
 * The bin of a renewal's relative premium change (new − previous) ÷ previous, decided in integers
 * from the cents: change ≥ edge ⇔ (new − previous) · 10 000 ≥ edge in bp · previous. BigInt, as
 * cents times 10 000 may pass 2^53. A premium from nothing is a change beyond any edge (the last
 * bin); nothing to nothing is no change.
 */
export function premiumChangeBin({ previousPremiumCents, newPremiumCents }: RenewalPriceOutput): number {
  if (previousPremiumCents === 0) return binOf('renewal_price', newPremiumCents === 0 ? 0 : Number.POSITIVE_INFINITY);
  const [lo, hi] = PREMIUM_CHANGE_RANGE_BP.map(BigInt) as [bigint, bigint];
  const before = BigInt(previousPremiumCents);
  const width = (hi - lo) / BigInt(SCORE_BINS);
  // (change in bp − lo) ÷ width, scaled by `before` on both sides so that nothing is divided inexactly.
  const aboveLo = (BigInt(newPremiumCents) - before) * BigInt(BASIS_POINTS) - lo * before;
  if (aboveLo < 0n) return 0;
  const bin = aboveLo / (width * before);
  return bin >= BigInt(SCORE_BINS) ? SCORE_BINS - 1 : Number(bin);
}

/** The bin a decision is counted in: its score's, or for a renewal its premium change's. */
export function scoreBinOf(decision: Pick<Decision, 'type' | 'output'>): number {
  if (decision.type === 'renewal_price') return premiumChangeBin(decision.output as RenewalPriceOutput);
  return binOf(decision.type, (decision.output as FraudFlagOutput | RiskScoreOutput).score);
}
