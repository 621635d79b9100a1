import { MAX_BATCH, type BatchResult, type Decision, type DecisionListQuery, type DecisionPage } from '@shared/schemas/decision';
import type { ProblemFieldError } from '@shared/schemas/problem';
import { isMemberCase, type DecisionDetail } from '@shared/schemas/case';
import { toWireCase } from '../domain/case-views';
import { memberSafe, restrictionOf, toWire } from '../domain/decision-views';
import type { User } from '@shared/schemas/session';
import { canReadDecision, isStaff, visibleTypes } from '@shared/auth/permissions';
import type { Clock } from '../clock';
import { AppError, conflict, notFound, payloadTooLarge, validationFailed } from '../domain/errors';
import type { DecisionType } from '@shared/schemas/common';
import type { Policies } from '../domain/policies';
import type { DecisionFilter, IngestFollowUps, Store, StoredDecision } from '../storage/store';
import { decodeCursor, encodeCursor } from '../domain/cursor';
import { toRecord, validateItem } from './ingest';
import { checkSupersedes, linkSupersession, type ChainHeadOf } from '../domain/supersession';
import type { HumanReviewReason } from '@shared/schemas/automation-preferences';

/**
 * What a new decision sets off (its sample case, its rollups), as plain data computed before the
 * write; the store writes it only if the decision turns out new (see ingest-follow-ups.ts).
 */
export type IngestFollowUpsOf = (decision: StoredDecision, now: Date, reasons?: readonly HumanReviewReason[]) => IngestFollowUps;

/**
 * Issue 18: what the members of a batch asked for (a person in decisions of a type, consent
 * withdrawn), read once per batch, never per decision. Answers, per decision id, why it must be
 * reviewed by a person, and amends those records before they are written (the finding
 * consent_withdrawn, and the hash that commits to it).
 */
export type StandingRequestsOf = (records: StoredDecision[]) => Promise<ReadonlyMap<string, readonly HumanReviewReason[]>>;

const typeNotAllowed = (errors: ProblemFieldError[]) =>
  new AppError(403, 'ingest_type_not_allowed', 'Forbidden', 'This ingest key may not write decisions of this type. Nothing was stored.', errors);

/** Bounds the size of a refusal: a 10,000-item batch with many errors each still names every item. */
const MAX_REPORTED_ERRORS = 20_000;

/** The newest event's slot: enough where no case projection can lag (tests); the app passes consistentHead. */
const lastEventHead =
  (store: Store): ChainHeadOf =>
  async (decision) => {
    const last = await store.events.last(decision.id);
    return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: decision.hash };
  };

export function createDecisionService(deps: {
  store: Store;
  clock: Clock;
  policies: Policies;
  followUpsOf?: IngestFollowUpsOf;
  headOf?: ChainHeadOf;
  standingRequestsOf?: StandingRequestsOf;
}) {
  const { store, clock, policies, followUpsOf, standingRequestsOf } = deps;
  const linking = { store, clock, headOf: deps.headOf ?? lastEventHead(store) };

  /**
   * Stores validated decisions idempotently: same key and same body is a duplicate (not an error),
   * same key and another body is a conflict. Conflicts are found before anything is written,
   * so a refused batch stores nothing.
   */
  async function storeRecords(records: StoredDecision[], pathOf: (index: number) => string) {
    const conflicts: ProblemFieldError[] = [];
    const firstById = new Map<string, { index: number; bodyHash: string }>();
    const fresh: StoredDecision[] = [];
    records.forEach((record, index) => {
      const first = firstById.get(record.id);
      if (!first) {
        firstById.set(record.id, { index, bodyHash: record.bodyHash });
        fresh.push(record);
      } else if (first.bodyHash !== record.bodyHash) {
        conflicts.push({ path: `${pathOf(index)}idempotencyKey`, message: `same key as ${pathOf(first.index) || 'another item'} with a different body` });
      }
    });
    const existing = new Map((await store.decisions.getMany([...firstById.keys()])).map((d) => [d.id, d]));
    records.forEach((record, index) => {
      const stored = existing.get(record.id);
      if (stored && stored.bodyHash !== record.bodyHash && firstById.get(record.id)?.index === index) {
        conflicts.push({ path: `${pathOf(index)}idempotencyKey`, message: 'this key was already used for a different decision' });
      }
    });
    if (conflicts.length) {
      throw conflict('idempotency_conflict', 'An idempotency key was reused with a different body. Nothing was stored.', undefined, conflicts);
    }
    const toInsert = fresh.filter((r) => !existing.has(r.id));
    const now = clock.now();
    const asked = standingRequestsOf && toInsert.length ? await standingRequestsOf(toInsert) : null;
    const items = toInsert.map((decision) => ({ decision, followUps: followUpsOf?.(decision, now, asked?.get(decision.id)) }));
    const { inserted, duplicates: raced } = await store.decisions.insertMany(items);
    // A concurrent writer may have stored the same key between our read and our insert.
    if (raced.length) {
      const winners = await store.decisions.getMany(raced);
      const ours = new Map(toInsert.map((r) => [r.id, r]));
      const lost = winners.filter((w) => w.bodyHash !== ours.get(w.id)?.bodyHash);
      if (lost.length) throw conflict('idempotency_conflict', `A concurrent request stored a different body for ${lost.length} key(s).`);
    }
    const insertedSet = new Set(inserted);
    const newRecords = toInsert.filter((r) => insertedSet.has(r.id));
    return { inserted: newRecords, existing };
  }

  return {
    /** `types`: the decision types the caller's key may write (null: every type). */
    async ingestOne(raw: unknown, types: readonly DecisionType[] | null = null): Promise<{ created: boolean; decision: Decision }> {
      const item = validateItem(raw, clock.now(), '', policies.ingest.decidedAtFloor);
      if (!item.ok) throw validationFailed(item.errors);
      if (types && !types.includes(item.decision.type)) throw typeNotAllowed([{ path: 'type', message: `this key may not write ${item.decision.type}` }]);
      const record = toRecord(item.decision, clock.now(), policies);
      await checkSupersedes(store, [record], () => '');
      const { inserted, existing } = await storeRecords([record], () => '');
      const stored = inserted[0] ?? existing.get(record.id) ?? (await store.decisions.get(record.id))!;
      // Also for a replay: it completes a link a crash left half-written.
      await linkSupersession(linking, stored);
      return { created: inserted.length === 1, decision: toWire(stored) };
    },

    /** Validates the whole batch first: one bad item and nothing is stored, every bad item named. */
    async ingestBatch(items: AsyncIterable<unknown> | Iterable<unknown>, types: readonly DecisionType[] | null = null): Promise<BatchResult> {
      const now = clock.now();
      const valid: StoredDecision[] = [];
      const errors: ProblemFieldError[] = [];
      let index = 0;
      for await (const raw of items) {
        if (index >= MAX_BATCH) throw payloadTooLarge('batch_too_large', `A batch holds at most ${MAX_BATCH} decisions.`);
        const item = validateItem(raw, now, `decisions[${index}]`, policies.ingest.decidedAtFloor);
        if (item.ok) {
          if (errors.length === 0) valid.push(toRecord(item.decision, now, policies));
        } else if (errors.length < MAX_REPORTED_ERRORS) {
          errors.push(...item.errors.slice(0, Math.max(1, MAX_REPORTED_ERRORS - errors.length)));
        }
        index++;
      }
      if (errors.length) {
        const bad = new Set(errors.map((e) => e.path.match(/^decisions\[\d+\]/)?.[0])).size;
        throw validationFailed(errors, `${bad} of ${index} decisions are invalid. Nothing was stored.`);
      }
      // A key held to some types writes none of a batch that holds another type.
      const refused = types
        ? valid.flatMap((d, i) => (types.includes(d.type) ? [] : [{ path: `decisions[${i}].type`, message: `this key may not write ${d.type}` }]))
        : [];
      if (refused.length) throw typeNotAllowed(refused.slice(0, MAX_REPORTED_ERRORS));
      await checkSupersedes(store, valid, (i) => `decisions[${i}].`);
      const { inserted } = await storeRecords(valid, (i) => `decisions[${i}].`);
      for (const record of valid) if (record.supersedes) await linkSupersession(linking, record);
      return { accepted: inserted.length, duplicates: valid.length - inserted.length, ids: valid.map((r) => r.id) };
    },

    async list(user: User, query: DecisionListQuery): Promise<DecisionPage> {
      const filter: DecisionFilter = {
        type: query.type,
        memberId: query.memberId,
        modelId: query.modelId,
        modelVersion: query.modelVersion,
        from: query.from,
        to: query.to,
      };
      const empty = { items: [], nextCursor: null };
      if (!isStaff(user)) {
        // Members only ever list their own decisions, whatever they ask for.
        if (!user.memberId || (query.memberId && query.memberId !== user.memberId)) return empty;
        filter.memberId = user.memberId;
      } else {
        const types = visibleTypes(user);
        if (types !== 'all') {
          if (query.type && !types.includes(query.type)) return empty;
          if (types.length === 0) return empty;
          filter.types = types;
        }
      }
      const after = query.cursor ? decodeCursor<[string, string]>(query.cursor, ['string', 'string']) : null;
      const rows = await store.decisions.page(filter, after ? { decidedAt: after[0], id: after[1] } : null, query.limit + 1);
      const items = rows.slice(0, query.limit);
      const last = items[items.length - 1];
      return {
        items: await Promise.all(
          items.map(async (d) => (isStaff(user) || d.type !== 'fraud_flag' ? toWire(d) : memberSafe(user, toWire(d), await store.cases.listForDecision(d.id)))),
        ),
        nextCursor: rows.length > query.limit && last ? encodeCursor([last.decidedAt, last.id]) : null,
      };
    },

    /** 404 for what the caller may not read, exactly as for what does not exist. */
    async get(user: User, id: string): Promise<DecisionDetail> {
      const record = await store.decisions.get(id);
      if (!record || !canReadDecision(user, record)) throw notFound(`No decision ${id}.`);
      const allCases = await store.cases.listForDecision(id);
      const cases = allCases.filter((c) => isStaff(user) || isMemberCase(c)).map((c) => toWireCase(c, clock.now(), user));
      return {
        ...memberSafe(user, toWire(record), allCases),
        restriction: restrictionOf(allCases),
        cases,
        corrections: cases.flatMap((c) => c.corrections ?? []),
        supersedes: record.supersedes ?? null,
        supersededBy: record.supersededBy ?? null,
      };
    },
  };
}

export type DecisionService = ReturnType<typeof createDecisionService>;
