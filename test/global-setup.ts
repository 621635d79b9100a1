/// <reference path="./support/provided-context.d.ts" />
// Vitest globalSetup: provides `mongoUri` to the tests. Uses MONGODB_TEST_URI when set,
// else builds and starts FerretDB (test/ferretdb). Without either, the MongoDB suites are
// skipped locally, and CI (CI=true) fails.
import type { TestProject } from 'vitest/node';
import { buildFerretDb, startFerretDb } from './support/ferretdb.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let uri = process.env.MONGODB_TEST_URI || undefined;
  let stop: (() => Promise<void>) | undefined;
  let reason = '';

  if (uri === undefined) {
    try {
      const binary = await buildFerretDb();
      if (binary === undefined) {
        reason = '`go` is not on PATH, so FerretDB could not be built, and MONGODB_TEST_URI is not set';
      } else {
        const server = await startFerretDb(binary);
        uri = server.uri;
        stop = server.stop;
      }
    } catch (err) {
      reason = `FerretDB could not be built or started, and MONGODB_TEST_URI is not set: ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  if (uri === undefined) {
    process.stderr.write(`\n${'#'.repeat(78)}\n# MongoDB suites SKIPPED: ${reason}\n${'#'.repeat(78)}\n\n`);
    if (process.env.CI === 'true') {
      throw new Error(`MongoDB suites would be skipped in CI: ${reason}`);
    }
  }

  project.provide('mongoUri', uri ?? '');

  return async () => {
    await stop?.();
  };
}
