import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp, type Services } from '../../server/app';
import { hashPassword, normalizeUsername } from '../../server/auth/passwords';
import { systemClock, type Clock } from '../../server/clock';
import { testConfig, type Config } from '../../server/config';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/demo/seed';
import { DEMO_MODEL_ENTRIES } from '../../server/demo/models';
import type { Store } from '../../server/storage/store';
import { nowMs } from './stats';

export interface RunningApp {
  baseUrl: string;
  services: Services;
  close(): Promise<void>;
}

/**
 * The real app (createApp, default configuration: validation, hashing, rollups and sampling on)
 * listening on an ephemeral loopback port, so every request pays real HTTP and JSON costs.
 */
export async function startApp(store: Store, options: { clock?: Clock; config?: Partial<Config> } = {}): Promise<RunningApp> {
  const { app, services } = createApp({ store, config: testConfig(options.config), clock: options.clock ?? systemClock });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    services,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** One scrypt hash of the demo password for every bench user (each hash holds 16 MB while it runs). */
let demoPasswordHash: Promise<string> | undefined;

/** The demo users (and a member user per given member id) with the demo password, and the model registry. */
export async function addDemoUsers(store: Store, extraMembers: string[] = []): Promise<void> {
  const members = extraMembers.map((memberId): (typeof DEMO_USERS)[number] => ({ username: `member.${memberId.toLowerCase()}`, roles: ['member'], memberId }));
  const passwordHash = await (demoPasswordHash ??= hashPassword(DEMO_PASSWORD));
  for (const user of [...DEMO_USERS, ...members]) {
    if (await store.users.byUsername(user.username)) continue;
    // What createUser stores, with the shared hash: sign-in still verifies the password for real.
    await store.users.insert({
      id: `u_${randomUUID()}`,
      username: normalizeUsername(user.username),
      roles: user.roles,
      scopes: user.scopes ?? [],
      ...(user.memberId ? { memberId: user.memberId } : {}),
      passwordHash,
      createdAt: systemClock.now().toISOString(),
    });
  }
  for (const entry of DEMO_MODEL_ENTRIES) await store.models.put(entry);
}

/** A signed-in user: GETs carry the session cookie; each call reports its round-trip time. */
export interface Session {
  get<T = unknown>(path: string): Promise<{ body: T; ms: number }>;
}

export async function signIn(baseUrl: string, username: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  await res.arrayBuffer();
  return {
    async get<T>(path: string) {
      const start = nowMs();
      const r = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
      const body = (await r.json()) as T;
      const ms = nowMs() - start;
      if (r.status !== 200) throw new Error(`GET ${path} as ${username}: ${r.status} ${JSON.stringify(body)}`);
      return { body, ms };
    },
  };
}
