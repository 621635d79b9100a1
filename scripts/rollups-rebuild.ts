/**
 * `npm run rollups:rebuild [-- --check]`: recomputes every rollup from the decision log and the
 * case events, prints where the live rollups differ, and (without --check) replaces them.
 *
 * Rollups are derived data: this is the recovery path after a crash between a write and its
 * rollup increment, or after several app processes incremented on FerretDB. Increments that
 * land while it runs may be lost by the swap; run it in a quiet moment, then with --check.
 */
import { loadConfig } from '../server/config';
import { diffRollups, rebuildRollups } from '../server/metrics/rebuild';
import { openStore } from '../server/storage/open-store';

const SHOWN = 50;

async function main() {
  const check = process.argv.includes('--check');
  const config = loadConfig();
  const store = await openStore(config);
  try {
    const live = await store.rollups.list({});
    const rebuilt = await rebuildRollups(store, config.monitoringAttributes);
    const differences = diffRollups(live, rebuilt);
    process.stdout.write(`${live.length} live rollup documents, ${rebuilt.length} rebuilt; ${differences.length} counter(s) differ.\n`);
    for (const d of differences.slice(0, SHOWN)) process.stdout.write(`  ${d.key} ${d.counter}: live ${d.live}, rebuilt ${d.rebuilt}\n`);
    if (differences.length > SHOWN) process.stdout.write(`  … and ${differences.length - SHOWN} more\n`);
    if (check) {
      process.exitCode = differences.length ? 1 : 0;
    } else if (differences.length || live.length !== rebuilt.length) {
      await store.rollups.replaceAll(rebuilt);
      process.stdout.write('Replaced the live rollups with the rebuilt ones.\n');
    }
  } finally {
    await store.close();
  }
}

main().catch((error) => {
  process.stderr.write(`rollups:rebuild failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});
