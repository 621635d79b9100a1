import { fileURLToPath } from 'node:url';
import { createApp, createLogger } from './app';
import { systemClock } from './clock';
import { ConfigError, DEMO_INGEST_KEY, loadConfig, MIN_PRODUCTION_KEY_LENGTH } from './config';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoOnStart } from './demo/seed';
import { runDelivery } from './delivery/engine';
import { createMailChannel } from './mail/mail-channel';
import { memberMailChannel } from './mail/member-mail-channel';
import { alertMailChannel } from './mail/alert-mail-channel';
import { webhookChannel } from './webhooks/webhook-channel';
import { startPeriodicJob } from './jobs/periodic';
import { repairRecentProjections } from './jobs/repair';
import { upgradeRollups } from './metrics/rebuild';
import { createMonitoring } from './monitoring/monitoring';
import { openStore } from './storage/open-store';
import { answerClientErrorsAsProblems } from './http/client-errors';

/**
 * The built client is dist/client: `../dist/client` from server/index.ts (run by tsx), and
 * `../client` from dist/server/index.js (the compiled server of `npm run start:prod`).
 */
const clientDir = import.meta.url.endsWith('.ts')
  ? fileURLToPath(new URL('../dist/client', import.meta.url))
  : fileURLToPath(new URL('../client', import.meta.url));

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const monitoring = createMonitoring();
  monitoring.collectProcessMetrics();
  const store = monitoring.timeStore(await openStore(config));
  const clock = systemClock;
  // Before anything writes: rollups of an older format are rebuilt once (see upgradeRollups).
  if (await upgradeRollups(store, config.monitoringAttributes)) logger.info('rollups rebuilt to the current format and monitored attributes');

  if (config.ingestApiKeys.length === 0) {
    config.ingestApiKeys = [DEMO_INGEST_KEY];
    logger.warn('INGEST_API_KEYS is not set: accepting only the demo ingest key. Set INGEST_API_KEYS in production.');
  } else if (config.ingestApiKeys.some((k) => k.length < MIN_PRODUCTION_KEY_LENGTH)) {
    logger.warn(`An ingest key is shorter than ${MIN_PRODUCTION_KEY_LENGTH} characters: NODE_ENV=production will refuse it.`);
  }
  if (config.secureCookies && config.trustProxy === false) {
    logger.warn(
      'Session cookies are Secure but TRUST_PROXY is not set: browsers sign in only over HTTPS, and HSTS is not sent. Set TRUST_PROXY to the TLS proxy in front of the app.',
    );
  }
  if (!config.metricsToken) logger.info('GET /metrics is off: set METRICS_TOKEN to turn it on.');

  const { app, services } = createApp({ store, config, clock, logger, clientDir, monitoring });
  // Discovery now, to say early whether the providers answer; a failure does not stop the start
  // (members and local staff still sign in), and it is tried again at the next sign-in.
  for (const provider of [services.oidc.staff, services.oidc.member]) {
    if (!provider) continue;
    void provider.discover().then(
      () => logger.info({ oidc: provider.kind }, 'OpenID Connect provider discovered'),
      (error: unknown) =>
        logger.warn(
          { oidc: provider.kind, error: (error as Error).message },
          'OpenID Connect provider not reachable; sign-in through it is retried at each attempt',
        ),
    );
  }

  // Seeds a store once (a marker in the store): a later start comes up with the data it had.
  // Production never seeds (loadConfig refuses SEED_DEMO=1 there); its first admin comes from create-admin.
  const seedDemo = config.production ? false : config.seedDemo;
  const { demo: seed, result } = await seedDemoOnStart({ store, clock, seedDemo, decisions: services.decisions, cases: services.cases });
  if (result) logger.info(result, result.seeded ? 'demo data seeded' : 'demo data already seeded');

  // A process that died mid-change leaves at most one event ahead of its case: repair it now.
  await repairRecentProjections(store, new Date(clock.now().getTime() - 24 * 3_600_000).toISOString());
  // E-mail to members: over SMTP_URL, or written under DATA_DIR/mail for the demonstration.
  const mail = createMailChannel({ store, config, clock, logger });
  if (mail.transport === 'files') logger.info('SMTP_URL is not set: mail to members is written as .eml files under DATA_DIR/mail (see the admin page).');
  // Governance's alert mail (monitors) to MONITOR_ALERT_EMAILS; without addresses it sends nothing.
  const alertMail = alertMailChannel({ config, clock, logger });
  const delivery = {
    store,
    clock,
    channels: [memberMailChannel(mail), alertMail, webhookChannel({ store, clock, allowedHosts: config.webhookAllowedHosts })],
    retryBaseMs: config.deliveryRetryBaseMs,
    timeoutMs: config.deliveryTimeoutMs,
  };
  const deliveryIntervalMs = Math.max(1000, Math.min(config.deliveryRetryBaseMs, 5000), 2 * config.deliveryTimeoutMs);
  const jobs = [
    { name: 'anchor', intervalMs: config.anchorIntervalMs, run: services.audit.anchor },
    {
      name: 'retention',
      intervalMs: 86_400_000,
      run: async () => {
        await services.sessions.forgetExpiredSignInFailures();
        return services.erasure.applyRetention(config.retentionDays);
      },
    },
    // Monitors against the figures (rollups): a crossing raises one alert and one outbox entry.
    { name: 'monitors', intervalMs: config.monitorIntervalMs, run: services.monitors.evaluate },
    {
      name: 'outbox',
      // Often enough for the first retry to be on time, never more than once a second, and a term
      // long enough that a run's last attempt ends inside its lease (budgetMs).
      intervalMs: deliveryIntervalMs,
      run: () => runDelivery({ ...delivery, budgetMs: deliveryIntervalMs - config.deliveryTimeoutMs }),
    },
  ].map((job) => startPeriodicJob({ ...job, store, clock, logger, onFinished: monitoring.jobFinished }));
  const server = answerClientErrorsAsProblems(
    app.listen(config.port, () => {
      const demo = DEMO_USERS.map((u) => u.username).join(', ');
      process.stdout.write(
        `\nRecourse is listening on http://localhost:${config.port} (storage: ${store.kind}${config.production ? ', production' : ''})\n` +
          (seed || config.ingestApiKeys.includes(DEMO_INGEST_KEY)
            ? `DEMONSTRATION ONLY — users ${demo}, password "${DEMO_PASSWORD}"; ingest key "${DEMO_INGEST_KEY}". Never use these in production.\n\n`
            : '\n'),
      );
    }),
  );

  const shutdown = () => {
    for (const job of jobs) job.stop();
    mail.close();
    alertMail.close();
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
