import type { DecisionType } from '@shared/schemas/common';
import type { Decision } from '@shared/schemas/decision';
import type { Anchor } from '@shared/schemas/audit';
import type { User } from '@shared/schemas/session';

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
  users: UserRepo;
  sessions: SessionRepo;
  loginFailures: LoginFailureRepo;
  leases: LeaseRepo;
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
  /** Inserts those whose id is new; ids already present are reported, never overwritten. */
  insertMany(records: StoredDecision[]): Promise<{ inserted: string[]; duplicates: string[] }>;
  get(id: string): Promise<StoredDecision | null>;
  getMany(ids: string[]): Promise<StoredDecision[]>;
  page(filter: DecisionFilter, after: DecisionPageKey | null, limit: number): Promise<StoredDecision[]>;
  /** Every decision in id order, streamed (verification and anchors). */
  scanById(): AsyncIterable<StoredDecision>;
  count(): Promise<number>;
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
}

export interface LoginFailureRepo {
  record(key: string, at: string): Promise<void>;
  countSince(key: string, since: string): Promise<number>;
  clear(key: string): Promise<void>;
}

export interface LeaseRepo {
  /** True when `holder` holds the named lease for the current term of length ttl (see leases.ts). */
  tryAcquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean>;
}

export class DuplicateKeyError extends Error {
  constructor(what: string) {
    super(`duplicate key: ${what}`);
    this.name = 'DuplicateKeyError';
  }
}
