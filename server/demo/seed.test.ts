import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FraudFlagOutput, RenewalPriceOutput } from '@shared/schemas/decision';
import { createApp } from '../app';
import { fixedClock } from '../clock';
import { testConfig } from '../config';
import { openSqliteStore } from '../storage/sqlite/sqlite-store';
import type { Store } from '../storage/store';
import { DEMO_DECISIONS, DEMO_SEEDED, demoDecisions, seedDemoOnStart } from './seed';

const DAY_MS = 86_400_000;

/** One start of the server, without listening: open the store, build the app, seed as index.ts does. */
async function start(file: string, clock: ReturnType<typeof fixedClock>, seedDemo: boolean | undefined) {
  const store = openSqliteStore(file);
  const { app, services } = createApp({ store, config: testConfig(), clock });
  const seeding = await seedDemoOnStart({ store, clock, seedDemo, decisions: services.decisions, cases: services.cases });
  return { store, app, services, seeding };
}

async function decisionIds(store: Store): Promise<string[]> {
  const ids: string[] = [];
  for await (const d of store.decisions.scanById()) ids.push(d.id);
  return ids;
}

describe('demo seeding at start-up', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recourse-seed-'));
    file = path.join(dir, 'recourse.sqlite');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('seeds a new store once; a start a day later with SEED_DEMO=1 comes up healthy with the same decisions', async () => {
    const clock = fixedClock('2026-11-25T12:00:00.000Z');
    const first = await start(file, clock, true);
    expect(first.seeding.result).toMatchObject({ seeded: true, decisions: DEMO_DECISIONS });
    expect(await first.store.meta.get(DEMO_SEEDED)).toBe('2026-11-25T12:00:00.000Z');
    // The demo mails anna in Dutch and tells bram by post, so both show on npm start.
    expect(await first.store.contacts.get('M-1001')).toMatchObject({ email: 'anna@example.org', language: 'nl' });
    expect(await first.store.contacts.get('M-1002')).toBeNull();
    const ids = await decisionIds(first.store);
    const cases = await first.store.cases.count({});
    await first.store.close();

    clock.advance(DAY_MS);
    const again = await start(file, clock, true);
    expect(again.seeding).toEqual({ demo: true, result: { seeded: false, users: 0, decisions: 0, cases: 0 } });
    expect(await decisionIds(again.store)).toEqual(ids);
    expect(await again.store.cases.count({})).toBe(cases);
    const health = await request(again.app).get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', storage: 'sqlite' });
    await again.store.close();

    // Months later, without SEED_DEMO: the store is not empty, so nothing is asked of the seed at all.
    clock.advance(120 * DAY_MS);
    const later = await start(file, clock, undefined);
    expect(later.seeding).toEqual({ demo: false, result: null });
    expect(await decisionIds(later.store)).toEqual(ids);
    await later.store.close();
  });

  it('leaves a store seeded before the marker existed as it was, and marks it', async () => {
    const clock = fixedClock('2026-11-25T12:00:00.000Z');
    const store = openSqliteStore(file);
    const { services } = createApp({ store, config: testConfig(), clock });
    // What an older version left: its demo decisions, dated from its own start, and no marker.
    await services.decisions.ingestBatch([...demoDecisions(new Date('2026-10-01T08:00:00.000Z'))].slice(0, 20));
    await store.close();

    clock.advance(DAY_MS);
    const restarted = await start(file, clock, true);
    expect(restarted.seeding.result?.seeded).toBe(false);
    expect(await restarted.store.decisions.count()).toBe(20);
    expect(await restarted.store.meta.get(DEMO_SEEDED)).toBe('2026-11-26T12:00:00.000Z');
    await restarted.store.close();
  });

  it('files the letters and the call of the queue on the decisions they are about', async () => {
    const clock = fixedClock('2026-11-25T12:00:00.000Z');
    const { store } = await start(file, clock, true);
    const received = await store.cases.page({ origin: 'objection' }, null, 100);
    const byChannel = async (channel: 'post' | 'phone') =>
      Promise.all(received.filter((c) => c.channel === channel).map(async (c) => ({ c, d: (await store.decisions.get(c.decisionId))! })));

    const letters = await byChannel('post');
    const premium = letters.find(({ c }) => c.statement === 'Letter: I dispute the new premium.')!;
    const output = premium.d.output as RenewalPriceOutput;
    expect(premium.d.type).toBe('renewal_price');
    expect(output.newPremiumCents).toBeGreaterThan(output.previousPremiumCents);
    const held = letters.find(({ c }) => c.statement === 'Letter: my claim was held without explanation.')!;
    expect(held.d.type).toBe('fraud_flag');
    expect(held.d.output as FraudFlagOutput).toMatchObject({ flagged: true, action: 'hold_payment' });
    const [call] = await byChannel('phone');
    expect(call!.d.type).toBe('risk_score');
    for (const { c, d } of [...letters, call!]) {
      expect(['M-1001', 'M-1002']).not.toContain(d.subject.memberId);
      expect(c.receivedAt >= d.decidedAt).toBe(true);
    }
    await store.close();
  });
});
