import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuplicateKeyError, type Delivery, type OutboxMessage, type Store, type WebhookSubscription } from '../../server/storage/store';
import type { StoreKind, TestStore } from '../support/stores';

const delivery = (over: Partial<Delivery> & { id: string }): Delivery => ({
  entryId: 'dec_a#1',
  channel: 'webhook',
  destinationId: 'wh_1',
  decisionId: 'dec_a',
  lane: 'webhook:wh_1:dec_a',
  seq: 1,
  position: 0,
  type: 'case.opened',
  data: { decisionId: 'dec_a', memberId: 'M-1' },
  createdAt: '2026-11-25T12:00:00.000Z',
  status: 'pending',
  attempts: 0,
  nextAttemptAt: '2026-11-25T12:00:00.000Z',
  lastStatus: null,
  lastError: null,
  deliveredAt: null,
  log: [],
  ...over,
});

/** What the delivery engine relies on: outbox entries with their events, deliveries, lanes and their log. */
export function describeDeliveryContract(kind: StoreKind) {
  describe(`storage contract, delivery [${kind.name}]`, () => {
    let t: TestStore;
    let store: Store;
    beforeEach(async () => {
      t = await kind.open();
      store = t.store;
    });
    afterEach(async () => t.dispose());

    it('keeps an outbox entry with its decision, seq and events, and forgets the member in them on erasure', async () => {
      const entry: OutboxMessage = {
        id: 'dec_a#2',
        decisionId: 'dec_a',
        seq: 2,
        caseId: 'case_a',
        memberId: 'M-1',
        kind: 'extended',
        events: [{ type: 'case.extended', data: { decisionId: 'dec_a', memberId: 'M-1', months: 1 } }],
        createdAt: 'a',
        deliveredAt: null,
      };
      const erased: OutboxMessage = {
        ...entry,
        id: 'erasure#M-1#b',
        decisionId: null,
        seq: 0,
        kind: null,
        events: [{ type: 'member.erased', data: { memberId: 'M-1' } }],
      };
      await store.outbox.add(entry);
      await store.outbox.add(erased);
      expect(await store.outbox.pending(10)).toEqual([entry, erased]);
      await store.outbox.eraseMember('M-1');
      const [after, notice] = await store.outbox.pending(10);
      expect(after).toEqual({ ...entry, memberId: null, events: [{ type: 'case.extended', data: { decisionId: 'dec_a', memberId: null, months: 1 } }] });
      expect(notice!.events).toEqual(erased.events);
      // Handed over, an entry is replaced whole and leaves the pending ones.
      const handedOver: OutboxMessage = { ...notice!, memberId: null, events: [{ type: 'member.erased', data: { memberId: null } }], deliveredAt: 'c' };
      await store.outbox.replace(handedOver);
      expect(await store.outbox.pending(10)).toEqual([after]);
    });

    it('adds a delivery once, replaces it, and finds the due ones, longest waiting first', async () => {
      const a = delivery({ id: 'a', nextAttemptAt: '2026-11-25T12:00:05.000Z' });
      const b = delivery({ id: 'b', nextAttemptAt: '2026-11-25T12:00:01.000Z', lane: 'webhook:wh_1:dec_b', decisionId: 'dec_b' });
      const later = delivery({ id: 'c', nextAttemptAt: '2026-11-26T00:00:00.000Z', lane: 'webhook:wh_1:dec_c' });
      for (const d of [a, b, later, { ...a, type: 'changed' }]) await store.deliveries.add(d);
      expect(await store.deliveries.get('a')).toEqual(a);
      expect((await store.deliveries.due('2026-11-25T13:00:00.000Z', 10)).map((d) => d.id)).toEqual(['b', 'a']);
      const attempt = { at: '2026-11-25T12:00:06.000Z', ok: true, status: 200, latencyMs: 12, error: null, nextAttemptAt: null };
      await store.deliveries.put({ ...a, status: 'delivered', attempts: 1, lastStatus: 200, deliveredAt: attempt.at, log: [attempt] });
      expect((await store.deliveries.due('2026-11-25T13:00:00.000Z', 10)).map((d) => d.id)).toEqual(['b']);
      expect((await store.deliveries.get('a'))!.log).toEqual([attempt]);
      expect(await store.deliveries.stats()).toEqual({ pending: 2, delivered: 1, dead: 0, oldestPendingAt: '2026-11-25T12:00:00.000Z' });
    });

    it("tells a lane's head by seq and position, whatever the order of ids and times", async () => {
      await store.deliveries.add(delivery({ id: 'z', seq: 1, position: 1 }));
      await store.deliveries.add(delivery({ id: 'y', seq: 2, position: 0 }));
      await store.deliveries.add(delivery({ id: 'x', seq: 1, position: 0, status: 'dead' }));
      await store.deliveries.add(delivery({ id: 'other', seq: 0, lane: 'webhook:wh_2:dec_a' }));
      expect((await store.deliveries.head('webhook:wh_1:dec_a'))?.id).toBe('z');
      await store.deliveries.put({ ...(await store.deliveries.get('z'))!, status: 'delivered' });
      expect((await store.deliveries.head('webhook:wh_1:dec_a'))?.id).toBe('y');
      expect(await store.deliveries.head('webhook:wh_9:dec_a')).toBeNull();
    });

    it("lists a destination's deliveries newest first, optionally by status, and forgets an erased member in pending ones", async () => {
      await store.deliveries.add(delivery({ id: 'old', createdAt: '2026-11-20T00:00:00.000Z', status: 'dead' }));
      await store.deliveries.add(delivery({ id: 'new', createdAt: '2026-11-21T00:00:00.000Z' }));
      await store.deliveries.add(delivery({ id: 'erasure', type: 'member.erased', createdAt: '2026-11-22T00:00:00.000Z' }));
      await store.deliveries.add(delivery({ id: 'elsewhere', destinationId: 'wh_2' }));
      expect((await store.deliveries.forDestination('webhook', 'wh_1', null, 10)).map((d) => d.id)).toEqual(['erasure', 'new', 'old']);
      expect((await store.deliveries.forDestination('webhook', 'wh_1', 'dead', 10)).map((d) => d.id)).toEqual(['old']);
      await store.deliveries.eraseMember('M-1');
      expect((await store.deliveries.get('new'))!.data.memberId).toBeNull();
      expect((await store.deliveries.get('erasure'))!.data.memberId).toBe('M-1');
    });

    it('keeps webhook subscriptions: add once, replace, list oldest first', async () => {
      const sub = (id: string, createdAt: string): WebhookSubscription => ({
        id,
        url: 'https://billing.example/hooks',
        events: ['decision.outcome_changed'],
        description: 'billing',
        enabled: true,
        disabledReason: null,
        secrets: [{ secret: 'whsec_x', createdAt, expiresAt: null }],
        createdAt,
        updatedAt: createdAt,
      });
      await store.webhooks.add(sub('wh_b', '2026-11-25T12:00:01.000Z'));
      await store.webhooks.add(sub('wh_a', '2026-11-25T12:00:02.000Z'));
      await expect(store.webhooks.add(sub('wh_a', 'x'))).rejects.toBeInstanceOf(DuplicateKeyError);
      await store.webhooks.put({ ...sub('wh_b', '2026-11-25T12:00:01.000Z'), enabled: false });
      expect((await store.webhooks.list()).map((s) => [s.id, s.enabled])).toEqual([
        ['wh_b', false],
        ['wh_a', true],
      ]);
      expect(await store.webhooks.get('wh_none')).toBeNull();
    });
  });
}
