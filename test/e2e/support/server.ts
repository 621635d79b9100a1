/**
 * The real server for browser tests: the built client plus `server/index.ts` as a child process,
 * on a free port, with a fresh data directory (so the demo seed runs) and quiet logs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface E2eServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  port: number;
  dataDir: string;
  /** Everything the server wrote to stdout and stderr so far (for failure messages). */
  logs(): string;
  /** SIGTERM (then SIGKILL after 5 s) to the server's process group; removes the data directory. */
  stop(): Promise<void>;
}

export interface StartServerOptions {
  /** Extra environment for the server (PORT, DATA_DIR and LOG_LEVEL are set by the harness). */
  env?: Record<string, string>;
  /** How long to wait for /api/health, seeding included. */
  timeoutMs?: number;
  /** A port chosen beforehand (freePort()), when something must know the address before the start: an identity provider's redirect URI. */
  port?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function run(command: string, args: string[], options: { cwd: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`))));
  });
}

/**
 * Test files run in parallel processes; a directory lock makes them build one at a time (a
 * second `vite build` would empty dist/client under the first). Stale locks (a killed run) expire.
 */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  const lock = path.join(os.tmpdir(), `recourse-client-build-${createHash('sha1').update(ROOT).digest('hex').slice(0, 8)}.lock`);
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 3 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`Timed out waiting for the client build lock ${lock}`, { cause: error });
      else await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

let built: Promise<void> | undefined;

/** Builds dist/client when it is missing or older than client/ and shared/ (once per process). */
export function ensureClientBuilt(): Promise<void> {
  built ??= withBuildLock(() => run('npx', ['tsx', 'scripts/ensure-client-built.ts'], { cwd: ROOT }));
  return built;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  // A crashed test run must not leave servers behind: kill each one's process group.
  for (const child of running)
    if (child.pid)
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
});

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts the real server and resolves once /api/health answers. */
export async function startServer(options: StartServerOptions = {}): Promise<E2eServer> {
  await ensureClientBuilt();
  const port = options.port ?? (await freePort());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'recourse-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...options.env };
  if (!options.env?.MONGODB_URI) delete env.MONGODB_URI; // the embedded store, whatever the shell has set

  // detached: the server gets its own process group, so stop() reaches npx, tsx and node alike.
  const child = spawn('npx', ['tsx', 'server/index.ts'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  child.once('exit', () => running.delete(child));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const killed = await Promise.race([exited(child).then(() => true), sleep(5000).then(() => false)]);
      if (!killed) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
        await exited(child);
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`The server exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server was not healthy within ${options.timeoutMs ?? 90_000} ms:\n${output}`);
    }
    await sleep(200);
  }

  return { baseUrl, port, dataDir, logs: () => output, stop };
}
