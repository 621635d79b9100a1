import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, createLogger } from './app';
import { systemClock } from './clock';
import { ConfigError, DEMO_INGEST_KEY, loadConfig } from './config';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoOnStart } from './demo/seed';
import { deliverOutbox, logSender } from './jobs/outbox';
import { startPeriodicJob } from './jobs/periodic';
import { repairRecentProjections } from './jobs/repair';
import { upgradeRollups } from './metrics/rebuild';
import { openStore } from './storage/open-store';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const store = await openStore(config);
  const clock = systemClock;
  // Before anything writes: rollups of an older format are rebuilt once (see upgradeRollups).
  if (await upgradeRollups(store)) logger.info('rollups rebuilt to the current format');

  if (config.ingestApiKeys.length === 0) {
    config.ingestApiKeys = [DEMO_INGEST_KEY];
    logger.warn('INGEST_API_KEYS is not set: accepting only the demo ingest key. Set INGEST_API_KEYS in production.');
  }

  const { app, services } = createApp({ store, config, clock, logger, clientDir: path.join(root, 'dist/client') });

  // Seeds a store once (a marker in the store): a later start comes up with the data it had.
  const { demo: seed, result } = await seedDemoOnStart({ store, clock, seedDemo: config.seedDemo, decisions: services.decisions, cases: services.cases });
  if (result) logger.info(result, result.seeded ? 'demo data seeded' : 'demo data already seeded');

  // A process that died mid-change leaves at most one event ahead of its case: repair it now.
  await repairRecentProjections(store, new Date(clock.now().getTime() - 24 * 3_600_000).toISOString());
  const jobs = [
    startPeriodicJob({ name: 'anchor', intervalMs: config.anchorIntervalMs, store, clock, logger, run: services.audit.anchor }),
    startPeriodicJob({ name: 'retention', intervalMs: 86_400_000, store, clock, logger, run: () => services.erasure.applyRetention(config.retentionDays) }),
    startPeriodicJob({ name: 'outbox', intervalMs: 30_000, store, clock, logger, run: () => deliverOutbox(store, clock, logSender(logger)) }),
  ];
  const server = app.listen(config.port, () => {
    const demo = DEMO_USERS.map((u) => u.username).join(', ');
    process.stdout.write(
      `\nRecourse is listening on http://localhost:${config.port} (storage: ${store.kind})\n` +
        (seed || config.ingestApiKeys.includes(DEMO_INGEST_KEY)
          ? `DEMONSTRATION ONLY — users ${demo}, password "${DEMO_PASSWORD}"; ingest key "${DEMO_INGEST_KEY}". Never use these in production.\n\n`
          : '\n'),
    );
  });

  const shutdown = () => {
    for (const job of jobs) job.stop();
    server.close(() => void store.close().then(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error) => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `Recourse failed to start: ${error?.stack ?? error}\n`);
  process.exit(1);
});
