import { afterEach, beforeEach, expect, it } from 'vitest';
import { fixedClock } from '../../server/clock';
import { replayDelivery, type Channel, type SendResult } from '../../server/domain/delivery-channel';
import { deliverDue, fanOut, type DeliveryEngineOptions } from '../../server/delivery/engine';
import { MAX_ATTEMPTS, retryDelayMs } from '../../server/delivery/schedule';
import type { Delivery, OutboxMessage } from '../../server/storage/store';
import { TEST_NOW } from '../support/app';
import { describeEachStore, type TestStore } from '../support/stores';

/**
 * A channel whose destinations answer as a test says (the engine's order, retries and dead
 * letters are what is tested; the webhook channel's HTTP is tested against a real receiver).
 */
function scriptedChannel(destinations: string[]) {
  const sent: string[] = [];
  const answers = new Map<string, SendResult[]>();
  const channel: Channel = {
    kind: 'webhook',
    fanOut: async (entry) =>
      destinations.flatMap((d) => (entry.events ?? []).map((e, position) => ({ destinationId: d, type: e.type, data: e.data, position }))),
    send: async (delivery: Delivery) => {
      const answer = answers.get(`${delivery.destinationId}:${delivery.decisionId}`)?.shift() ?? { ok: true, status: 200, error: null };
      if (answer.ok) sent.push(`${delivery.destinationId}:${delivery.decisionId}:${delivery.seq}:${delivery.type}`);
      return answer;
    },
  };
  /** `lane` is destination:decisionId. */
  const fail = (lane: string, times: number, answer: SendResult = { ok: false, status: 500, error: 'HTTP 500' }) =>
    answers.set(
      lane,
      Array.from({ length: times }, () => answer),
    );
  return { channel, sent, fail };
}

const entry = (decisionId: string, seq: number, types: string[]): OutboxMessage => ({
  id: `${decisionId}#${seq}`,
  decisionId,
  seq,
  caseId: `case_${decisionId}`,
  memberId: 'M-1',
  kind: null,
  events: types.map((type) => ({ type: type as 'case.opened', data: { decisionId, sequence: seq } })),
  createdAt: TEST_NOW,
  deliveredAt: null,
});

describeEachStore('the delivery engine', (kind) => {
  let t: TestStore;
  let clock: ReturnType<typeof fixedClock>;
  beforeEach(async () => {
    t = await kind.open();
    clock = fixedClock(TEST_NOW);
  });
  afterEach(async () => t.dispose());

  const engine = (channel: Channel): DeliveryEngineOptions => ({
    store: t.store,
    clock,
    channels: [channel],
    retryBaseMs: 1000,
    timeoutMs: 200,
    random: () => 0.5,
  });

  it('fans an entry out once per event and destination, and a second fan-out writes nothing', async () => {
    const { channel } = scriptedChannel(['a', 'b']);
    await t.store.outbox.add(entry('dec_1', 1, ['case.resolved', 'decision.outcome_changed']));
    expect(await fanOut(engine(channel))).toBe(1);
    expect(await t.store.outbox.pending(10)).toEqual([]);
    expect(await fanOut(engine(channel))).toBe(0);
    expect((await t.store.deliveries.stats()).pending).toBe(4);
  });

  it('keeps each decision in order per destination while a failing one retries, and never blocks the others', async () => {
    const { channel, sent, fail } = scriptedChannel(['good', 'down']);
    fail('down:dec_1', 2);
    fail('down:dec_2', 1);
    for (const e of [entry('dec_1', 1, ['case.opened']), entry('dec_1', 2, ['case.extended']), entry('dec_2', 1, ['case.opened'])]) await t.store.outbox.add(e);
    await fanOut(engine(channel));
    expect(await deliverDue(engine(channel))).toBe(3);
    // Lanes go side by side; within one, in order.
    expect(sent.filter((s) => s.startsWith('good:dec_1'))).toEqual(['good:dec_1:1:case.opened', 'good:dec_1:2:case.extended']);
    expect(sent).toContain('good:dec_2:1:case.opened');
    // 'down' failed dec_1#1 and dec_2#1 (two lanes); dec_1#2 waits behind its decision's first.
    expect(sent.filter((s) => s.startsWith('down:'))).toEqual([]);
    for (let i = 0; i < 3; i++) {
      clock.advance(60 * 60_000);
      await deliverDue(engine(channel));
    }
    const down = sent.filter((s) => s.startsWith('down:'));
    expect(down.indexOf('down:dec_1:1:case.opened')).toBeLessThan(down.indexOf('down:dec_1:2:case.extended'));
    expect(down).toHaveLength(3);
    const first = (await t.store.deliveries.forDestination('webhook', 'down', null, 10)).find((d) => d.decisionId === 'dec_1' && d.seq === 1)!;
    expect(first.log.map((a) => [a.ok, a.status])).toEqual([
      [false, 500],
      [false, 500],
      [true, 200],
    ]);
    expect(first.log[0]!.nextAttemptAt).toBe(new Date(Date.parse(TEST_NOW) + 1000).toISOString());
    expect(first.log[0]!.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('dead-letters after the last attempt, which releases the lane, and a replay sends it again', async () => {
    const { channel, sent, fail } = scriptedChannel(['down']);
    fail('down:dec_1', MAX_ATTEMPTS);
    await t.store.outbox.add(entry('dec_1', 1, ['case.opened']));
    await t.store.outbox.add(entry('dec_1', 2, ['case.withdrawn']));
    await fanOut(engine(channel));
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await deliverDue(engine(channel));
      clock.advance(retryDelayMs(i + 1, 1000, () => 1) ?? 0);
    }
    const [dead] = await t.store.deliveries.forDestination('webhook', 'down', 'dead', 10);
    expect(dead).toMatchObject({ seq: 1, attempts: MAX_ATTEMPTS, lastStatus: 500 });
    expect(dead!.log.at(-1)!.nextAttemptAt).toBeNull();
    expect(sent).toEqual(['down:dec_1:2:case.withdrawn']);
    await replayDelivery(t.store, clock, dead!);
    await deliverDue(engine(channel));
    expect(sent).toEqual(['down:dec_1:2:case.withdrawn', 'down:dec_1:1:case.opened']);
  });

  it('counts an attempt that outlives the timeout as failed', async () => {
    const channel: Channel = { kind: 'webhook', fanOut: scriptedChannel(['slow']).channel.fanOut, send: () => new Promise(() => undefined) };
    await t.store.outbox.add(entry('dec_1', 1, ['case.opened']));
    await fanOut(engine(channel));
    await deliverDue(engine(channel));
    const [d] = await t.store.deliveries.forDestination('webhook', 'slow', null, 10);
    expect(d).toMatchObject({ status: 'pending', attempts: 1, lastError: 'timed out after 200 ms' });
  });

  it('starts no attempt after its budget, so a run ends inside its lease; the rest wait for the next run', async () => {
    const { channel, sent } = scriptedChannel(['a']);
    for (let i = 1; i <= 3; i++) await t.store.outbox.add(entry(`dec_${i}`, 1, ['case.opened']));
    await fanOut(engine(channel));
    expect(await deliverDue({ ...engine(channel), budgetMs: -1 })).toBe(0);
    expect(sent).toEqual([]);
    expect(await deliverDue(engine(channel))).toBe(3);
  });

  it('waits about three days from the first attempt to the last with the default base', () => {
    let total = 0;
    for (let n = 1; n < MAX_ATTEMPTS; n++) total += retryDelayMs(n, 30_000, () => 0.5)!;
    expect(total / 3_600_000).toBeGreaterThan(60);
    expect(total / 3_600_000).toBeLessThan(80);
    expect(retryDelayMs(MAX_ATTEMPTS, 30_000)).toBeNull();
  });
});
