/** `npm run retention`: applies the retention periods now and reports what it erased and kept. */
import { createServices } from '../server/app';
import { systemClock } from '../server/clock';
import { ConfigError, loadConfig } from '../server/config';
import { openStore } from '../server/storage/open-store';

try {
  const config = loadConfig();
  const store = await openStore(config);
  const services = createServices({ store, config, clock: systemClock });
  const report = await services.erasure.applyRetention(config.retentionDays);
  process.stdout.write(`Retention periods (days): ${JSON.stringify(config.retentionDays)}\n`);
  for (const [type, counts] of Object.entries(report)) {
    process.stdout.write(`${type.padEnd(14)} erased ${counts.erased}, kept for an open case ${counts.keptOpenCase}, kept on legal hold ${counts.keptOnHold}\n`);
  }
  await store.close();
} catch (error) {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `Retention failed: ${(error as Error).stack}\n`);
  process.exit(1);
}
