/**
 * A production start: real secrets or no start (one line, no stack trace), no demonstration users
 * or data, Secure cookies, and a first administrator made with the create-admin command.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';
import { rebuildRollups, upgradeRollups } from '../../server/metrics/rebuild';
import { buildTestApp } from '../support/app';
import { renewalDecision } from '../support/fixtures';
import { openTestSqlite } from '../support/stores';
import { startServerProcess, type ServerProcess } from '../reliability/process';

const ROOT = path.resolve(import.meta.dirname, '../..');
const INGEST_KEY = 'k'.repeat(40);
const SIGNING_KEY = 's'.repeat(40);

/** Runs a TypeScript entry point to its end: exit code and what it wrote. */
function runScript(file: string, args: string[], env: Record<string, string>, stdin?: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
      cwd: ROOT,
      env: { ...process.env, MONGODB_URI: '', LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

const configError = (env: NodeJS.ProcessEnv): string => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('loadConfig accepted the configuration');
};

describe('configuration for production', () => {
  const secrets = { INGEST_API_KEYS: INGEST_KEY, AUDIT_SIGNING_KEY: SIGNING_KEY };

  it('refuses to start without ingest keys and a signing key, naming both on one line', () => {
    const message = configError({ NODE_ENV: 'production' });
    expect(message).not.toContain('\n');
    expect(message).toMatch(/INGEST_API_KEYS and AUDIT_SIGNING_KEY/);
    expect(configError({ NODE_ENV: 'production', INGEST_API_KEYS: INGEST_KEY })).toMatch(/requires AUDIT_SIGNING_KEY to be set/);
    expect(configError({ NODE_ENV: 'production', AUDIT_SIGNING_KEY: SIGNING_KEY })).toMatch(/requires INGEST_API_KEYS to be set/);
  });

  it('refuses short ingest keys in production without ever printing a key', () => {
    const message = configError({ ...secrets, NODE_ENV: 'production', INGEST_API_KEYS: `${INGEST_KEY},abcde` });
    expect(message).toMatch(/INGEST_API_KEYS: in production every key needs at least 32 characters \(1 of 2 shorter\)/);
    expect(message).not.toContain('abcde');
    // Outside production a short key still works (the demo, a developer's machine).
    expect(loadConfig({ INGEST_API_KEYS: 'abcde' }).ingestApiKeys).toEqual(['abcde']);
  });

  it('never seeds demo data in production', () => {
    expect(configError({ ...secrets, NODE_ENV: 'production', SEED_DEMO: '1' })).toMatch(/SEED_DEMO/);
  });

  it('makes session cookies Secure by default in production only, and lets SECURE_COOKIES decide', () => {
    expect(loadConfig({}).secureCookies).toBe(false);
    expect(loadConfig({ ...secrets, NODE_ENV: 'production' }).secureCookies).toBe(true);
    expect(loadConfig({ ...secrets, NODE_ENV: 'production', SECURE_COOKIES: '0' }).secureCookies).toBe(false);
    expect(loadConfig({ SECURE_COOKIES: '1' }).secureCookies).toBe(true);
  });

  it('reads TRUST_PROXY as hops, addresses or subnets, and refuses what Express would not understand', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,::1' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', '::1']);
    expect(configError({ TRUST_PROXY: 'my-proxy' })).toMatch(/^Invalid configuration: TRUST_PROXY: .*my-proxy/);
    expect(configError({ TRUST_PROXY: '10.0.0.0/33' })).toMatch(/TRUST_PROXY/);
  });

  it('wants a metrics token of at least 16 characters', () => {
    expect(configError({ METRICS_TOKEN: 'short' })).toMatch(/METRICS_TOKEN/);
    expect(loadConfig({ METRICS_TOKEN: 'm'.repeat(16) }).metricsToken).toBe('m'.repeat(16));
  });
});

describe('the server started with NODE_ENV=production', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'recourse-production-'));
  const env = { NODE_ENV: 'production', DATA_DIR: dataDir, INGEST_API_KEYS: INGEST_KEY, AUDIT_SIGNING_KEY: SIGNING_KEY, MONGODB_URI: '', LOG_LEVEL: 'info' };
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('exits with one clear line, no stack trace, when the secrets are missing', async () => {
    const run = await runScript('server/index.ts', [], { NODE_ENV: 'production', DATA_DIR: dataDir, INGEST_API_KEYS: '', AUDIT_SIGNING_KEY: '' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      'Invalid configuration: NODE_ENV=production requires INGEST_API_KEYS and AUDIT_SIGNING_KEY to be set (see "Deploying" in README.md)',
    ]);
  }, 30_000);

  it('starts ready, with no demo users, and takes its first admin from create-admin', async () => {
    server = await startServerProcess(env);
    expect((await fetch(`${server.baseUrl}/api/health/ready`)).status).toBe(200);
    expect(server.logs()).not.toMatch(/DEMONSTRATION ONLY|demo data seeded|rollups rebuilt/);
    const signIn = (username: string, password: string) =>
      fetch(`${server!.baseUrl}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
    expect((await signIn('admin', 'demo')).status).toBe(401);
    expect((await signIn('anna', 'demo')).status).toBe(401);

    const created = await runScript('server/create-admin.ts', ['--username', 'Alice'], env);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const password = created.stdout.match(/^Password \(shown only this once\): (\S{24})$/m)?.[1];
    expect(created.stdout).toMatch(/^Created administrator "alice" in the sqlite store\.$/m);
    expect(password).toBeDefined();

    const again = await runScript('server/create-admin.ts', ['--username', 'alice'], env);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe('A user named "alice" already exists; nothing was changed.');

    const chosen = await runScript('server/create-admin.ts', ['--username', 'bob', '--password-stdin'], env, 'a passphrase of my own\n');
    expect(chosen.code).toBe(0);
    expect(chosen.stdout).not.toMatch(/Password/);

    const session = await signIn('alice', password!);
    expect(session.status).toBe(200);
    expect((await session.json()).user.roles).toEqual(['admin']);
    // Production cookies travel over HTTPS only.
    expect(session.headers.get('set-cookie')).toMatch(/; Secure/i);
    expect((await signIn('bob', 'a passphrase of my own')).status).toBe(200);
  }, 90_000);
});

describe('a production start with an identity provider that does not answer', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'recourse-production-oidc-'));
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts ready, says so in its log, turns staff passwords off, and sends a person who tries back to sign-in', async () => {
    const env = {
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      INGEST_API_KEYS: INGEST_KEY,
      AUDIT_SIGNING_KEY: SIGNING_KEY,
      MONGODB_URI: '',
      LOG_LEVEL: 'info',
      // Port 1 on loopback: nothing listens, the connection is refused at once.
      OIDC_ISSUER: 'http://127.0.0.1:1/realms/insurer',
      OIDC_CLIENT_ID: 'recourse',
      OIDC_CLIENT_SECRET: 'a-client-secret',
      OIDC_REDIRECT_URI: 'https://recourse.example.org/api/session/oidc/callback',
      OIDC_ROLE_MAP: 'recourse-admins=admin',
    };
    server = await startServerProcess(env);
    expect((await fetch(`${server.baseUrl}/api/health/ready`)).status).toBe(200);
    await expect.poll(() => server!.logs()).toMatch(/OpenID Connect provider not reachable/);
    expect(await (await fetch(`${server.baseUrl}/api/session/providers`)).json()).toEqual({
      staff: { displayName: 'your organisation', startUrl: '/api/session/oidc' },
      member: null,
      staffLocalLogin: false,
    });
    const start = await fetch(`${server.baseUrl}/api/session/oidc`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    expect(start.headers.get('location')).toBe('/sign-in?error=oidc_unavailable');

    const created = await runScript('server/create-admin.ts', ['--username', 'break.glass'], env);
    const password = created.stdout.match(/^Password \(shown only this once\): (\S{24})$/m)?.[1];
    const signIn = await fetch(`${server.baseUrl}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'break.glass', password }),
    });
    expect(signIn.status).toBe(403);
    expect((await signIn.json()).code).toBe('staff_local_login_disabled');
    expect(signIn.headers.get('set-cookie')).toBeNull();
  }, 90_000);
});

describe('start-up on a brand-new store', () => {
  it("stamps the rollup format without reporting a rebuild; an older store's rollups are rebuilt and reported", async () => {
    const t = await openTestSqlite();
    try {
      expect(await upgradeRollups(t.store)).toBe(false);
      expect(await upgradeRollups(t.store)).toBe(false);
      // An existing store of the previous format: counts, but no stamp.
      const app = await buildTestApp(t.store);
      await app.ingest().post('/api/decisions').send(renewalDecision());
      await t.store.rollups.replaceAll((await rebuildRollups(t.store)).filter((r) => !r.attribute.startsWith('@')));
      expect(await upgradeRollups(t.store)).toBe(true);
    } finally {
      await t.dispose();
    }
  });
});
