import type { DecisionType } from '@shared/schemas/common';
import type { Decision, DecisionOutput } from '@shared/schemas/decision';
import type { CaseOrigin, CaseStatus } from '@shared/schemas/case';
import type { z } from 'zod';
import type { ModelEntry } from '@shared/schemas/model';
import type { Anchor } from '@shared/schemas/audit';
import type { User } from '@shared/schemas/session';
import type { DecisionToInsert } from './ingest-follow-ups';

export type { DecisionToInsert, IngestFollowUps } from './ingest-follow-ups';

/**
 * The storage port. Domain-shaped and small on purpose: every method is one single-document
 * atomic write or an indexed read, so the same services run on SQLite, a MongoDB replica set,
 * a sharded cluster (shard key: decision id) and FerretDB, none of which need transactions.
 */
export interface Store {
  readonly kind: 'sqlite' | 'mongodb';
  decisions: DecisionRepo;
  events: EventRepo;
  anchors: AnchorRepo;
  cases: CaseRepo;
  outbox: OutboxRepo;
  models: ModelRepo;
  holds: LegalHoldRepo;
  staffLog: StaffLogRepo;
  users: UserRepo;
  sessions: SessionRepo;
  loginFailures: LoginFailureRepo;
  leases: LeaseRepo;
  rollups: RollupRepo;
  meta: MetaRepo;
  /** Makes erased data unrecoverable from the store's files where the engine allows it. */
  purgeFreedSpace(): Promise<void>;
  /**
   * A cheap round trip (readiness): throws when the store does not answer, or when its schema is
   * not the one this version migrates to (say, a newer version has migrated the file since).
   */
  checkReady(): Promise<void>;
  close(): Promise<void>;
}

/** A recorded decision plus what the chain needs: the body digest for idempotent replays and the
 * salted digest that commits to personal data without containing it (so erasure keeps chains valid). */
export type StoredDecision = Decision & {
  bodyHash: string;
  personalSalt: string | null;
  personalDigest: string;
};

export interface DecisionFilter {
  type?: DecisionType;
  memberId?: string;
  modelId?: string;
  modelVersion?: string;
  /** Inclusive bounds on decidedAt, as UTC ISO strings. */
  from?: string;
  to?: string;
  /** Restricts to these types (a reviewer's scopes). */
  types?: DecisionType[];
}

/** Keyset position: the list is ordered by decidedAt, then id, both descending. */
export interface DecisionPageKey {
  decidedAt: string;
  id: string;
}

export interface DecisionRepo {
  /**
   * Inserts those whose id is new; ids already present are reported, never overwritten. Then
   * writes the follow-ups of exactly the decisions it inserted (see ingest-follow-ups.ts): SQLite
   * in the same transaction (one commit per batch, nothing lost in a crash), MongoDB right after,
   * one document at a time.
   */
  insertMany(items: readonly DecisionToInsert[]): Promise<{ inserted: string[]; duplicates: string[] }>;
  get(id: string): Promise<StoredDecision | null>;
  getMany(ids: string[]): Promise<StoredDecision[]>;
  page(filter: DecisionFilter, after: DecisionPageKey | null, limit: number): Promise<StoredDecision[]>;
  /** The earliest decidedAt of a model version within [from, to] (inclusive instants), null without any; one index read. */
  firstDecidedAt(model: { id: string; version: string }, from: string, to: string): Promise<string | null>;
  /** Every decision in id order, streamed (verification and anchors). */
  scanById(): AsyncIterable<StoredDecision>;
  count(): Promise<number>;
  /** The effective outcome is a projection of the chain (approved overrides); the original stays. */
  setEffectiveOutcome(id: string, effectiveOutcome: DecisionOutput, overridden: boolean): Promise<void>;
  /** Rewrites a decision whose personal data was erased; the chain fields stay as they were. */
  replaceErased(record: StoredDecision): Promise<void>;
}

export type EventAction =
  | 'objection_filed'
  | 'sampled'
  | 'assigned'
  | 'comment'
  | 'resolution_proposed'
  | 'resolved'
  | 'approved'
  | 'rejected'
  | 'extended'
  | 'withdrawn'
  | 'erased';

export interface EventActor {
  id: string;
  role: string;
}

/** One link of a decision's hash chain (seq >= 1; seq 0 is the decision itself). */
export interface ChainEvent {
  decisionId: string;
  seq: number;
  action: EventAction;
  at: string;
  actor: EventActor;
  caseId: string | null;
  /** What changed, free of personal data (states, versions, outcomes). */
  data: Record<string, unknown>;
  /** Personal content (statements, comments); removed on erasure, its digest stays in the chain. */
  personal: Record<string, unknown> | null;
  personalSalt: string | null;
  personalDigest: string | null;
  prevHash: string;
  hash: string;
}

export interface EventRepo {
  /** Rejects with DuplicateKeyError when (decisionId, seq) is taken: two writers never fork a chain. */
  append(event: ChainEvent): Promise<void>;
  list(decisionId: string): Promise<ChainEvent[]>;
  last(decisionId: string): Promise<ChainEvent | null>;
  /** Every event ordered by decisionId, then seq, streamed. */
  scanByChain(): AsyncIterable<ChainEvent>;
  count(): Promise<number>;
  /** Events at or after `at`, oldest first (projection repair after a crash). */
  since(at: string, limit: number): Promise<ChainEvent[]>;
  /** Drops the personal part (and its salt) of every event of a chain; digests and hashes stay. */
  erasePersonal(decisionId: string): Promise<void>;
  /** The audit browser: newest first, keyset-paged. */
  page(filter: EventFilter, after: EventPageKey | null, limit: number): Promise<ChainEvent[]>;
}

export interface EventFilter {
  decisionId?: string;
  caseId?: string;
  actorId?: string;
  action?: EventAction;
  /** Inclusive bounds on the event time. */
  from?: string;
  to?: string;
}

export interface EventPageKey {
  at: string;
  decisionId: string;
  seq: number;
}

/** A case as stored: the wire case without the derived `overdue`, plus the member it concerns. */
export interface StoredCase {
  id: string;
  decisionId: string;
  decisionType: DecisionType;
  memberId: string | null;
  origin: z.infer<typeof CaseOrigin>;
  channel: 'portal' | 'phone' | 'post' | null;
  status: CaseStatus;
  resolution: 'confirmed' | 'overridden' | null;
  statement: string | null;
  requestedOutcome: string | null;
  receivedAt: string;
  dueAt: string;
  originalDueAt: string;
  extension: { months: number; reason: string; at: string } | null;
  assignee: string | null;
  proposal: { outcome: 'confirm' | 'override'; override: Record<string, unknown> | null; rationale: string; proposedBy: string; proposedAt: string } | null;
  resolutionRationale: string | null;
  openedAt: string;
  closedAt: string | null;
  version: number;
}

export interface CaseFilter {
  status?: CaseStatus;
  /** Any of these statuses (e.g. the active ones). */
  statuses?: CaseStatus[];
  type?: DecisionType;
  types?: DecisionType[];
  origin?: StoredCase['origin'];
  assignee?: string;
  memberId?: string;
  /** Only cases due at or after this instant. */
  dueFrom?: string;
  /** Only cases due before this instant. */
  dueBefore?: string;
}

/** Keyset position: cases are listed by due date, soonest first, then id. */
export interface CasePageKey {
  dueAt: string;
  id: string;
}

export interface CaseRepo {
  /** Writes the whole case (a projection of its chain events); never replaces a newer version. */
  put(c: StoredCase): Promise<void>;
  get(id: string): Promise<StoredCase | null>;
  listForDecision(decisionId: string): Promise<StoredCase[]>;
  page(filter: CaseFilter, after: CasePageKey | null, limit: number): Promise<StoredCase[]>;
  count(filter: CaseFilter): Promise<number>;
}

export interface OutboxMessage {
  /** Derived from the chain event, so a repeated write is a no-op. */
  id: string;
  caseId: string;
  memberId: string | null;
  /** outcome_changed: a sample review (which the member never sees) changed a decision about them. */
  kind: 'received' | 'extended' | 'resolved' | 'withdrawn' | 'outcome_changed';
  createdAt: string;
  deliveredAt: string | null;
}

export interface OutboxRepo {
  /** Idempotent by id. */
  add(message: OutboxMessage): Promise<void>;
  pending(limit: number): Promise<OutboxMessage[]>;
  /** createdAt of the oldest undelivered message, or null (monitoring: how far delivery lags). */
  oldestPendingAt(): Promise<string | null>;
  markDelivered(id: string, at: string): Promise<void>;
  /** Forgets which member a message was for. */
  eraseMember(memberId: string): Promise<void>;
}

export interface ModelRepo {
  /** Replaces the entry for (modelId, version). */
  put(entry: ModelEntry): Promise<void>;
  get(modelId: string, version: string): Promise<ModelEntry | null>;
  list(): Promise<ModelEntry[]>;
}

export interface LegalHold {
  memberId: string;
  reason: string;
  setBy: string;
  setAt: string;
}

export interface LegalHoldRepo {
  put(hold: LegalHold): Promise<void>;
  get(memberId: string): Promise<LegalHold | null>;
  delete(memberId: string): Promise<void>;
  list(): Promise<LegalHold[]>;
}

/** What staff did outside any one decision's chain (exports on request, erasures, holds), hash-chained. */
export interface StaffLogEntry {
  seq: number;
  at: string;
  actor: EventActor;
  action: 'member_export' | 'erasure' | 'legal_hold_set' | 'legal_hold_lifted' | 'retention_run' | 'model_registered' | 'sign_in_throttle_lifted';
  /** Never a member id in the clear: a keyed digest, so the log itself holds no personal data. */
  subjectDigest: string | null;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface StaffLogRepo {
  /** Rejects with DuplicateKeyError when the seq is taken. */
  append(entry: StaffLogEntry): Promise<void>;
  latest(): Promise<StaffLogEntry | null>;
  list(): Promise<StaffLogEntry[]>;
}

export interface AnchorRepo {
  /** Rejects with DuplicateKeyError when the seq is taken (two processes anchoring at once). */
  append(anchor: Anchor): Promise<void>;
  latest(): Promise<Anchor | null>;
  list(): Promise<Anchor[]>;
}

export type StoredUser = User & { passwordHash: string; createdAt: string };

export interface UserRepo {
  insert(user: StoredUser): Promise<void>;
  byUsername(username: string): Promise<StoredUser | null>;
  byId(id: string): Promise<StoredUser | null>;
  list(): Promise<StoredUser[]>;
  /** Removes the accounts of a member (erasure) and returns their ids. */
  deleteByMemberId(memberId: string): Promise<string[]>;
}

export interface StoredSession {
  /** SHA-256 of the cookie token: a copy of the store does not hand out live sessions. */
  tokenHash: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export interface SessionRepo {
  insert(session: StoredSession): Promise<void>;
  get(tokenHash: string): Promise<StoredSession | null>;
  touch(tokenHash: string, lastSeenAt: string): Promise<void>;
  delete(tokenHash: string): Promise<void>;
  deleteForUser(userId: string): Promise<void>;
}

/** The failed sign-ins of one throttle key since some instant: how many, the first and the last. */
export interface LoginFailureSummary {
  count: number;
  first: string | null;
  last: string | null;
}

/** Failed sign-ins by throttle key; keys are keyed digests, never a name or address in the clear. */
export interface LoginFailureRepo {
  record(key: string, at: string): Promise<void>;
  summarySince(key: string, since: string): Promise<LoginFailureSummary>;
  clear(key: string): Promise<void>;
  /** Clears every key that starts with `prefix` (one name's throttles from every address). */
  clearPrefix(prefix: string): Promise<void>;
  /** Forgets failures older than `before`, whatever their key; answers how many went. */
  deleteBefore(before: string): Promise<number>;
}

/** The smallest string above every string that starts with `prefix`: a range scan's upper bound. */
export const prefixEnd = (prefix: string) => prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

/** Facts about the store itself (such as "demo data was seeded"), one small named value each. */
export interface MetaRepo {
  get(name: string): Promise<string | null>;
  /** Sets the value unless the name has one already (unique key): true when this call set it. */
  putIfAbsent(name: string, value: string): Promise<boolean>;
}

export interface LeaseRepo {
  /** True when `holder` holds the named lease for the current term of length ttl; taking a new term deletes long-ended ones (see leases.ts). */
  tryAcquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean>;
}

/**
 * Where a rollup's counters belong: one UTC day (of decidedAt) × type × model version, either for
 * all its decisions (attribute and group '') or for one group of a monitored attribute.
 */
export interface RollupKey {
  day: string;
  type: DecisionType;
  modelId: string;
  modelVersion: string;
  attribute: string;
  group: string;
}

/** Integer counters by name (names are free text: reason codes, reviewer ids). */
export type RollupCounters = Record<string, number>;

export interface Rollup extends RollupKey {
  counters: RollupCounters;
}

export interface RollupFilter {
  /** Inclusive bounds on the day, YYYY-MM-DD. */
  from?: string;
  to?: string;
  type?: DecisionType;
  modelId?: string;
  modelVersion?: string;
  /** '' for the decision-level rollups; omitted for every rollup. */
  attribute?: string;
  /**
   * The counters the caller reads (a name ending in ':' stands for every name with that prefix).
   * A hint: a store may return more, never fewer; omitted means all.
   */
  counters?: readonly string[];
}

/**
 * Derived counters kept current on every write, so metrics never scan the decision log
 * (DESIGN §5). They may drift after a crash between a write and its rollup increment;
 * `npm run rollups:rebuild` recomputes them from the log.
 */
export interface RollupRepo {
  /** Adds the counters to this key's counts, exactly, whatever else writes at the same time. */
  increment(key: RollupKey, counters: RollupCounters): Promise<void>;
  /**
   * The same for many keys at once: one transaction of upserts on SQLite; on MongoDB one insert
   * of delta documents, folded into the key's document later (see mongo-rollups.ts for why).
   */
  incrementMany(rollups: Rollup[]): Promise<void>;
  /** One rollup per key, its counters summed. */
  list(filter: RollupFilter): Promise<Rollup[]>;
  /** Swaps the whole set for a rebuilt one. */
  replaceAll(rollups: Rollup[]): Promise<void>;
  clear(): Promise<void>;
}

export class DuplicateKeyError extends Error {
  constructor(what: string) {
    super(`duplicate key: ${what}`);
    this.name = 'DuplicateKeyError';
  }
}
