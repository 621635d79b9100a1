/** The smallest of 1, 2, 2.5, 5 × 10^k at or above `value`: an axis end a reader can halve in their head. */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value - 1e-12) return step * power;
  return 10 * power;
}

export type DriftLevel = 'baseline' | 'stable' | 'moderate' | 'significant';

/** The usual reading of a population stability index: below 0.1 stable, 0.1 to 0.25 a shift to watch, above 0.25 act. */
export const PSI_WATCH = 0.1;
export const PSI_ACT = 0.25;
export const driftLevel = (psi: number | null): DriftLevel => (psi === null ? 'baseline' : psi < PSI_WATCH ? 'stable' : psi < PSI_ACT ? 'moderate' : 'significant');
