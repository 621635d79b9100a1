import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Store } from '../storage/store';

/**
 * Runs a job every `intervalMs` in every process, but only the lease holder of the current
 * term does the work, so several app processes behind a load balancer never run it twice.
 */
export function startPeriodicJob(opts: {
  name: string;
  intervalMs: number;
  store: Store;
  clock: Clock;
  logger: Logger;
  run: () => Promise<unknown>;
  /** Told of every run this process did (as lease holder) and of every failed attempt. */
  onFinished?: (job: string, outcome: 'ok' | 'failed') => void;
}) {
  const holder = randomUUID();
  let running = false;
  let lastTerm = -1;
  const tick = async () => {
    if (running) return;
    const now = opts.clock.now();
    // Once per term: the lease says which process, this says only once in it.
    const term = Math.floor(now.getTime() / opts.intervalMs);
    if (term === lastTerm) return;
    running = true;
    try {
      if (await opts.store.leases.tryAcquire(opts.name, holder, now, opts.intervalMs)) {
        lastTerm = term;
        await opts.run();
        opts.onFinished?.(opts.name, 'ok');
      } else {
        lastTerm = term;
      }
    } catch (error) {
      opts.logger.error({ err: error, job: opts.name }, 'periodic job failed');
      opts.onFinished?.(opts.name, 'failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, Math.min(opts.intervalMs, 60_000));
  timer.unref();
  return { stop: () => clearInterval(timer), runNow: tick };
}
