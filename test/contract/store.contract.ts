import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { NewDecision } from '@shared/schemas/decision';
import { toRecord } from '../../server/decisions/ingest';
import { defaultPolicies } from '../../server/domain/policies';
import { buildEvent } from '../../server/domain/hash-chain';
import { DuplicateKeyError, type IngestFollowUps, type Store, type StoredCase, type StoredDecision } from '../../server/storage/store';
import type { StoreKind, TestStore } from '../support/stores';
import { fraudDecision, renewalDecision, riskDecision } from '../support/fixtures';

const record = (input: unknown, at = new Date('2026-11-25T12:00:00Z')): StoredDecision => toRecord(NewDecision.parse(input), at, defaultPolicies());

/** Decisions without follow-ups, as most of this suite inserts them. */
const plain = (decisions: StoredDecision[]) => decisions.map((decision) => ({ decision }));

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** One suite, every adapter: what the services rely on, stated once (decisions and their chains here; the rest in store-operations.contract.ts). */
export function describeStoreContract(kind: StoreKind) {
  describe(`storage contract [${kind.name}]`, () => {
    let t: TestStore;
    let store: Store;
    beforeEach(async () => {
      t = await kind.open();
      store = t.store;
    });
    afterEach(async () => t.dispose());

    it('stores decisions once and reports duplicates without overwriting', async () => {
      const a = record(renewalDecision());
      const b = record(fraudDecision());
      expect(await store.decisions.insertMany(plain([a, b]))).toEqual({ inserted: [a.id, b.id], duplicates: [] });
      const changed = { ...a, output: { ...a.output, newPremiumCents: 1 } } as StoredDecision;
      const c = record(riskDecision());
      expect(await store.decisions.insertMany(plain([changed, c]))).toEqual({ inserted: [c.id], duplicates: [a.id] });
      expect(await store.decisions.get(a.id)).toEqual(a);
      expect(await store.decisions.count()).toBe(3);
      expect((await store.decisions.getMany([a.id, 'dec_missing', c.id])).map((d) => d.id).sort()).toEqual([a.id, c.id].sort());
      expect(await store.decisions.get('dec_000000000000000000000000')).toBeNull();
    });

    it('finds decisions by the claim or policy they are about, exactly, at most as many as asked', async () => {
      const a = record(renewalDecision({ subject: { memberId: 'M-1001', policyId: 'P-77' } }));
      const b = record(renewalDecision({ subject: { memberId: 'M-1001', policyId: 'P-77' } }));
      const c = record(
        fraudDecision({
          subject: { memberId: 'M-1002', claimId: 'C-77' },
          output: { claimId: 'C-77', score: 0.8, threshold: 0.7, flagged: true, action: 'hold_payment' },
        }),
      );
      await store.decisions.insertMany(plain([a, b, c]));
      expect((await store.decisions.idsBySubjectRef('P-77', 10)).sort()).toEqual([a.id, b.id].sort());
      expect(await store.decisions.idsBySubjectRef('C-77', 10)).toEqual([c.id]);
      expect(await store.decisions.idsBySubjectRef('P-7', 10)).toEqual([]);
      expect(await store.decisions.idsBySubjectRef('P-77', 1)).toHaveLength(1);
    });

    it('writes the follow-ups of the inserted decisions only, skipping a case whose event slot is taken', async () => {
      const [a, b, c] = [record(renewalDecision()), record(fraudDecision()), record(riskDecision())];
      await store.decisions.insertMany(plain([a]));
      // c's seq 1 is already taken (say, by an objection racing the sampler): its case must not land.
      const taken = buildEvent(
        { seq: 0, hash: c.hash },
        { decisionId: c.id, action: 'comment', at: '2026-11-25T12:00:00.000Z', actor: { id: 'u', role: 'reviewer' }, caseId: null, data: {}, personal: null },
      );
      await store.events.append(taken);
      const caseOf = (d: StoredDecision): StoredCase => ({
        id: `case_${d.id.slice(4)}_1`,
        decisionId: d.id,
        decisionType: d.type,
        memberId: d.subject.memberId,
        origin: 'sample',
        channel: null,
        status: 'open',
        resolution: null,
        statement: null,
        requestedOutcome: null,
        receivedAt: d.recordedAt,
        dueAt: '2026-12-25T12:00:00.000Z',
        originalDueAt: '2026-12-25T12:00:00.000Z',
        extension: null,
        assignee: null,
        proposal: null,
        resolutionRationale: null,
        openedAt: d.recordedAt,
        closedAt: null,
        version: 1,
      });
      // Every candidate carries its follow-ups; a, already stored, must set off none of them.
      const followUpsOf = (d: StoredDecision): IngestFollowUps => ({
        events: [
          buildEvent(
            { seq: 0, hash: d.hash },
            {
              decisionId: d.id,
              action: 'sampled',
              at: '2026-11-25T12:00:00.000Z',
              actor: { id: 'system', role: 'system' },
              caseId: caseOf(d).id,
              data: {},
              personal: null,
            },
          ),
        ],
        cases: [caseOf(d)],
        outbox: [
          {
            id: `${d.id}#1`,
            decisionId: d.id,
            seq: 1,
            caseId: caseOf(d).id,
            memberId: d.subject.memberId,
            kind: null,
            events: [],
            createdAt: '2026-11-25T12:00:00.000Z',
            deliveredAt: null,
          },
        ],
        rollups: [{ day: '2026-11-25', type: d.type, modelId: 'm', modelVersion: '1', attribute: '', group: '', counters: { decisions: 1 } }],
      });
      const result = await store.decisions.insertMany([a, b, c].map((decision) => ({ decision, followUps: followUpsOf(decision) })));
      expect(result).toEqual({ inserted: [b.id, c.id], duplicates: [a.id] });
      expect(await store.events.list(a.id)).toEqual([]);
      expect((await store.events.list(b.id)).map((e) => e.action)).toEqual(['sampled']);
      expect((await store.events.list(c.id)).map((e) => e.action)).toEqual(['comment']);
      expect((await store.cases.get(caseOf(b).id))?.origin).toBe('sample');
      expect(await store.cases.get(caseOf(c).id)).toBeNull();
      expect(await store.cases.get(caseOf(a).id)).toBeNull();
      // Only the case actually written announces itself.
      expect((await store.outbox.pending(10)).map((m) => m.id)).toEqual([`${b.id}#1`]);
      const counted = (await store.rollups.list({ attribute: '' })).reduce((n, r) => n + (r.counters.decisions ?? 0), 0);
      expect(counted).toBe(2);
    });

    it('pages newest first with a keyset that survives concurrent inserts', async () => {
      const records = Array.from({ length: 7 }, (_, i) =>
        record(renewalDecision({ decidedAt: `2026-11-0${i + 1}T10:00:00.000Z`, subject: { memberId: i % 2 ? 'M-1' : 'M-2' } })),
      );
      await store.decisions.insertMany(plain(records));
      const first = await store.decisions.page({}, null, 3);
      expect(first.map((d) => d.decidedAt)).toEqual(['2026-11-07T10:00:00.000Z', '2026-11-06T10:00:00.000Z', '2026-11-05T10:00:00.000Z']);
      // A newer decision arriving between pages must not shift the next page.
      await store.decisions.insertMany(plain([record(renewalDecision({ decidedAt: '2026-11-09T10:00:00.000Z' }))]));
      const last = first[2]!;
      const second = await store.decisions.page({}, { decidedAt: last.decidedAt, id: last.id }, 3);
      expect(second.map((d) => d.decidedAt)).toEqual(['2026-11-04T10:00:00.000Z', '2026-11-03T10:00:00.000Z', '2026-11-02T10:00:00.000Z']);
      const member = await store.decisions.page({ memberId: 'M-1' }, null, 10);
      expect(member.every((d) => d.subject.memberId === 'M-1')).toBe(true);
      expect(member).toHaveLength(3);
      const ranged = await store.decisions.page({ from: '2026-11-02T10:00:00.000Z', to: '2026-11-04T10:00:00.000Z' }, null, 10);
      expect(ranged).toHaveLength(3);
    });

    it('filters by type, scopes and model', async () => {
      await store.decisions.insertMany(plain([record(renewalDecision()), record(fraudDecision()), record(riskDecision({ model: { id: 'x', version: '2' } }))]));
      expect((await store.decisions.page({ type: 'fraud_flag' }, null, 10)).map((d) => d.type)).toEqual(['fraud_flag']);
      expect((await store.decisions.page({ types: ['renewal_price', 'risk_score'] }, null, 10)).map((d) => d.type).sort()).toEqual([
        'renewal_price',
        'risk_score',
      ]);
      expect(await store.decisions.page({ modelId: 'x', modelVersion: '2' }, null, 10)).toHaveLength(1);
      expect(await store.decisions.page({ modelId: 'x', modelVersion: '3' }, null, 10)).toHaveLength(0);
    });

    it('finds the first decision instant of a model version within a period', async () => {
      const at = (version: string, decidedAt: string) => record(riskDecision({ model: { id: 'first-at', version }, decidedAt }));
      await store.decisions.insertMany(
        plain([
          at('1', '2026-11-10T14:00:00.000Z'),
          at('1', '2026-11-10T08:30:00.000Z'),
          at('1', '2026-11-09T23:59:00.000Z'),
          at('2', '2026-11-10T06:00:00.000Z'),
        ]),
      );
      const day = (d: string) => [`${d}T00:00:00.000Z`, `${d}T23:59:59.999Z`] as const;
      expect(await store.decisions.firstDecidedAt({ id: 'first-at', version: '1' }, ...day('2026-11-10'))).toBe('2026-11-10T08:30:00.000Z');
      expect(await store.decisions.firstDecidedAt({ id: 'first-at', version: '1' }, '2026-11-01T00:00:00.000Z', '2026-11-30T00:00:00.000Z')).toBe(
        '2026-11-09T23:59:00.000Z',
      );
      expect(await store.decisions.firstDecidedAt({ id: 'first-at', version: '2' }, ...day('2026-11-10'))).toBe('2026-11-10T06:00:00.000Z');
      expect(await store.decisions.firstDecidedAt({ id: 'first-at', version: '2' }, ...day('2026-11-11'))).toBeNull();
      expect(await store.decisions.firstDecidedAt({ id: 'first-at', version: '3' }, ...day('2026-11-10'))).toBeNull();
    });

    it('scans every decision in id order', async () => {
      const records = Array.from({ length: 25 }, () => record(renewalDecision()));
      await store.decisions.insertMany(plain(records));
      const ids = (await collect(store.decisions.scanById())).map((d) => d.id);
      expect(ids).toEqual(records.map((r) => r.id).sort());
    });

    it('appends chain events and rejects a taken (decisionId, seq)', async () => {
      const d = record(renewalDecision());
      await store.decisions.insertMany(plain([d]));
      const fields = {
        decisionId: d.id,
        action: 'comment' as const,
        at: '2026-11-25T12:00:00.000Z',
        actor: { id: 'u1', role: 'reviewer' },
        caseId: null,
        data: {},
        personal: { text: 'x' },
      };
      const e1 = buildEvent({ seq: 0, hash: d.hash }, fields);
      await store.events.append(e1);
      await expect(store.events.append(buildEvent({ seq: 0, hash: d.hash }, fields))).rejects.toBeInstanceOf(DuplicateKeyError);
      const e2 = buildEvent(e1, fields);
      await store.events.append(e2);
      expect(await store.events.list(d.id)).toEqual([e1, e2]);
      expect(await store.events.last(d.id)).toEqual(e2);
      expect(await store.events.last('dec_none')).toBeNull();
      expect(await store.events.count()).toBe(2);
    });

    it('scans events ordered by chain and seq', async () => {
      const ds = [record(renewalDecision()), record(renewalDecision()), record(renewalDecision())];
      await store.decisions.insertMany(plain(ds));
      for (const d of [...ds].reverse()) {
        let head: { seq: number; hash: string } = { seq: 0, hash: d.hash };
        for (let i = 0; i < 3; i++) {
          const e = buildEvent(head, {
            decisionId: d.id,
            action: 'comment',
            at: '2026-11-25T12:00:00.000Z',
            actor: { id: 'u', role: 'reviewer' },
            caseId: null,
            data: { i },
            personal: null,
          });
          await store.events.append(e);
          head = e;
        }
      }
      const scanned = (await collect(store.events.scanByChain())).map((e) => `${e.decisionId}#${e.seq}`);
      const expected = ds
        .map((d) => d.id)
        .sort()
        .flatMap((id) => [1, 2, 3].map((s) => `${id}#${s}`));
      expect(scanned).toEqual(expected);
    });

    it('sets the effective outcome without touching the original output', async () => {
      const d = record(renewalDecision());
      await store.decisions.insertMany(plain([d]));
      const effective = { ...d.output, newPremiumCents: 1 } as StoredDecision['output'];
      await store.decisions.setEffectiveOutcome(d.id, effective, true);
      const after = (await store.decisions.get(d.id))!;
      expect(after).toMatchObject({ effectiveOutcome: effective, overridden: true, output: d.output, hash: d.hash });
    });

    it('links a superseded decision once: compare-and-set on supersededBy, idempotent for the same successor', async () => {
      const old = record(renewalDecision());
      const first = record(renewalDecision());
      const second = record(renewalDecision());
      await store.decisions.insertMany(plain([old, first, second]));
      const effective = { ...old.output, newPremiumCents: 7 } as StoredDecision['output'];
      expect(await store.decisions.linkSuperseded(old.id, first.id, effective)).toBe(true);
      expect(await store.decisions.linkSuperseded(old.id, first.id, effective)).toBe(true);
      expect(await store.decisions.linkSuperseded(old.id, second.id, { ...effective, newPremiumCents: 9 } as StoredDecision['output'])).toBe(false);
      expect(await store.decisions.linkSuperseded('dec_000000000000000000000000', first.id, effective)).toBe(false);
      const after = (await store.decisions.get(old.id))!;
      expect(after).toMatchObject({ supersededBy: first.id, effectiveOutcome: effective, overridden: false, output: old.output, hash: old.hash });
    });

    it('lists events since an instant, oldest first', async () => {
      const d = record(renewalDecision());
      await store.decisions.insertMany(plain([d]));
      let head: { seq: number; hash: string } = { seq: 0, hash: d.hash };
      for (const at of ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z']) {
        const e = buildEvent(head, { decisionId: d.id, action: 'comment', at, actor: { id: 'u', role: 'reviewer' }, caseId: null, data: {}, personal: null });
        await store.events.append(e);
        head = e;
      }
      expect((await store.events.since('2026-01-02T00:00:00.000Z', 10)).map((e) => e.seq)).toEqual([2, 3]);
      expect(await store.events.since('2026-01-02T00:00:00.000Z', 1)).toHaveLength(1);
    });
  });
}
