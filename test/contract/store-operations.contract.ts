import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { ENDED_LEASE_KEPT_MS } from '../../server/storage/leases';
import { DuplicateKeyError, type Rollup, type RollupKey, type Store, type StoredCase } from '../../server/storage/store';
import type { StoreKind, TestStore } from '../support/stores';

/** The contract's second half: what cases, messages, people, jobs and rollups rely on. */
export function describeStoreOperationsContract(kind: StoreKind) {
  describe(`storage contract, operations [${kind.name}]`, () => {
    let t: TestStore;
    let store: Store;
    beforeEach(async () => {
      t = await kind.open();
      store = t.store;
    });
    afterEach(async () => t.dispose());

    it('keeps cases: replace by id, per decision, and a due-date keyset with filters', async () => {
      const base = (i: number, over: Partial<StoredCase> = {}): StoredCase => ({
        id: `case_${String(i).padStart(24, '0')}_1`,
        decisionId: `dec_${String(i).padStart(24, '0')}`,
        decisionType: i % 2 ? 'fraud_flag' : 'renewal_price',
        memberId: i % 3 ? 'M-1' : 'M-2',
        origin: 'objection',
        channel: 'portal',
        status: 'open',
        resolution: null,
        statement: 's',
        requestedOutcome: null,
        receivedAt: '2026-01-01T00:00:00.000Z',
        dueAt: `2026-02-${String(10 + i).padStart(2, '0')}T00:00:00.000Z`,
        originalDueAt: 'x',
        extension: null,
        assignee: null,
        proposal: null,
        resolutionRationale: null,
        openedAt: 'x',
        closedAt: null,
        version: 1,
        ...over,
      });
      for (let i = 0; i < 6; i++) await store.cases.put(base(i));
      await store.cases.put(base(0, { status: 'in_review', assignee: 'u1', version: 2 }));
      expect((await store.cases.get(base(0).id))?.version).toBe(2);
      // A late write of an older version (a repair racing a newer change) changes nothing.
      await store.cases.put(base(0, { status: 'open', version: 1 }));
      expect(await store.cases.get(base(0).id)).toMatchObject({ version: 2, status: 'in_review' });
      expect(await store.cases.listForDecision(base(1).decisionId)).toEqual([base(1)]);
      const first = await store.cases.page({}, null, 4);
      expect(first.map((c) => c.dueAt)).toEqual([...first.map((c) => c.dueAt)].sort());
      const last = first[3]!;
      expect(await store.cases.page({}, { dueAt: last.dueAt, id: last.id }, 10)).toHaveLength(2);
      expect(await store.cases.page({ types: ['fraud_flag'] }, null, 10)).toHaveLength(3);
      expect(await store.cases.page({ assignee: 'u1' }, null, 10)).toHaveLength(1);
      expect(await store.cases.page({ memberId: 'M-2' }, null, 10)).toHaveLength(2);
      expect(await store.cases.page({ statuses: ['open'], dueBefore: '2026-02-13T00:00:00.000Z' }, null, 10)).toHaveLength(2);
      expect(await store.cases.page({ dueBefore: '2026-02-14T00:00:00.000Z' }, { dueAt: '2026-02-11T00:00:00.000Z', id: base(1).id }, 10)).toHaveLength(2);
      // dueFrom is inclusive, dueBefore exclusive (the overview counts today's overdue cases so).
      expect(await store.cases.count({ statuses: ['open'], dueFrom: '2026-02-11T00:00:00.000Z', dueBefore: '2026-02-14T00:00:00.000Z' })).toBe(3);
      expect(
        await store.cases.page(
          { dueFrom: '2026-02-12T00:00:00.000Z', dueBefore: '2026-02-15T00:00:00.000Z' },
          { dueAt: '2026-02-12T00:00:00.000Z', id: base(2).id },
          10,
        ),
      ).toHaveLength(2);
      expect(await store.cases.count({ status: 'open' })).toBe(5);
      expect((await store.cases.page({ decisionIds: [base(1).decisionId, base(4).decisionId, 'dec_none'] }, null, 10)).map((c) => c.id).sort()).toEqual(
        [base(1).id, base(4).id].sort(),
      );
      expect(await store.cases.count({ decisionIds: [] })).toBe(0);
      // An approver's inbox: pending proposals by someone else; a case without a proposal counts as not theirs.
      const proposal = (by: string) => ({ outcome: 'override' as const, override: {}, rationale: 'r', proposedBy: by, proposedAt: 'x' });
      await store.cases.put(base(2, { status: 'pending_approval', proposal: proposal('u1'), version: 3 }));
      await store.cases.put(base(3, { status: 'pending_approval', proposal: proposal('u2'), version: 3 }));
      expect((await store.cases.page({ status: 'pending_approval', notProposedBy: 'u1' }, null, 10)).map((c) => c.id)).toEqual([base(3).id]);
      expect(await store.cases.count({ status: 'pending_approval', notProposedBy: 'u2' })).toBe(1);
      expect(await store.cases.count({ notProposedBy: 'u1' })).toBe(5);
    });

    it('keeps the outbox idempotent and tracks delivery', async () => {
      const m = { id: 'dec_x#1', caseId: 'c', memberId: 'M-1', kind: 'received' as const, createdAt: 'a', deliveredAt: null };
      await store.outbox.add(m);
      await store.outbox.add(m);
      expect(await store.outbox.pending(10)).toEqual([m]);
      await store.outbox.markDelivered(m.id, 'b');
      expect(await store.outbox.pending(10)).toEqual([]);
    });

    it('tells the age of the oldest undelivered message, whatever the order of ids', async () => {
      expect(await store.outbox.oldestPendingAt()).toBeNull();
      const message = (id: string, createdAt: string) => ({ id, caseId: 'c', memberId: null, kind: 'received' as const, createdAt, deliveredAt: null });
      await store.outbox.add(message('dec_a#1', '2026-11-25T12:00:00.000Z'));
      await store.outbox.add(message('dec_b#1', '2026-11-20T08:00:00.000Z'));
      await store.outbox.add(message('dec_c#1', '2026-11-24T00:00:00.000Z'));
      expect(await store.outbox.oldestPendingAt()).toBe('2026-11-20T08:00:00.000Z');
      await store.outbox.markDelivered('dec_b#1', '2026-11-25T12:00:01.000Z');
      expect(await store.outbox.oldestPendingAt()).toBe('2026-11-24T00:00:00.000Z');
    });

    it('answers a readiness check once opened', async () => {
      await expect(store.checkReady()).resolves.toBeUndefined();
    });

    it('keeps anchors in order and refuses a taken seq', async () => {
      const anchor = { seq: 1, createdAt: 'a', coveredUntil: 'a', chains: 0, events: 0, root: 'r', prevHash: '', hash: 'h', signature: null };
      await store.anchors.append(anchor);
      await expect(store.anchors.append({ ...anchor, hash: 'other' })).rejects.toBeInstanceOf(DuplicateKeyError);
      await store.anchors.append({ ...anchor, seq: 2, prevHash: 'h', hash: 'h2' });
      expect((await store.anchors.latest())?.seq).toBe(2);
      expect((await store.anchors.list()).map((a) => a.seq)).toEqual([1, 2]);
    });

    it('keeps users unique by name', async () => {
      const user = { id: 'u1', username: 'anna', roles: ['member' as const], memberId: 'M-1', scopes: [], passwordHash: 'x', createdAt: 'now' };
      await store.users.insert(user);
      await expect(store.users.insert({ ...user, id: 'u2' })).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(await store.users.byUsername('anna')).toEqual(user);
      expect(await store.users.byId('u1')).toEqual(user);
      expect(await store.users.byUsername('bram')).toBeNull();
      expect(await store.users.list()).toHaveLength(1);
    });

    it('finds provisioned users by (issuer, subject), unique together, and local users never by it', async () => {
      const local = { id: 'u0', username: 'admin', roles: ['admin' as const], scopes: [], passwordHash: 'x', createdAt: 'now' };
      const ann = {
        id: 'u1',
        username: 'ann',
        roles: ['approver' as const, 'reviewer' as const],
        scopes: ['fraud_flag' as const],
        source: { issuer: 'https://id.example', subject: 's-1' },
        passwordHash: '',
        createdAt: 'now',
      };
      await store.users.insert(local);
      await store.users.insert(ann);
      // Another local user and the same subject at another issuer are other people.
      await store.users.insert({ ...local, id: 'u2', username: 'governance' });
      await store.users.insert({ ...ann, id: 'u3', username: 'ann-elsewhere', source: { issuer: 'https://other.example', subject: 's-1' } });
      await expect(store.users.insert({ ...ann, id: 'u4', username: 'ann-twice' })).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(await store.users.bySource('https://id.example', 's-1')).toEqual(ann);
      expect(await store.users.bySource('https://id.example', 's-2')).toBeNull();
      expect((await store.users.bySource('https://other.example', 's-1'))?.id).toBe('u3');

      const fewer = { roles: ['reviewer' as const], scopes: ['fraud_flag' as const] };
      expect(await store.users.setGrants('u1', fewer)).toEqual({ ...ann, ...fewer });
      expect(await store.users.byId('u1')).toEqual({ ...ann, ...fewer });
      const member = { roles: ['member' as const], scopes: [], memberId: 'M-7' };
      expect(await store.users.setGrants('u1', member)).toEqual({ ...ann, ...member });
      expect(await store.users.setGrants('u1', fewer)).toEqual({ ...ann, ...fewer });
      expect(await store.users.setGrants('nobody', fewer)).toBeNull();
    });

    it('stores, touches and deletes sessions', async () => {
      const s = { tokenHash: 'h1', userId: 'u1', createdAt: 'a', lastSeenAt: 'a', expiresAt: 'z' };
      await store.sessions.insert(s);
      await store.sessions.touch('h1', 'b');
      expect(await store.sessions.get('h1')).toEqual({ ...s, lastSeenAt: 'b' });
      await store.sessions.delete('h1');
      expect(await store.sessions.get('h1')).toBeNull();
    });

    it('counts sign-in failures in a window, with the first and the last', async () => {
      await store.loginFailures.record('k', '2026-01-01T00:00:00.000Z');
      await store.loginFailures.record('k', '2026-01-01T00:10:00.000Z');
      await store.loginFailures.record('k', '2026-01-01T00:07:00.000Z');
      await store.loginFailures.record('other', '2026-01-01T00:10:00.000Z');
      expect(await store.loginFailures.summarySince('k', '2026-01-01T00:05:00.000Z')).toEqual({
        count: 2,
        first: '2026-01-01T00:07:00.000Z',
        last: '2026-01-01T00:10:00.000Z',
      });
      await store.loginFailures.clear('k');
      expect(await store.loginFailures.summarySince('k', '2000-01-01T00:00:00.000Z')).toEqual({ count: 0, first: null, last: null });
    });

    it('clears the sign-in failures of every key with a prefix, and only those', async () => {
      for (const key of ['signin:aa:1', 'signin:aa:2', 'signin:ab:1', 'signin:a', 'signin-from:1'])
        await store.loginFailures.record(key, '2026-01-01T00:00:00.000Z');
      await store.loginFailures.clearPrefix('signin:aa:');
      const counts = async (keys: string[]) =>
        Promise.all(keys.map(async (k) => (await store.loginFailures.summarySince(k, '2000-01-01T00:00:00.000Z')).count));
      expect(await counts(['signin:aa:1', 'signin:aa:2', 'signin:ab:1', 'signin:a', 'signin-from:1'])).toEqual([0, 0, 1, 1, 1]);
    });

    it('forgets sign-in failures older than an instant, of every key, and keeps the newer ones', async () => {
      await store.loginFailures.record('k', '2026-01-01T00:00:00.000Z');
      await store.loginFailures.record('other', '2026-01-01T23:59:59.999Z');
      await store.loginFailures.record('k', '2026-01-02T00:00:00.000Z');
      expect(await store.loginFailures.deleteBefore('2026-01-02T00:00:00.000Z')).toBe(2);
      expect(await store.loginFailures.summarySince('k', '2000-01-01T00:00:00.000Z')).toEqual({
        count: 1,
        first: '2026-01-02T00:00:00.000Z',
        last: '2026-01-02T00:00:00.000Z',
      });
      expect((await store.loginFailures.summarySince('other', '2000-01-01T00:00:00.000Z')).count).toBe(0);
    });

    it('grants a lease term to exactly one holder', async () => {
      const now = new Date('2026-11-25T12:00:30Z');
      const results = await Promise.all(['a', 'b', 'c', 'd'].map((h) => store.leases.tryAcquire('job', h, now, 60_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = ['a', 'b', 'c', 'd'][results.indexOf(true)]!;
      expect(await store.leases.tryAcquire('job', winner, now, 60_000)).toBe(true);
      const later = new Date('2026-11-25T12:01:30Z');
      expect(await store.leases.tryAcquire('job', 'z', later, 60_000)).toBe(true);
      expect(await store.leases.tryAcquire('job', winner, later, 60_000)).toBe(false);
    });

    it('keeps the lease documents bounded over many terms, one holder per term throughout', async () => {
      const ttl = 30_000;
      const start = Date.parse('2026-11-25T12:00:00Z');
      const terms = 200;
      for (let i = 0; i < terms; i++) {
        const now = new Date(start + i * ttl + 1_000);
        const results = await Promise.all(['p1', 'p2', 'p3'].map((holder) => store.leases.tryAcquire('outbox', holder, now, ttl)));
        expect(results.filter(Boolean), `term ${i}`).toHaveLength(1);
        if (i % 20 === 0) expect(await store.leases.tryAcquire('anchor', 'p1', now, 10 * ttl)).toBe(true);
      }
      // Only the terms that ended within ENDED_LEASE_KEPT_MS stay (plus the current), whatever the job.
      const kept = ENDED_LEASE_KEPT_MS / ttl + 2 + ENDED_LEASE_KEPT_MS / (10 * ttl) + 2;
      expect(await t.raw.count('leases')).toBeLessThanOrEqual(kept);
      // A term that ended recently still has its document: a process whose clock lags cannot take it again.
      const lagging = new Date(start + (terms - 2) * ttl + 1_000);
      expect(await store.leases.tryAcquire('outbox', 'late', lagging, ttl)).toBe(false);
    });

    it('keeps a named meta value once: the first writer sets it, later ones change nothing', async () => {
      expect(await store.meta.get('demo_seeded')).toBeNull();
      const results = await Promise.all(['a', 'b', 'c'].map((v) => store.meta.putIfAbsent('demo_seeded', v)));
      expect(results.filter(Boolean)).toHaveLength(1);
      const first = ['a', 'b', 'c'][results.indexOf(true)]!;
      expect(await store.meta.get('demo_seeded')).toBe(first);
      expect(await store.meta.putIfAbsent('demo_seeded', 'z')).toBe(false);
      expect(await store.meta.get('demo_seeded')).toBe(first);
      expect(await store.meta.get('other')).toBeNull();
    });

    const rollupKey = (over: Partial<RollupKey> = {}): RollupKey => ({
      day: '2026-11-20',
      type: 'renewal_price',
      modelId: 'm',
      modelVersion: '1',
      attribute: '',
      group: '',
      ...over,
    });
    const byKey = (rollups: Rollup[]) => Object.fromEntries(rollups.map((r) => [`${r.day}|${r.type}|${r.modelVersion}|${r.attribute}|${r.group}`, r.counters]));

    it('upsert-increments one rollup document per key, any counter names', async () => {
      await store.rollups.increment(rollupKey(), { decisions: 1, 'score:3': 1 });
      await store.rollups.increment(rollupKey(), { decisions: 2, 'resolvedByReason:A.B$C%2E': 1, premiumChangePpm: -45_000 });
      await store.rollups.increment(rollupKey({ attribute: 'region', group: 'West.Flanders $1' }), { decisions: 1 });
      const all = await store.rollups.list({});
      expect(all).toHaveLength(2);
      expect(byKey(all)).toEqual({
        '2026-11-20|renewal_price|1||': { decisions: 3, 'score:3': 1, 'resolvedByReason:A.B$C%2E': 1, premiumChangePpm: -45_000 },
        '2026-11-20|renewal_price|1|region|West.Flanders $1': { decisions: 1 },
      });
      // A selection of counters (':' ends a prefix) gives at least those, with the same values.
      const [selected] = await store.rollups.list({ attribute: '', counters: ['decisions', 'score:', 'resolvedByReason:'] });
      expect(selected!.counters).toMatchObject({ decisions: 3, 'score:3': 1, 'resolvedByReason:A.B$C%2E': 1 });
    });

    it('sums a batch per key and filters by day range, type, model and attribute', async () => {
      await store.rollups.incrementMany([
        { ...rollupKey({ day: '2026-11-19' }), counters: { decisions: 1 } },
        { ...rollupKey({ day: '2026-11-20' }), counters: { decisions: 1 } },
        { ...rollupKey({ day: '2026-11-20' }), counters: { decisions: 1, flagged: 0 } },
        { ...rollupKey({ day: '2026-11-21', type: 'fraud_flag', modelId: 'f' }), counters: { decisions: 4 } },
        { ...rollupKey({ day: '2026-11-20', attribute: 'age_band', group: '30-44' }), counters: { decisions: 2 } },
        { ...rollupKey({ day: '2026-11-20', modelVersion: '2' }), counters: { decisions: 7 } },
      ]);
      const sumOf = (rs: Rollup[]) => rs.reduce((n, r) => n + (r.counters.decisions ?? 0), 0);
      expect(sumOf(await store.rollups.list({ attribute: '' }))).toBe(14);
      expect(sumOf(await store.rollups.list({ attribute: '', from: '2026-11-20', to: '2026-11-20' }))).toBe(9);
      expect(sumOf(await store.rollups.list({ attribute: '', from: '2026-11-20' }))).toBe(13);
      expect(sumOf(await store.rollups.list({ attribute: '', type: 'fraud_flag' }))).toBe(4);
      expect(sumOf(await store.rollups.list({ attribute: '', modelId: 'm', modelVersion: '1' }))).toBe(3);
      expect(await store.rollups.list({ attribute: 'age_band' })).toEqual([
        { ...rollupKey({ attribute: 'age_band', group: '30-44' }), counters: { decisions: 2 } },
      ]);
      expect((await store.rollups.list({ attribute: '', from: '2026-11-20', to: '2026-11-20', modelVersion: '1' }))[0]!.counters).toEqual({ decisions: 2 });
    });

    it('loses no increment when many land on one document at once', async () => {
      // FerretDB loses concurrent $inc upserts on one document; the adapter must not.
      await Promise.all(Array.from({ length: 50 }, () => store.rollups.increment(rollupKey(), { decisions: 1, objections: 2 })));
      expect((await store.rollups.list({}))[0]!.counters).toEqual({ decisions: 50, objections: 100 });
    });

    it('sums concurrent batches over the same many documents exactly', async () => {
      // 150 keys: more documents than FerretDB 1.24 could update in one bulk write without hanging.
      const batch = (n: number): Rollup[] =>
        Array.from({ length: 150 }, (_, i) => ({
          ...rollupKey({ day: `2026-10-${String(1 + (i % 30)).padStart(2, '0')}`, group: `g${Math.floor(i / 30)}`, attribute: 'region' }),
          counters: { decisions: 1, [`score:${i % 20}`]: n },
        }));
      await store.rollups.incrementMany(batch(1));
      await Promise.all(Array.from({ length: 20 }, () => store.rollups.incrementMany(batch(2))));
      const all = await store.rollups.list({ attribute: 'region' });
      expect(all).toHaveLength(150);
      for (const r of all) {
        expect(r.counters.decisions).toBe(21);
        expect(Object.entries(r.counters).filter(([name]) => name.startsWith('score:'))).toEqual([[expect.any(String), 41]]);
      }
    });

    it('replaces the whole rollup set and clears it', async () => {
      await store.rollups.increment(rollupKey(), { decisions: 5 });
      await store.rollups.increment(rollupKey({ day: '2026-11-01' }), { decisions: 1 });
      const rebuilt: Rollup[] = [
        { ...rollupKey(), counters: { decisions: 4, resolved: 1 } },
        { ...rollupKey({ attribute: 'region', group: 'Brussels' }), counters: { decisions: 4 } },
      ];
      await store.rollups.replaceAll(rebuilt);
      expect(byKey(await store.rollups.list({}))).toEqual(byKey(rebuilt));
      await store.rollups.clear();
      expect(await store.rollups.list({})).toEqual([]);
    });
  });
}
