/**
 * Tampering: alter, remove or reorder any one stored decision, event or anchor behind the
 * app's back, and /api/audit/verify must say `ok: false` and name what was touched.
 */
import fc from 'fast-check';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { anchorHash } from '../../server/audit/anchors';
import { canonicalJson, decisionHash, eventHash } from '../../server/domain/hash-chain';
import { createApp } from '../../server/app';
import { fixedClock } from '../../server/clock';
import { testConfig } from '../../server/config';
import { DEMO_USERS } from '../../server/demo/seed';
import type { Anchor } from '@shared/schemas/audit';
import type { ChainEvent, Store, StoredDecision } from '../../server/storage/store';
import { TEST_NOW } from '../support/app';
import { fraudDecision, renewalDecision, riskDecision } from '../support/fixtures';
import { sessionCookieFor } from '../support/session-cookies';
import { storeKinds, type TestStore } from '../support/stores';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Doc = Record<string, any>;

/**
 * A small log: four decisions, chains of 0 to 5 events (an approved override among them), two
 * anchors, the second sealing everything. Built through HTTP, as in production.
 */
async function buildLog(t: TestStore, run: number) {
  const clock = fixedClock(TEST_NOW);
  const config = testConfig({ sampleRate: 0, auditSigningKey: 'tamper-test-signing-key-0123' });
  // Users straight into the store: scrypt for each of 30 runs would cost more than the test.
  for (const u of DEMO_USERS) {
    await t.store.users.insert({
      id: `u_${u.username}`,
      username: u.username,
      roles: u.roles,
      scopes: u.scopes ?? [],
      ...(u.memberId ? { memberId: u.memberId } : {}),
      passwordHash: 'none',
      createdAt: TEST_NOW,
    });
  }
  const { app } = createApp({ store: t.store, config, clock });
  const cookie = async (username: string) => sessionCookieFor(t.store, clock, config, username);
  const as = async (username: string, url: string, body: unknown) => {
    const res = await request(app)
      .post(url)
      .set('Cookie', await cookie(username))
      .send(body as object);
    if (res.status >= 300) throw new Error(`${url} as ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const key = (i: number) => `tamper-${run}-${i}`;
  const batch = await request(app)
    .post('/api/decisions/batch')
    .set('Authorization', 'Bearer demo-ingest-key')
    .send({
      decisions: [
        renewalDecision({ idempotencyKey: key(0) }),
        fraudDecision({ idempotencyKey: key(1) }),
        riskDecision({ idempotencyKey: key(2) }),
        renewalDecision({ idempotencyKey: key(3), subject: { memberId: 'M-1002' } }),
      ],
    });
  const ids = batch.body.ids as string[];
  const statement = 'I made no claims this year; please look again.';

  // Chain 0: objection, claim, comment, proposed override, approval (changes the effective outcome).
  const c0 = (await as('anna', `/api/decisions/${ids[0]}/objections`, { statement })).case.id;
  await as('pricing.reviewer', `/api/cases/${c0}/claim`, { expectedVersion: 1 });
  await as('pricing.reviewer', `/api/cases/${c0}/comments`, { text: 'Checking the claims register.', visibility: 'internal', expectedVersion: 2 });
  await as('pricing.reviewer', `/api/cases/${c0}/resolve`, {
    outcome: 'override',
    rationale: 'Those claims belong to another policy.',
    override: { newPremiumCents: 110_000 },
    expectedVersion: 3,
  });
  await as('senior.reviewer', `/api/cases/${c0}/approve`, { approve: true, rationale: 'Verified against the register.', expectedVersion: 4 });
  // Chain 1: objection and claim, then the first anchor.
  const c1 = (await as('anna', `/api/decisions/${ids[1]}/objections`, { statement })).case.id;
  await as('senior.reviewer', `/api/cases/${c1}/claim`, { expectedVersion: 1 });
  clock.advance(10_000);
  await as('governance', '/api/audit/anchors', {});
  // Chain 2: a postal objection registered by a reviewer; chain 1 grows; chain 3 stays a lone decision.
  clock.advance(1_000);
  await as('pricing.reviewer', `/api/decisions/${ids[2]}/objections`, { statement, channel: 'post', receivedAt: '2026-11-24T09:00:00.000Z' });
  await as('senior.reviewer', `/api/cases/${c1}/comments`, { text: 'Asked the investigator for the file.', visibility: 'member', expectedVersion: 2 });
  clock.advance(10_000);
  await as('governance', '/api/audit/anchors', {});

  const verify = async () =>
    (
      await request(app)
        .get('/api/audit/verify')
        .set('Cookie', await cookie('governance'))
    ).body;
  return { ids, verify };
}

// ---- what can be touched --------------------------------------------------------------------

/** Fields that say where a record lives rather than what it says; moving records is `reorder`. */
const IDENTITY = new Set(['id', '_id', 'decisionId', 'seq']);

/** Every leaf of a stored document, as a path: `output.newPremiumCents`, `rationale.reasonCodes.0.code`. */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    if (entries.length === 0) return [prefix];
    return entries.flatMap(([k, v]) => (prefix.length === 0 && IDENTITY.has(String(k)) ? [] : leafPaths(v, [...prefix, k])));
  }
  return [prefix];
}

const getPath = (doc: Doc, path: (string | number)[]) => path.reduce<any>((o, k) => o?.[k], doc);
function setPath(doc: Doc, path: (string | number)[], value: unknown) {
  const parent = getPath(doc, path.slice(0, -1));
  parent[path[path.length - 1]!] = value;
}

/** Replaces a document's content with another's, keeping where it lives (its key and seq). */
function replaceContent(doc: Doc, content: Doc, keep: string[]) {
  for (const k of Object.keys(doc)) if (!keep.includes(k)) delete doc[k];
  for (const [k, v] of Object.entries(content)) if (!keep.includes(k) && k !== 'id') doc[k] = v;
}

type Target = 'decision' | 'event' | 'anchor';
type Tamper =
  | { op: 'alter'; target: Target; pick: number; path: number; value: Json }
  | { op: 'remove'; target: Target; pick: number }
  | { op: 'reorder'; target: Target; pick: number; other: number }
  /** A forger who knows the hash function: changes a fact and recomputes the record's own hash. */
  | { op: 'forge'; target: Target; pick: number; delta: number };

const leafValue: fc.Arbitrary<Json> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant('0'.repeat(64)),
);
const target = fc.constantFrom<Target>('decision', 'event', 'anchor');
const tamperArb: fc.Arbitrary<Tamper> = fc.oneof(
  fc.record({ op: fc.constant('alter' as const), target, pick: fc.nat(), path: fc.nat(), value: leafValue }),
  fc.record({ op: fc.constant('remove' as const), target, pick: fc.nat() }),
  fc.record({ op: fc.constant('reorder' as const), target, pick: fc.nat(), other: fc.nat() }),
  fc.record({ op: fc.constant('forge' as const), target, pick: fc.nat(), delta: fc.integer({ min: 1, max: 1000 }) }),
);

interface Expectation {
  describe: string;
  /** True when verify's `brokenAt` names what was touched. */
  names: (brokenAt: Doc) => boolean;
}

/** Applies one tampering; returns what verify must name, or null when this draw cannot apply. */
async function tamper(store: Store, t: TestStore, ids: string[], op: Tamper): Promise<Expectation | null> {
  const raw = t.raw;
  const anchors = await store.anchors.list();
  const latest = anchors[anchors.length - 1]!;
  const chains = await Promise.all(ids.map((id) => store.events.list(id)));
  const events = chains.flat();
  const sealedTruncation = (b: Doc) => b.reason === 'missing_chain' && b.anchorSeq === latest.seq;

  if (op.target === 'decision') {
    const id = ids[op.pick % ids.length]!;
    const stored = (await store.decisions.get(id)) as unknown as Doc;
    if (op.op === 'alter') {
      const paths = leafPaths(stored);
      const path = paths[op.path % paths.length]!;
      if (canonicalJson(getPath(stored, path) ?? null) === canonicalJson(op.value)) return null;
      await raw.updateDecision(id, (doc) => setPath(doc, path, op.value));
      return { describe: `decision ${id} field ${path.join('.')}`, names: (b) => b.decisionId === id && b.reason === 'altered' };
    }
    if (op.op === 'forge') {
      // A new premium or score, the effective outcome moved along, and the hash recomputed.
      const forged = structuredClone(stored) as StoredDecision;
      const output = forged.output as unknown as Record<string, number>;
      const field = 'newPremiumCents' in output ? 'newPremiumCents' : 'score';
      output[field] = field === 'score' ? (output[field]! + op.delta / 1000) % 1 : output[field]! + op.delta;
      if (!forged.overridden) forged.effectiveOutcome = forged.output;
      forged.hash = decisionHash(forged);
      await raw.updateDecision(id, (doc) => replaceContent(doc, forged as unknown as Doc, ['id', '_id']));
      // The next link's prevHash, or (for a lone decision) the anchor's root, no longer fits.
      return { describe: `forged decision ${id}`, names: (b) => b.decisionId === id || sealedTruncation(b) };
    }
    if (op.op === 'remove') {
      await raw.deleteDecision(id);
      const hasEvents = (await store.events.list(id)).length > 0;
      // A lone decision leaves no trace of its own: the anchor's Merkle root over chain heads misses it.
      return { describe: `removed decision ${id}`, names: (b) => (hasEvents ? b.decisionId === id && b.reason === 'missing_chain' : sealedTruncation(b)) };
    }
    const otherId = ids[op.other % ids.length]!;
    if (otherId === id) return null;
    const other = (await store.decisions.get(otherId)) as unknown as Doc;
    await raw.updateDecision(id, (doc) => replaceContent(doc, other, ['id', '_id']));
    await raw.updateDecision(otherId, (doc) => replaceContent(doc, stored, ['id', '_id']));
    const first = [id, otherId].sort()[0];
    return { describe: `swapped decisions ${id} and ${otherId}`, names: (b) => b.decisionId === first };
  }

  if (op.target === 'event') {
    const event = events[op.pick % events.length]!;
    const chain = chains.find((c) => c[0]?.decisionId === event.decisionId)!;
    const at = (b: Doc) => b.decisionId === event.decisionId && b.seq === event.seq;
    if (op.op === 'alter') {
      const paths = leafPaths(event);
      const path = paths[op.path % paths.length]!;
      if (canonicalJson(getPath(event, path) ?? null) === canonicalJson(op.value)) return null;
      await raw.updateEvent(event.decisionId, event.seq, (doc) => setPath(doc, path, op.value));
      return { describe: `event ${event.decisionId}#${event.seq} field ${path.join('.')}`, names: (b) => at(b) && b.reason === 'altered' };
    }
    if (op.op === 'forge') {
      const forged = structuredClone(event) as ChainEvent;
      forged.data = { ...forged.data, forged: op.delta };
      forged.hash = eventHash(forged);
      await raw.updateEvent(event.decisionId, event.seq, (doc) => replaceContent(doc, forged as unknown as Doc, ['_id', 'seq']));
      return {
        describe: `forged event ${event.decisionId}#${event.seq}`,
        names: (b) => (b.decisionId === event.decisionId && [0, event.seq, event.seq + 1].includes(b.seq)) || sealedTruncation(b),
      };
    }
    if (op.op === 'remove') {
      await raw.deleteEvent(event.decisionId, event.seq);
      const last = event.seq === chain.length;
      // Removing the last link looks like a shorter chain: the anchor sealing it tells, or the
      // decision's effective outcome when that link was the approved override.
      return {
        describe: `removed event ${event.decisionId}#${event.seq}`,
        names: (b) => (last ? sealedTruncation(b) || (b.decisionId === event.decisionId && b.seq === 0) : at(b) && b.reason === 'missing_event'),
      };
    }
    const other = chain[op.other % chain.length]!;
    if (other.seq === event.seq) return null;
    await raw.updateEvent(event.decisionId, event.seq, (doc) => replaceContent(doc, { ...other, seq: event.seq }, ['_id', 'seq']));
    await raw.updateEvent(event.decisionId, other.seq, (doc) => replaceContent(doc, { ...event, seq: other.seq }, ['_id', 'seq']));
    const firstSeq = Math.min(event.seq, other.seq);
    return {
      describe: `swapped events ${event.decisionId}#${event.seq} and #${other.seq}`,
      names: (b) => b.decisionId === event.decisionId && b.seq === firstSeq,
    };
  }

  const anchor = anchors[op.pick % anchors.length]!;
  if (op.op === 'alter') {
    const paths = leafPaths(anchor);
    const path = paths[op.path % paths.length]!;
    if (canonicalJson(getPath(anchor, path) ?? null) === canonicalJson(op.value)) return null;
    await raw.updateAnchor(anchor.seq, (doc) => setPath(doc, path, op.value));
    return {
      describe: `anchor ${anchor.seq} field ${path.join('.')}`,
      names: (b) => b.anchorSeq === anchor.seq && (b.reason === 'anchor_altered' || b.reason === 'anchor_signature'),
    };
  }
  if (op.op === 'forge') {
    // Without the signing key the forger keeps the old signature; the next anchor's prevHash also breaks.
    const forged: Anchor = { ...anchor, chains: anchor.chains + op.delta };
    forged.hash = anchorHash(forged);
    await raw.updateAnchor(anchor.seq, (doc) => replaceContent(doc, forged as unknown as Doc, ['_id', 'seq']));
    return { describe: `forged anchor ${anchor.seq}`, names: (b) => b.anchorSeq === anchor.seq && b.reason === 'anchor_signature' };
  }
  if (op.op === 'remove') {
    // The newest anchor has no successor to miss it: removing it leaves the log exactly as it was
    // before that anchor was made, which only a copy kept elsewhere can show (see the report).
    if (anchor.seq === latest.seq) return null;
    await raw.deleteAnchor(anchor.seq);
    return { describe: `removed anchor ${anchor.seq}`, names: (b) => b.reason === 'anchor_altered' && b.anchorSeq === anchor.seq + 1 };
  }
  const other = anchors[op.other % anchors.length]!;
  if (other.seq === anchor.seq) return null;
  await raw.updateAnchor(anchor.seq, (doc) => replaceContent(doc, { ...other, seq: anchor.seq }, ['_id', 'seq']));
  await raw.updateAnchor(other.seq, (doc) => replaceContent(doc, { ...anchor, seq: other.seq }, ['_id', 'seq']));
  return {
    describe: `swapped anchors ${anchor.seq} and ${other.seq}`,
    names: (b) => b.reason === 'anchor_altered' && b.anchorSeq === Math.min(anchor.seq, other.seq),
  };
}

for (const kind of storeKinds()) {
  // FerretDB spends ~3 ms a write and builds indexes for each fresh database: fewer runs there.
  const numRuns = Number(process.env.TAMPER_RUNS) || (kind.name === 'sqlite' ? 30 : 8);
  describe(`tampering with the stored log [${kind.name}]`, () => {
    it(`names any one altered, removed or reordered decision, event or anchor (${numRuns} runs)`, async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(tamperArb, async (op) => {
          const t = await kind.open();
          try {
            const { ids, verify } = await buildLog(t, run++);
            expect(await verify()).toMatchObject({ ok: true, chains: 4, anchors: 2 });
            const expectation = await tamper(t.store, t, ids, op);
            fc.pre(expectation !== null);
            const result = await verify();
            expect(result.ok, `${expectation!.describe}: ${JSON.stringify(result)}`).toBe(false);
            expect(expectation!.names(result.brokenAt), `${expectation!.describe} was not named: ${JSON.stringify(result.brokenAt)}`).toBe(true);
          } finally {
            await t.dispose();
          }
        }),
        { seed: 20_261_125, numRuns, endOnFailure: true },
      );
    }, 120_000);

    it('names a decision whose effective outcome (what the member is billed on) was changed', async () => {
      const t = await kind.open();
      try {
        const { ids, verify } = await buildLog(t, 1000);
        await t.raw.updateDecision(ids[0]!, (doc) => void (doc.effectiveOutcome.newPremiumCents = 1));
        expect((await verify()).brokenAt).toMatchObject({ decisionId: ids[0], seq: 0, reason: 'altered' });
        await t.raw.updateDecision(ids[0]!, (doc) => void (doc.effectiveOutcome.newPremiumCents = 110_000));
        expect((await verify()).ok).toBe(true);
        await t.raw.updateDecision(ids[3]!, (doc) => void (doc.overridden = true));
        expect((await verify()).brokenAt).toMatchObject({ decisionId: ids[3], seq: 0, reason: 'altered' });
      } finally {
        await t.dispose();
      }
    });
  });
}
