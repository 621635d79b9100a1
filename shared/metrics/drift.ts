/**
 * The reading of a population stability index, shared by the API's published definitions and the
 * governance screen: below PSI_MODERATE stable, from PSI_MODERATE up to PSI_MAJOR a moderate
 * shift, from PSI_MAJOR up a major one.
 */
export const PSI_MODERATE = 0.1;
export const PSI_MAJOR = 0.25;

export type DriftLevel = 'baseline' | 'stable' | 'moderate' | 'significant';

/** 'baseline': nothing to compare with (a model's first version). */
export const driftLevel = (psi: number | null): DriftLevel =>
  psi === null ? 'baseline' : psi < PSI_MODERATE ? 'stable' : psi < PSI_MAJOR ? 'moderate' : 'significant';
