/**
 * The reading of a population stability index, shared by the API's published definitions and the
 * governance screen: below PSI_MODERATE stable, from PSI_MODERATE up to PSI_MAJOR a moderate
 * shift, from PSI_MAJOR up a major one — each only when it is more than chance explains and both
 * sides are large enough (server/metrics/drift-rule.ts, which decides a DriftLevel).
 */
export const PSI_MODERATE = 0.1;
export const PSI_MAJOR = 0.25;
/** DRIFT_MIN_SAMPLE's default: the fewest decisions on either side for drift to be judged. */
export const DEFAULT_DRIFT_MIN_SAMPLE = 100;
/** The share of the no-drift distribution of PSI below the critical value. */
export const DRIFT_CONFIDENCE = 0.99;

/**
 * 'baseline': nothing to compare with (a model's first version); 'too_few': a side has fewer
 * decisions than the minimum; 'stable': below PSI_MODERATE, or within what chance explains;
 * 'moderate' and 'significant' (major): at or above their threshold and beyond chance.
 */
export type DriftLevel = 'baseline' | 'too_few' | 'stable' | 'moderate' | 'significant';

/** The level by the thresholds alone, as before issue 19; the API's `drift` adds sample size and chance. */
export const driftLevel = (psi: number | null): DriftLevel =>
  psi === null ? 'baseline' : psi < PSI_MODERATE ? 'stable' : psi < PSI_MAJOR ? 'moderate' : 'significant';
