import type { DecisionType } from '@shared/schemas/common';
import type { DecisionOutput } from '@shared/schemas/decision';
import type { CaseStatus } from '@shared/schemas/case';
import type { ModelEntry } from '@shared/schemas/model';
import type { Anchor } from '@shared/schemas/audit';
import type { DisclosureState, RecipientKind } from '@shared/schemas/disclosure';
import type { Monitor, MonitorAlert } from '@shared/schemas/monitors';
import type { DecisionToInsert } from './ingest-follow-ups';
import type {
  AttachmentMeta,
  StoredAttachment,
  StoredMemberRequest,
  StoredDisclosure,
  ChainEvent,
  EventAction,
  LegalHold,
  OutboxMessage,
  Delivery,
  WebhookSubscription,
  Rollup,
  RollupCounters,
  RollupKey,
  StaffLogEntry,
  StoredCase,
  StoredContact,
  StoredDecision,
  StoredIngestKey,
  StoredSession,
  StoredUser,
} from '../domain/entities';

// The entities moved to the domain; re-exported so the port's users keep one import.
export type {
  AttachmentMeta,
  StoredAttachment,
  StoredMemberRequest,
  StoredDisclosure,
  StoredDecision,
  EventAction,
  EventActor,
  ChainEvent,
  StoredCase,
  StoredContact,
  OutboxMessage,
  OutboundEvent,
  Delivery,
  DeliveryAttempt,
  DeliveryChannel,
  WebhookSecret,
  WebhookSubscription,
  LegalHold,
  StaffLogEntry,
  StoredUser,
  StoredSession,
  StoredIngestKey,
  RollupKey,
  RollupCounters,
  Rollup,
} from '../domain/entities';

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
  /** Frozen governance reports, chained by seq like the anchors. */
  reports: ReportRepo;
  cases: CaseRepo;
  outbox: OutboxRepo;
  deliveries: DeliveryRepo;
  webhooks: WebhookSubscriptionRepo;
  models: ModelRepo;
  holds: LegalHoldRepo;
  contacts: ContactRepo;
  /** Documents members add to their cases, bytes and all. */
  attachments: AttachmentRepo;
  /** Requests members file in the portal: erasure and the other rights (kind says which). */
  memberRequests: MemberRequestRepo;
  /** The register of disclosures of fraud cases to recipients outside the insurer. */
  disclosures: DisclosureRepo;
  /** Members' standing requests for a person and consent withdrawals, one document per member. */
  memberPreferences: MemberPreferencesRepo;
  staffLog: StaffLogRepo;
  users: UserRepo;
  sessions: SessionRepo;
  ingestKeys: IngestKeyRepo;
  loginFailures: LoginFailureRepo;
  leases: LeaseRepo;
  rollups: RollupRepo;
  meta: MetaRepo;
  /** Governance's thresholds per model (monitors) and the alerts their crossings raised. */
  monitors: MonitorRepo;
  monitorAlerts: MonitorAlertRepo;
  /** Makes erased data unrecoverable from the store's files where the engine allows it. */
  purgeFreedSpace(): Promise<void>;
  /**
   * A cheap round trip (readiness): throws when the store does not answer, or when its schema is
   * not the one this version migrates to (say, a newer version has migrated the file since).
   */
  checkReady(): Promise<void>;
  close(): Promise<void>;
}

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
  /** Ids of at most `limit` decisions whose subject's claim id or policy id is exactly `ref`; an index read each. */
  idsBySubjectRef(ref: string, limit: number): Promise<string[]>;
  /** The earliest decidedAt of a model version within [from, to] (inclusive instants), null without any; one index read. */
  firstDecidedAt(model: { id: string; version: string }, from: string, to: string): Promise<string | null>;
  /** Every decision in id order, streamed (verification and anchors). */
  scanById(): AsyncIterable<StoredDecision>;
  count(): Promise<number>;
  /** The effective outcome is a projection of the chain (approved overrides); the original stays. */
  setEffectiveOutcome(id: string, effectiveOutcome: DecisionOutput, overridden: boolean): Promise<void>;
  /** Rewrites a decision whose personal data was erased; the chain fields stay as they were. */
  replaceErased(record: StoredDecision): Promise<void>;
  /**
   * Rectification: marks `oldId` as superseded by `newId` and makes `effectiveOutcome` its
   * effective outcome, in one atomic write, unless another decision already superseded it
   * (compare-and-set on `supersededBy`). True when `oldId` is now superseded by `newId`
   * (written now or before: idempotent); false when it is not there or another took it.
   * Concurrent successors are decided before this by the `superseded` event's chain slot (FerretDB
   * does not make a filtered update atomic against another), so it only ever projects the winner.
   */
  linkSuperseded(oldId: string, newId: string, effectiveOutcome: DecisionOutput): Promise<boolean>;
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

export interface CaseFilter {
  status?: CaseStatus;
  /** Any of these statuses (e.g. the active ones). */
  statuses?: CaseStatus[];
  type?: DecisionType;
  types?: DecisionType[];
  origin?: StoredCase['origin'];
  /** Any of these origins (a member's own: their objections and the reviews they asked for). */
  origins?: StoredCase['origin'][];
  assignee?: string;
  memberId?: string;
  /** Only cases due at or after this instant. */
  dueFrom?: string;
  /** Only cases due before this instant. */
  dueBefore?: string;
  /** Only cases of these decisions (a search by claim or policy, see DecisionRepo.idsBySubjectRef). */
  decisionIds?: string[];
  /** Only cases whose proposal was made by someone else (an approver's inbox). */
  notProposedBy?: string;
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

export interface OutboxRepo {
  /** Idempotent by id. */
  add(message: OutboxMessage): Promise<void>;
  pending(limit: number): Promise<OutboxMessage[]>;
  /** createdAt of the oldest undelivered message, or null (monitoring: how far delivery lags). */
  oldestPendingAt(): Promise<string | null>;
  markDelivered(id: string, at: string): Promise<void>;
  /** Replaces an entry by id (an erasure notice handed over forgets the member it named). */
  replace(message: OutboxMessage): Promise<void>;
  /** Forgets which member a message was for. */
  eraseMember(memberId: string): Promise<void>;
}

export interface DeliveryRepo {
  /** Idempotent by id: a second fan-out of the same entry writes nothing. */
  add(delivery: Delivery): Promise<void>;
  get(id: string): Promise<Delivery | null>;
  /** Replaces a delivery (its status, attempts and log); only the lease holder writes. */
  put(delivery: Delivery): Promise<void>;
  /** Pending deliveries whose next attempt is due at `now`, the longest waiting first. */
  due(now: string, limit: number): Promise<Delivery[]>;
  /** The lane's earliest pending delivery by (seq, position): the only one that may go out. */
  head(lane: string): Promise<Delivery | null>;
  /** A destination's deliveries, newest first; optionally only those of one status. */
  forDestination(channel: Delivery['channel'], destinationId: string, status: Delivery['status'] | null, limit: number): Promise<Delivery[]>;
  /** Counts per status and the creation time of the oldest pending delivery (governance). */
  stats(): Promise<{ pending: number; delivered: number; dead: number; oldestPendingAt: string | null }>;
  /** Forgets the member in deliveries not yet made, except the erasure notice itself. */
  eraseMember(memberId: string): Promise<void>;
}

export interface WebhookSubscriptionRepo {
  /** Rejects with DuplicateKeyError when the id is taken. */
  add(subscription: WebhookSubscription): Promise<void>;
  get(id: string): Promise<WebhookSubscription | null>;
  put(subscription: WebhookSubscription): Promise<void>;
  /** Oldest first. */
  list(): Promise<WebhookSubscription[]>;
}

export interface ModelRepo {
  /** Replaces the entry for (modelId, version). */
  put(entry: ModelEntry): Promise<void>;
  get(modelId: string, version: string): Promise<ModelEntry | null>;
  list(): Promise<ModelEntry[]>;
}

export interface LegalHoldRepo {
  put(hold: LegalHold): Promise<void>;
  get(memberId: string): Promise<LegalHold | null>;
  delete(memberId: string): Promise<void>;
  list(): Promise<LegalHold[]>;
}

/** Member contact data, one record per member. */
export interface ContactRepo {
  /** Replaces the member's record. */
  put(contact: StoredContact): Promise<void>;
  get(memberId: string): Promise<StoredContact | null>;
  /** Removes the member's record (erasure); true when there was one. */
  delete(memberId: string): Promise<boolean>;
}

/** Case documents. The bytes are read one document at a time; lists carry only what describes them. */
export interface AttachmentRepo {
  /** Rejects with DuplicateKeyError when the id is taken. */
  add(attachment: StoredAttachment): Promise<void>;
  /** One document with its bytes. */
  get(id: string): Promise<StoredAttachment | null>;
  /** A case's documents, oldest first, without bytes. */
  listForCase(caseId: string): Promise<AttachmentMeta[]>;
  /** A member's documents on every case, oldest first, without bytes (export, erasure). */
  listForMember(memberId: string): Promise<AttachmentMeta[]>;
  delete(id: string): Promise<void>;
  /** Removes every document of a member (erasure); answers how many went. */
  deleteForMember(memberId: string): Promise<number>;
}

/** Members' requests, one record each; an admin's change replaces the record. */
export interface MemberRequestRepo {
  /** Inserts or replaces by id. */
  put(request: StoredMemberRequest): Promise<void>;
  /**
   * Replaces the request only if its version is still `expectedVersion` (a request stored without
   * a version counts as version 1). False when someone else changed it first.
   */
  compareAndSet(id: string, expectedVersion: number, next: StoredMemberRequest): Promise<boolean>;
  get(id: string): Promise<StoredMemberRequest | null>;
  /** Every request, newest first (the admin's list). */
  list(): Promise<StoredMemberRequest[]>;
  /** One member's requests, newest first. */
  forMember(memberId: string): Promise<StoredMemberRequest[]>;
}

export interface DisclosureFilter {
  /** Inclusive bounds on proposedAt. */
  from?: string;
  to?: string;
  kind?: RecipientKind;
  state?: DisclosureState;
}

export interface DisclosurePageKey {
  proposedAt: string;
  id: string;
}

/** The disclosure register: one record per disclosure, changed only by compare-and-set. */
export interface DisclosureRepo {
  /** Rejects with DuplicateKeyError when the id is taken. */
  insert(disclosure: StoredDisclosure): Promise<void>;
  get(id: string): Promise<StoredDisclosure | null>;
  /**
   * Records the decision on a pending disclosure, once: true for the first writer, false when it
   * is already decided (a concurrent approver). Decided by a unique key (SQLite: the row's state;
   * MongoDB: a marker document per disclosure id), never by a read-then-write.
   */
  decide(next: StoredDisclosure): Promise<boolean>;
  /** Replaces a record (erasure keeps it without the member). */
  replace(next: StoredDisclosure): Promise<void>;
  /** A case's disclosures, newest first. */
  forCase(caseId: string): Promise<StoredDisclosure[]>;
  /** A decision's disclosures, newest first (erasure). */
  forDecision(decisionId: string): Promise<StoredDisclosure[]>;
  /** A member's disclosures, newest first (their export). */
  forMember(memberId: string): Promise<StoredDisclosure[]>;
  /** The register: newest proposal first, keyset-paged after (proposedAt, id). */
  page(filter: DisclosureFilter, after: DisclosurePageKey | null, limit: number): Promise<StoredDisclosure[]>;
  /** Approved disclosures with approvedAt in [from, to], per recipient kind: indexed counts, no scan. */
  countApproved(period: { from?: string; to?: string }, kind: RecipientKind): Promise<number>;
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

/**
 * A frozen report: `content` is its document as canonical JSON, kept as the exact string that was
 * hashed, so a read years later gives the same bytes. The other fields repeat what the document
 * says, for lists and lookups.
 */
export interface StoredReport {
  id: string;
  seq: number;
  from: string;
  to: string;
  type: DecisionType | null;
  frozenAt: string;
  frozenBy: string;
  prevHash: string;
  hash: string;
  content: string;
}

export interface ReportRepo {
  /** Rejects with DuplicateKeyError when the seq is taken: two freezes at once cannot fork the chain. */
  append(report: StoredReport): Promise<void>;
  get(id: string): Promise<StoredReport | null>;
  bySeq(seq: number): Promise<StoredReport | null>;
  latest(): Promise<StoredReport | null>;
  /** Newest first, those with a seq below `beforeSeq` when given. */
  page(beforeSeq: number | null, limit: number): Promise<StoredReport[]>;
  /** Every report in seq order, streamed (verification and anchors). */
  scan(): AsyncIterable<StoredReport>;
}

export interface UserRepo {
  insert(user: StoredUser): Promise<void>;
  byUsername(username: string): Promise<StoredUser | null>;
  byId(id: string): Promise<StoredUser | null>;
  list(): Promise<StoredUser[]>;
  /** The user an OpenID Connect provider names by this issuer and subject (unique together). */
  bySource(issuer: string, subject: string): Promise<StoredUser | null>;
  /** Replaces what a provisioned user may do (read from the provider's claims at each sign-in); null when no such user. */
  setGrants(id: string, grants: Pick<StoredUser, 'roles' | 'scopes' | 'memberId'>): Promise<StoredUser | null>;
  /** Removes the accounts of a member (erasure) and returns their ids. */
  deleteByMemberId(memberId: string): Promise<string[]>;
  /** Replaces the account of `user.id` (an admin's change, a new password); false when there is none. */
  update(user: StoredUser): Promise<boolean>;
  /** Sets lastSignInAt alone, so a sign-in never undoes an admin's change written meanwhile (say, disabling). */
  recordSignIn(id: string, at: string): Promise<void>;
}

/** Ingest keys kept in the store, found by the digest of the key a scoring service sends. */
export interface IngestKeyRepo {
  /** Rejects with DuplicateKeyError when the id or the digest is taken. */
  add(key: StoredIngestKey): Promise<void>;
  get(id: string): Promise<StoredIngestKey | null>;
  /** The key whose current or previous digest is `digest` (an indexed read per ingest request). */
  byDigest(digest: string): Promise<StoredIngestKey | null>;
  /** Replaces the key of `key.id` (rotation, revocation). */
  put(key: StoredIngestKey): Promise<void>;
  /** Sets lastUsedAt alone, so it never undoes a rotation or revocation written meanwhile. */
  touch(id: string, lastUsedAt: string): Promise<void>;
  /** Oldest first. */
  list(): Promise<StoredIngestKey[]>;
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
 * (docs/architecture.md, Rollups). They may drift after a crash between a write and its increment;
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

/** Governance's monitors: one small document each. */
export interface MonitorRepo {
  /** Rejects with DuplicateKeyError when the id is taken. */
  add(monitor: Monitor): Promise<void>;
  get(id: string): Promise<Monitor | null>;
  /** Oldest first. */
  list(): Promise<Monitor[]>;
  /**
   * Replaces the monitor with `next` (version `expectedVersion + 1`) if its stored version is `expectedVersion`;
   * false when it changed meanwhile or is gone. Of several changes from one version at once, exactly one wins.
   */
  compareAndSet(next: Monitor, expectedVersion: number): Promise<boolean>;
  /** Sets lastEvaluatedAt alone (the evaluation job), so it never undoes a change governance wrote meanwhile. */
  touchEvaluated(id: string, at: string): Promise<void>;
  /** True when there was one. */
  delete(id: string): Promise<boolean>;
}

/**
 * The alerts of the monitors. The latest alert of a (monitor, subject) is its state: open means
 * alerting, resolved or none means ok. An alert's id names its crossing, so two evaluations of
 * one crossing (two processes, a retried run) store it once: the insert is the compare-and-set.
 */
export interface MonitorAlertRepo {
  /** Rejects with DuplicateKeyError when the id (monitor, subject, crossing) is taken. */
  add(alert: MonitorAlert): Promise<void>;
  /** The alert of the latest crossing of a monitor's subject, or null before any. */
  latest(monitorId: string, subject: string): Promise<MonitorAlert | null>;
  /** A monitor's open alerts. */
  openFor(monitorId: string): Promise<MonitorAlert[]>;
  /** Resolves an open alert; false when it was resolved already (by another run). */
  resolve(id: string, at: string, value: number | null): Promise<boolean>;
  /** Newest first (by raisedAt, then id), optionally only open or only resolved ones. */
  list(filter: { status?: 'open' | 'resolved' }, limit: number): Promise<MonitorAlert[]>;
}

export class DuplicateKeyError extends Error {
  constructor(what: string) {
    super(`duplicate key: ${what}`);
    this.name = 'DuplicateKeyError';
  }
}

/**
 * A member's standing choices (issue 18), one document per member: per type, since when a person
 * must be involved in decisions (standing request, Art. 21/22) and since when consent is
 * withdrawn (Art. 7(3)), with the history of both. `active` says whether anything is in force,
 * so ingest can ask with one indexed read whether it needs to look at a batch's members at all.
 */
export interface StoredMemberPreferences {
  memberId: string;
  humanReviewSince: Partial<Record<DecisionType, string>>;
  consentWithdrawn: Partial<Record<DecisionType, string>>;
  history: {
    change: 'human_review_requested' | 'human_review_taken_back' | 'consent_withdrawn';
    type: DecisionType;
    at: string;
    channel: 'portal' | 'phone' | 'post';
  }[];
  active: boolean;
  version: number;
}

export interface MemberPreferencesRepo {
  get(memberId: string): Promise<StoredMemberPreferences | null>;
  /**
   * Compare-and-set on `version`: writes `next` (whose version is expectedVersion + 1) only if the
   * stored document is still at expectedVersion (0: none stored yet). False when another writer won.
   */
  compareAndSet(next: StoredMemberPreferences, expectedVersion: number): Promise<boolean>;
  /** Whether any member has anything in force: one indexed read, ingest's fast path. */
  anyActive(): Promise<boolean>;
  /** The documents with something in force of these members (equality reads, one per member on MongoDB). */
  activeFor(memberIds: readonly string[]): Promise<StoredMemberPreferences[]>;
  /** Per type, how many members have a standing request in force and how many withdrew consent (governance). */
  counts(): Promise<{ humanReview: Record<DecisionType, number>; consentWithdrawn: Record<DecisionType, number> }>;
  /** Removes the member's document (erasure); true when there was one. */
  delete(memberId: string): Promise<boolean>;
}
