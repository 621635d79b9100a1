/**
 * The retry schedule. Attempt n+1 follows attempt n after base × 2^(n-1), ±20% jitter so that
 * many deliveries failing together do not retry together. With the default base of 30 s the
 * retries come after 30 s, 1, 2, 4, 8, 16, 32 min, 1.1, 2.1, 4.3, 8.5, 17 and 34 h: the 14th and
 * last attempt is about 68 hours (close to three days) after the first, then the delivery is
 * dead-lettered.
 */
export const MAX_ATTEMPTS = 14;

/** The delay before the next attempt after `attempts` failed ones, or null when none is left. */
export function retryDelayMs(attempts: number, baseMs: number, random: () => number = Math.random): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const jitter = 0.8 + 0.4 * random();
  return Math.round(baseMs * 2 ** (attempts - 1) * jitter);
}
