// Builds and runs FerretDB 1.24 (SQLite backend, embedded in test/ferretdb/main.go):
// the MongoDB-protocol server that the MongoDB storage tests run against.
// See test/ferretdb/README.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const sourceDir = path.join(repoRoot, 'test', 'ferretdb');
const cacheDir = path.join(repoRoot, 'node_modules', '.cache', 'recourse-ferretdb');
const sourceFiles = ['main.go', 'go.mod', 'go.sum'] as const;

const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;
const STDERR_KEEP = 16_384;

export interface FerretDbServer {
  /** MongoDB connection string, e.g. `mongodb://127.0.0.1:PORT/`. */
  uri: string;
  /** Stops the server (SIGTERM, SIGKILL after 5 s) and removes its state directory. */
  stop: () => Promise<void>;
}

let buildOnce: Promise<string | undefined> | undefined;

/**
 * Builds test/ferretdb once into node_modules/.cache/recourse-ferretdb/ferretdb-<hash>,
 * where the hash covers main.go, go.mod and go.sum. Returns the binary's path, or
 * undefined (after a warning on stderr) when `go` is not on PATH. Throws with Go's
 * output when the build fails.
 */
export function buildFerretDb(): Promise<string | undefined> {
  buildOnce ??= build().catch((err: unknown) => {
    buildOnce = undefined;
    throw err;
  });
  return buildOnce;
}

async function build(): Promise<string | undefined> {
  const hash = createHash('sha256');
  for (const name of sourceFiles) {
    hash.update(`${name}\0`);
    hash.update(await fs.readFile(path.join(sourceDir, name)));
    hash.update('\0');
  }
  const binary = path.join(cacheDir, `ferretdb-${hash.digest('hex').slice(0, 16)}`);

  if (await isExecutable(binary)) return binary;

  const goVersion = await run('go', ['version'], sourceDir);
  if (goVersion.notFound) {
    process.stderr.write(
      '\n' +
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n' +
        '!! `go` is not on PATH: cannot build FerretDB (test/ferretdb), the MongoDB     !!\n' +
        '!! server for the tests. Install Go >= 1.24 or set MONGODB_TEST_URI.           !!\n' +
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n\n',
    );
    return undefined;
  }

  await fs.mkdir(cacheDir, { recursive: true });
  // Build to a unique name and rename, so concurrent builds never expose a partial file.
  const tmp = `${binary}.${process.pid}.${Date.now()}.tmp`;
  const goflags = [process.env.GOFLAGS, '-mod=mod'].filter(Boolean).join(' ');
  const result = await run('go', ['build', '-trimpath', '-o', tmp, '.'], sourceDir, {
    ...process.env,
    GOFLAGS: goflags,
    CGO_ENABLED: '0',
  });
  if (result.code !== 0) {
    await fs.rm(tmp, { force: true });
    throw new Error(`building FerretDB (go build in ${sourceDir}) failed with exit code ${String(result.code)}:\n${result.output}`);
  }
  await fs.rename(tmp, binary);

  // Best effort: drop binaries built from older sources.
  for (const name of await fs.readdir(cacheDir)) {
    const full = path.join(cacheDir, name);
    if (name.startsWith('ferretdb-') && full !== binary && !name.endsWith('.tmp')) {
      await fs.rm(full, { force: true }).catch(() => undefined);
    }
  }
  return binary;
}

/**
 * Starts FerretDB on a free loopback port with a fresh temporary state directory and
 * resolves once it accepts connections. Builds the binary first unless one is given.
 */
export async function startFerretDb(binary?: string): Promise<FerretDbServer> {
  const bin = binary ?? (await buildFerretDb());
  if (bin === undefined) throw new Error('cannot start FerretDB: `go` is not on PATH');

  let lastError: unknown;
  // A free port can be taken by someone else before the server binds it: retry then.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const stateDir = await fs.mkdtemp(path.join(os.tmpdir(), 'recourse-ferretdb-'));
    try {
      return await spawnServer(bin, port, stateDir);
    } catch (err) {
      lastError = err;
      await fs.rm(stateDir, { recursive: true, force: true });
      if (err instanceof StartTimeout) break;
    }
  }
  throw lastError;
}

class StartTimeout extends Error {}

function spawnServer(bin: string, port: number, stateDir: string): Promise<FerretDbServer> {
  const child = spawn(bin, ['-listen', `127.0.0.1:${String(port)}`, '-state', stateDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);

  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      process.off('exit', killOnExit);
      resolve();
    });
  });

  let stderr = '';
  let ready = false;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (ready) {
      process.stderr.write(chunk);
    } else {
      stderr = (stderr + chunk).slice(-STDERR_KEEP);
    }
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await terminate(child, exited);
      await fs.rm(stateDir, { recursive: true, force: true });
    })();
    return stopping;
  };

  return new Promise<FerretDbServer>((resolve, reject) => {
    let stdout = '';
    const fail = (err: Error): void => {
      clearTimeout(timer);
      void terminate(child, exited).then(() => {
        reject(err);
      });
    };
    const timer = setTimeout(() => {
      fail(new StartTimeout(`FerretDB did not report ready within ${String(READY_TIMEOUT_MS / 1000)}s:\n${stderr}`));
    }, READY_TIMEOUT_MS);

    child.once('error', (err) => {
      fail(new Error(`cannot run FerretDB binary ${bin}: ${err.message}`));
    });
    child.once('exit', (code, signal) => {
      if (!ready) {
        fail(new Error(`FerretDB exited before it was ready (code ${String(code)}, signal ${String(signal)}):\n${stderr}`));
      }
    });

    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (ready) return;
      stdout += chunk;
      const match = /^ready (\S+)\s*$/m.exec(stdout);
      if (match?.[1] !== undefined) {
        ready = true;
        clearTimeout(timer);
        resolve({ uri: match[1], stop });
      }
    });
  });
}

async function terminate(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => {
        resolve(true);
      }, STOP_GRACE_MS);
    }),
  ]);
  clearTimeout(timer);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not get a free port'));
        return;
      }
      server.close(() => {
        resolve(address.port);
      });
    });
  });
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await fs.access(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

interface RunResult {
  code: number | null;
  output: string;
  notFound: boolean;
}

function run(cmd: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('error', (err: NodeJS.ErrnoException) => {
      resolve({ code: null, output: output + err.message, notFound: err.code === 'ENOENT' });
    });
    child.once('close', (code) => {
      resolve({ code, output, notFound: false });
    });
  });
}
