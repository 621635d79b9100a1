/** The smallest of 1, 2, 2.5, 5 × 10^k at or above `value`: an axis end a reader can halve in their head. */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value - 1e-12) return step * power;
  return 10 * power;
}

/** The usual reading of a population stability index, the one the API publishes: below 0.1 stable, 0.1 to 0.25 a shift to watch, from 0.25 act. */
export { PSI_MAJOR as PSI_ACT, PSI_MODERATE as PSI_WATCH, type DriftLevel } from '@shared/metrics/drift';
