import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Store } from '../storage/store';
import { timeStore } from './timed-store';

/**
 * What operations watch, in Prometheus form (GET /metrics). One registry per app, never the
 * global one, so tests that build several apps in one process do not collide.
 *
 * Labels are bounded on purpose: routes as the router declares them, never the URL (ids in a URL
 * are personal data, and every distinct value would be a new series), repository and method
 * names of the store, job names.
 */
export function createMonitoring() {
  const registry = new Registry();
  const registers = [registry];

  const httpDuration = new Histogram({
    name: 'recourse_http_request_duration_seconds',
    help: 'HTTP requests by route pattern, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const ingested = new Counter({
    name: 'recourse_ingest_decisions_total',
    help: 'Decisions received from scoring services: accepted (new) or duplicate (same key and body as before)',
    labelNames: ['result'] as const,
    registers,
  });
  const jobRuns = new Counter({
    name: 'recourse_job_runs_total',
    help: 'Periodic job runs done by this process (the lease holder)',
    labelNames: ['job'] as const,
    registers,
  });
  const jobFailures = new Counter({
    name: 'recourse_job_failures_total',
    help: 'Periodic job runs that failed',
    labelNames: ['job'] as const,
    registers,
  });
  const storeDuration = new Histogram({
    name: 'recourse_store_operation_duration_seconds',
    help: 'Store calls by repository and operation',
    labelNames: ['repo', 'operation'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers,
  });
  // Initialised, so a scrape shows 0 rather than nothing before the first ingest.
  ingested.inc({ result: 'accepted' }, 0);
  ingested.inc({ result: 'duplicate' }, 0);

  let outboxStore: Store | null = null;
  new Gauge({
    name: 'recourse_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest member notification not yet delivered (0 when none waits)',
    registers,
    // Read from the store at scrape time: one indexed query, so the figure is true across processes.
    async collect() {
      if (!outboxStore) return;
      const oldest = await outboxStore.outbox.oldestPendingAt();
      this.set(oldest ? Math.max(0, (Date.now() - Date.parse(oldest)) / 1000) : 0);
    },
  });

  // Outbound deliveries (webhooks, mail, notices): how many stand where, and how late the oldest is.
  new Gauge({
    name: 'recourse_deliveries',
    help: 'Outbound deliveries by status: pending, delivered, dead (dead letters wait for an admin)',
    labelNames: ['status'] as const,
    registers,
    async collect() {
      if (!outboxStore) return;
      const stats = await outboxStore.deliveries.stats();
      for (const status of ['pending', 'delivered', 'dead'] as const) this.set({ status }, stats[status]);
    },
  });
  new Gauge({
    name: 'recourse_delivery_success_ratio',
    help: 'Delivered among finished deliveries (delivered / (delivered + dead)); 1 when none finished',
    registers,
    async collect() {
      if (!outboxStore) return;
      const { delivered, dead } = await outboxStore.deliveries.stats();
      this.set(delivered + dead === 0 ? 1 : delivered / (delivered + dead));
    },
  });
  new Gauge({
    name: 'recourse_delivery_oldest_undelivered_age_seconds',
    help: 'Age of the oldest outbound delivery still pending (0 when none waits)',
    registers,
    async collect() {
      if (!outboxStore) return;
      const { oldestPendingAt } = await outboxStore.deliveries.stats();
      this.set(oldestPendingAt ? Math.max(0, (Date.now() - Date.parse(oldestPendingAt)) / 1000) : 0);
    },
  });

  return {
    registry,
    /** Wraps the store so every repository call is timed; the outbox gauge reads through it. */
    timeStore(store: Store): Store {
      const timed = timeStore(store, (repo, operation, seconds) => storeDuration.observe({ repo, operation }, seconds));
      outboxStore ??= timed;
      return timed;
    },
    observeRequest(labels: { method: string; route: string; status: number }, seconds: number) {
      httpDuration.observe({ ...labels, status: String(labels.status) }, seconds);
    },
    countIngest(accepted: number, duplicates: number) {
      ingested.inc({ result: 'accepted' }, accepted);
      ingested.inc({ result: 'duplicate' }, duplicates);
    },
    jobFinished(job: string, outcome: 'ok' | 'failed') {
      jobRuns.inc({ job });
      if (outcome === 'failed') jobFailures.inc({ job });
    },
    /** Process figures (CPU, memory, event loop lag, GC): once per process, by the server's start. */
    collectProcessMetrics() {
      collectDefaultMetrics({ register: registry, prefix: 'recourse_' });
    },
  };
}

export type Monitoring = ReturnType<typeof createMonitoring>;
