/**
 * Load: a mixed load from a second process on loopback against the real server
 * process, bounded in time and requests. Zero errors: no 5xx, no network error, nothing but 409
 * among the refusals (our own clients racing for the same case). Latency is printed, not
 * asserted: the benchmark (npm run bench) owns the numbers.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAll } from '../../server/audit/verify';
import { createUser } from '../../server/auth/users.service';
import { DEMO_USERS } from '../../server/demo/seed';
import { openSqliteStore } from '../../server/storage/sqlite/sqlite-store';
import { startServerProcess, type ServerProcess } from '../reliability/process';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DURATION_MS = 8_000;
const MAX_REQUESTS = 20_000;

function runLoadClient(baseUrl: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/security/load-client.ts', baseUrl, String(DURATION_MS), String(MAX_REQUESTS)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('mixed load from a second process', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'recourse-load-'));
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves members, reviewers, governance and ingest at once without one error', async () => {
    // Only the users: the load brings its own decisions, and an empty start keeps it quick.
    const setup = openSqliteStore(path.join(dataDir, 'recourse.sqlite'));
    for (const user of DEMO_USERS) await createUser(setup, { now: () => new Date() }, { ...user, password: 'demo' });
    await setup.close();
    server = await startServerProcess({ DATA_DIR: dataDir, SEED_DEMO: '0', SAMPLE_RATE: '0.05' });

    const run = await runLoadClient(server.baseUrl);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
      requests: number;
      perSecond: number;
      byStatus: Record<string, number>;
      latency: Record<string, { n: number; p50: number | null; p99: number | null }>;
      networkErrorCount: number;
      networkErrors: string[];
      unexpectedCount: number;
      unexpected: string[];
    };
    console.log(
      `load: ${report.requests} requests, ${report.perSecond}/s, statuses ${JSON.stringify(report.byStatus)}\n` +
        Object.entries(report.latency)
          .map(([kind, l]) => `  ${kind.padEnd(17)} n=${String(l.n).padStart(6)}  p50 ${l.p50} ms  p99 ${l.p99} ms`)
          .join('\n'),
    );

    expect(report.networkErrors).toEqual([]);
    expect(report.unexpected).toEqual([]);
    expect(Object.keys(report.byStatus).filter((s) => Number(s) >= 500)).toEqual([]);
    // Every kind of traffic ran, and the reviewers really acted.
    for (const kind of ['ingest', 'member read', 'member objection', 'reviewer read', 'reviewer act', 'governance read']) {
      expect(report.latency[kind]?.n ?? 0, kind).toBeGreaterThan(0);
    }
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
    expect(server.logs()).not.toMatch(/"level":50/);

    await server.kill('SIGTERM');
    server = undefined;
    const store = openSqliteStore(path.join(dataDir, 'recourse.sqlite'));
    try {
      expect(await verifyAll(store)).toMatchObject({ ok: true });
    } finally {
      await store.close();
    }
  }, 90_000);
});
