/** Nearest-rank percentile (p in 0..1) of a list of samples; the samples are not modified. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export const p95 = (samples: readonly number[]) => percentile(samples, 0.95);

/** Milliseconds since an arbitrary origin, sub-millisecond resolution. */
export const nowMs = () => performance.now();

/** Runs `fn` and adds its wall time to `into.ms`. */
export async function timed<T>(into: { ms: number }, fn: () => Promise<T> | T): Promise<T> {
  const start = nowMs();
  try {
    return await fn();
  } finally {
    into.ms += nowMs() - start;
  }
}

/**
 * Peak resident memory of this process: sampled every 50 ms, and the kernel's own high-water
 * mark (maxRSS), which also catches peaks inside long synchronous stretches the timer misses.
 */
export function watchMemory(intervalMs = 50) {
  let sampledPeak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
  }, intervalMs);
  timer.unref();
  return {
    peakMb(): number {
      sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
      const kernelPeak = process.resourceUsage().maxRSS * 1024;
      return Math.max(sampledPeak, kernelPeak) / (1024 * 1024);
    },
    stop: () => clearInterval(timer),
  };
}

/** Rounds for the JSON report: ratios to 3 significant decimals, rates and sizes to integers. */
export const round = (value: number, decimals = 0) => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};
