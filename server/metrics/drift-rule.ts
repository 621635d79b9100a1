import { DRIFT_CONFIDENCE, PSI_MAJOR, PSI_MODERATE, type DriftLevel } from '@shared/metrics/drift';
import { psi as psiOf } from './psi';
import { regularizedGammaP } from './statistics';

/**
 * When a PSI is drift and not chance. With no drift both sides are samples of one distribution,
 * and PSI (the symmetric, Jeffreys divergence of the two histograms) is approximately
 * χ²(k − 1) · (1/n₁ + 1/n₂), k the number of bins. The approximation needs bins that are not
 * sparse: an almost empty bin on one side weighs ln(share ÷ epsilon) there, far more than chance
 * gives it. So the test merges neighbouring bins until each holds at least MIN_POOLED_PER_BIN
 * decisions of the two sides together (the usual rule of an expected count of 5 a side), takes
 * the PSI on those bins, and its p-value under that distribution.
 *
 * A PSI counts as drift only when both sides have at least the minimum sample (DRIFT_MIN_SAMPLE),
 * it reaches the threshold (PSI_MODERATE; PSI_MAJOR for a major shift), AND p is below
 * 1 − DRIFT_CONFIDENCE (0.01). Two halves of 100 decisions from one distribution, flagged most of
 * the time by the thresholds alone, are then flagged in under 5 % of draws (drift.test.ts).
 */
export const MIN_POOLED_PER_BIN = 10;

export interface DriftVerdict {
  psi: number | null;
  /** The probability of a PSI this large (on the merged bins) without drift; null without both sides. */
  pValue: number | null;
  level: DriftLevel;
}

/** Neighbouring bins summed until each holds MIN_POOLED_PER_BIN decisions of both sides; a short remainder joins the last. */
export function mergeSparseBins(expected: readonly number[], actual: readonly number[], minPooled = MIN_POOLED_PER_BIN): [number[], number[]] {
  const e: number[] = [];
  const a: number[] = [];
  let pe = 0;
  let pa = 0;
  for (let i = 0; i < expected.length; i++) {
    pe += expected[i]!;
    pa += actual[i]!;
    if (pe + pa >= minPooled) {
      e.push(pe);
      a.push(pa);
      pe = pa = 0;
    }
  }
  if (pe + pa > 0) {
    if (e.length === 0) {
      e.push(pe);
      a.push(pa);
    } else {
      e[e.length - 1] = e[e.length - 1]! + pe;
      a[a.length - 1] = a[a.length - 1]! + pa;
    }
  }
  return [e, a];
}

/** p of the no-drift distribution χ²(k − 1) · (1/n₁ + 1/n₂) for the PSI on the merged bins. */
export function psiPValue(expected: readonly number[], actual: readonly number[]): number | null {
  const n1 = expected.reduce((s, n) => s + n, 0);
  const n2 = actual.reduce((s, n) => s + n, 0);
  if (n1 <= 0 || n2 <= 0) return null;
  const [e, a] = mergeSparseBins(expected, actual);
  if (e.length < 2) return 1;
  const merged = psiOf(e, a)!;
  return 1 - regularizedGammaP((e.length - 1) / 2, merged / (1 / n1 + 1 / n2) / 2);
}

export function driftVerdict(psi: number | null, expected: readonly number[], actual: readonly number[], minSample: number): DriftVerdict {
  const n1 = expected.reduce((s, n) => s + n, 0);
  const n2 = actual.reduce((s, n) => s + n, 0);
  const pValue = psi === null ? null : psiPValue(expected, actual);
  // Without a side to compare with it is the baseline; a side without decisions (an empty week) is too few.
  if (psi === null) return { psi, pValue, level: n1 === 0 ? 'baseline' : 'too_few' };
  if (n1 < minSample || n2 < minSample) return { psi, pValue, level: 'too_few' };
  const beyondChance = pValue !== null && pValue < 1 - DRIFT_CONFIDENCE;
  const level: DriftLevel = !beyondChance || psi < PSI_MODERATE ? 'stable' : psi < PSI_MAJOR ? 'moderate' : 'significant';
  return { psi, pValue, level };
}
