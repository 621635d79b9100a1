import request from 'supertest';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { createApp, type Services } from '../../server/app';
import { fixedClock } from '../../server/clock';
import { DEMO_INGEST_KEY, testConfig, type Config } from '../../server/config';
import { DEMO_USERS, DEMO_PASSWORD } from '../../server/demo/seed';
import { createUser } from '../../server/auth/users.service';
import { DEMO_MODEL_ENTRIES } from '../../server/demo/models';
import type { Monitoring } from '../../server/monitoring/monitoring';
import type { Store } from '../../server/storage/store';

export const TEST_NOW = '2026-11-25T12:00:00.000Z';

export interface TestApp {
  app: Express;
  store: Store;
  services: Services;
  monitoring: Monitoring;
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  /** A supertest agent signed in as a demo user (cookie kept across calls). */
  as(username: string): Promise<request.Agent>;
  /** Requests with the ingest key. */
  ingest(): { post(url: string): request.Test };
  anonymous(): request.Agent;
}

/** createApp on a real store with the demo users, a movable clock and the demo ingest key. */
export async function buildTestApp(store: Store, overrides: Partial<Config> = {}, options: { logger?: Logger } = {}): Promise<TestApp> {
  const clock = fixedClock(TEST_NOW);
  // No random sampling unless a test asks for it: counts and chains stay predictable.
  const config = testConfig({ sampleRate: 0, ...overrides });
  for (const user of DEMO_USERS) {
    if (!(await store.users.byUsername(user.username))) await createUser(store, clock, { ...user, password: DEMO_PASSWORD });
  }
  for (const entry of DEMO_MODEL_ENTRIES) await store.models.put(entry);
  const { app, services, monitoring } = createApp({ store, config, clock, ...(options.logger ? { logger: options.logger } : {}) });
  const agents = new Map<string, request.Agent>();
  return {
    app,
    store,
    services,
    monitoring,
    clock,
    config,
    async as(username) {
      const cached = agents.get(username);
      if (cached) return cached;
      const agent = request.agent(app);
      const res = await agent.post('/api/session').send({ username, password: DEMO_PASSWORD });
      if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      agents.set(username, agent);
      return agent;
    },
    ingest: () => ({ post: (url: string) => request(app).post(url).set('Authorization', `Bearer ${DEMO_INGEST_KEY}`) }),
    anonymous: () => request.agent(app),
  };
}
