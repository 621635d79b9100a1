/**
 * Fuzzes the API against its own OpenAPI document with Schemathesis (`--checks all`): the
 * server, on a fresh SQLite store with the demo data, must do what the document says for every
 * request Schemathesis makes up, valid and invalid. One run per caller: every role (a member, a
 * reviewer and approver, governance, admin) over the operations that need a session, then the
 * ingest key over the ingest operations together with the public ones (last, because fuzzing sign-in trips the address's sign-in throttle).
 *
 * Schemathesis is a Python tool: it is installed from PyPI, at the pinned version, into a
 * virtualenv under node_modules/.cache, made once and reused.
 *
 *   npm run fuzz:api                      every run
 *   npm run fuzz:api -- admin ingest      only the named runs (senior, governance, admin, anna, ingest)
 *   FUZZ_MAX_EXAMPLES=50 FUZZ_MAX_TIME=120 npm run fuzz:api     a longer search
 *   FUZZ_SEED=<the seed a run printed> npm run fuzz:api -- admin     that run's examples again
 */
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import { createApp, createLogger } from '../server/app';
import { answerClientErrorsAsProblems } from '../server/http/client-errors';
import { systemClock } from '../server/clock';
import { testConfig } from '../server/config';
import { DEMO_PASSWORD, seedDemo } from '../server/demo/seed';
import { openSqliteStore } from '../server/storage/sqlite/sqlite-store';

export const SCHEMATHESIS_VERSION = '4.32.5';

const root = fileURLToPath(new URL('..', import.meta.url));
const venv = path.join(root, 'node_modules/.cache/schemathesis-venv');
const schemathesis = path.join(venv, 'bin/schemathesis');
const configFile = path.join(root, '.ci/schemathesis.toml');

/** Bounded so that all runs together take a few minutes on two cores. */
const maxExamples = Number(process.env.FUZZ_MAX_EXAMPLES ?? 10);
const maxSecondsPerRun = Number(process.env.FUZZ_MAX_TIME ?? 40);
const ingestKey = 'fuzz-ingest-key-0123456789abcdefghijklmnopqrstuvwxyz';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})`);
}

function installedVersion(): string | null {
  if (!fs.existsSync(schemathesis)) return null;
  const result = spawnSync(schemathesis, ['--version'], { encoding: 'utf8' });
  return /version (\S+)/.exec(result.stdout ?? '')?.[1] ?? null;
}

/** The virtualenv with the pinned Schemathesis; made (or upgraded) only when it lacks that version. */
function ensureSchemathesis(): void {
  if (installedVersion() === SCHEMATHESIS_VERSION) return;
  process.stdout.write(`== installing Schemathesis ${SCHEMATHESIS_VERSION} from PyPI into ${path.relative(root, venv)}\n`);
  if (!fs.existsSync(path.join(venv, 'bin/python'))) run('python3', ['-m', 'venv', venv]);
  run(path.join(venv, 'bin/python'), ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`]);
}

interface OpenApiDocument {
  security?: Record<string, string[]>[];
  paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/** Operation names ("POST /api/decisions") grouped by how the document says they are called. */
function operationsBySecurity(document: OpenApiDocument) {
  const groups = { session: [] as string[], ingestKey: [] as string[], public: [] as string[] };
  for (const [route, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const schemes = (operation.security ?? document.security ?? []).flatMap((requirement) => Object.keys(requirement));
      const name = `${method.toUpperCase()} ${route}`;
      if (schemes.length === 0) groups.public.push(name);
      else if (schemes.includes('ingestKey')) groups.ingestKey.push(name);
      else groups.session.push(name);
    }
  }
  return groups;
}

interface FuzzRun {
  name: string;
  operations: string[];
  /** The demo user whose session the run signs in with. */
  username?: string;
}

function schemathesisRun(baseUrl: string, fuzz: FuzzRun, workDir: string): Promise<number> {
  const args = [
    '--config-file',
    configFile,
    'run',
    `${baseUrl}/api/openapi.json`,
    '--checks',
    'all',
    '--max-examples',
    String(maxExamples),
    '--max-time',
    String(maxSecondsPerRun),
    // One worker: CPython 3.11 can fail `ast.parse` run in two threads at once ("AST constructor
    // recursion depth mismatch"), which Hypothesis does when it describes a filter; a tool error,
    // not a finding, and it made a run fail now and then.
    '--workers',
    '1',
    // Cookie-authenticated writes must come from the app's own origin (sameOriginWrites).
    '--header',
    `Origin: ${baseUrl}`,
    ...(process.env.FUZZ_SEED ? ['--seed', process.env.FUZZ_SEED] : []),
    ...fuzz.operations.flatMap((name) => ['--include-name', name]),
  ];
  const env = {
    ...process.env,
    RECOURSE_FUZZ_INGEST_KEY: ingestKey,
    RECOURSE_FUZZ_USERNAME: fuzz.username ?? '',
    RECOURSE_FUZZ_PASSWORD: DEMO_PASSWORD,
  };
  process.stdout.write(`\n== Schemathesis as ${fuzz.name}: ${fuzz.operations.length} operations\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(schemathesis, args, { cwd: workDir, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/**
 * A server on loopback over a fresh SQLite store with the demo data. Each run gets its own: what
 * one role's run changes (an admin disabling a member, a reset password, a withdrawn case) never
 * decides what the next run can reach.
 */
async function startSeededServer() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'recourse-fuzz-'));
  const store = await openSqliteStore(path.join(dataDir, 'recourse.sqlite'));
  const config = testConfig({ dataDir, ingestApiKeys: [ingestKey], logLevel: 'error' });
  const { app, services } = createApp({ store, config, clock: systemClock, logger: createLogger(config.logLevel) });
  await seedDemo({ store, clock: systemClock, decisions: services.decisions, cases: services.cases });
  // Wired as server/index.ts wires it: what Node refuses before Express is problem+json too.
  const server = answerClientErrorsAsProblems(createServer(app)).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dataDir,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function main() {
  ensureSchemathesis();
  const started = Date.now();
  // The document is the same for every run: read once.
  const first = await startSeededServer();
  let groups: ReturnType<typeof operationsBySecurity>;
  try {
    groups = operationsBySecurity((await (await fetch(`${first.baseUrl}/api/openapi.json`)).json()) as OpenApiDocument);
  } finally {
    await first.stop();
  }
  const runs: FuzzRun[] = [
    { name: 'a reviewer and approver (senior.reviewer)', username: 'senior.reviewer', operations: groups.session },
    { name: 'governance', username: 'governance', operations: groups.session },
    { name: 'admin', username: 'admin', operations: groups.session },
    // Every role: a member's own rules (their decisions only, no receivedAt) hold under fuzzing too.
    { name: 'a member (anna)', username: 'anna', operations: groups.session },
    { name: 'the ingest key, with the public operations', operations: [...groups.ingestKey, ...groups.public] },
  ];
  const asked = process.argv.slice(2);
  const selected = asked.length ? runs.filter((r) => asked.some((a) => (r.username ?? 'ingest').startsWith(a))) : runs;
  const failed: string[] = [];
  for (const fuzz of selected) {
    const target = await startSeededServer();
    try {
      if ((await schemathesisRun(target.baseUrl, fuzz, target.dataDir)) !== 0) failed.push(fuzz.name);
    } finally {
      await target.stop();
    }
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  if (failed.length) {
    process.stderr.write(`\nSchemathesis found failures as: ${failed.join('; ')} (${seconds}s)\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`\nSchemathesis: every check passed in ${selected.length} runs (${seconds}s)\n`);
  }
}

await main();
