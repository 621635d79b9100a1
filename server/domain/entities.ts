import type { WebhookEventType } from '@shared/schemas/webhook-events';
import type { Disclosure } from '@shared/schemas/disclosure';
import type { DecisionType } from '@shared/schemas/common';
import type { Decision, MonitoringAttributes } from '@shared/schemas/decision';
import type { Case } from '@shared/schemas/case';
import type { User } from '@shared/schemas/session';
import type { StaffAction } from '@shared/schemas/staff-log';
import type { MemberRequest } from '@shared/schemas/member-request';

/*
 * The entities the services work on and the store keeps: plain objects of the shared wire types
 * plus what storage and the chain need. The storage port (storage/store.ts) is written in them.
 */

/** A recorded decision plus what the chain needs: the body digest for idempotent replays and the
 * salted digest that commits to personal data without containing it (so erasure keeps chains valid). */
export type StoredDecision = Decision & {
  /** The monitoring attributes sent with it (fairness only): never on the wire but in the member's export. */
  monitoring?: MonitoringAttributes;
  bodyHash: string;
  personalSalt: string | null;
  personalDigest: string;
};

export type EventAction =
  | 'objection_filed'
  | 'sampled'
  // A mandatory review opened at ingest: the member's standing request, or consent withdrawn (issue 18).
  | 'human_review_opened'
  | 'assigned'
  | 'comment'
  | 'resolution_proposed'
  | 'resolved'
  | 'approved'
  | 'rejected'
  | 'extended'
  | 'withdrawn'
  | 'erased'
  // Adding information to a case (issue 17): the member's message or document, a reviewer's request for it.
  | 'member_message'
  | 'attachment_added'
  | 'information_requested'
  // Rectification (issue 18): a reviewer's answer to a claimed correction; a new decision replaced this one.
  | 'correction_decided'
  | 'superseded'
  // Art. 18 (issue 18): a restriction asked on an open objection (one asked with the objection rides on objection_filed).
  | 'restricted'
  // Disclosures of a fraud case to a recipient outside the insurer (issue 18): proposed, then approved or rejected by a second person.
  | 'disclosure_proposed'
  | 'disclosure_approved'
  | 'disclosure_rejected';

export interface EventActor {
  id: string;
  role: string;
  /**
   * For a person provisioned by an OpenID Connect provider: the issuer and subject the insurer's
   * directory names them by. Absent for local users and the system, and on events written before
   * issue 16, so their hashes (canonical JSON of what is there) stay as they were.
   */
  issuer?: string;
  subject?: string;
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

/**
 * A case as stored: the wire case (shared/schemas/case.ts) without the derived `overdue`, plus
 * the member it concerns. Derived, so a field added to the wire case is stored too.
 */
export type StoredCase = Omit<Case, 'overdue'> & { memberId: string | null };

/** One event the insurer's systems hear of (shared/schemas/webhook-events.ts gives its data's schema). */
export interface OutboundEvent {
  type: WebhookEventType;
  data: Record<string, unknown>;
}

/**
 * An outbox entry: what one change tells the outside world, written with the change (a projection
 * of its chain event). The delivery engine fans it out into one delivery per destination and
 * event; `deliveredAt` then says it was handed over.
 */
export interface OutboxMessage {
  /** Derived from the chain event, so a repeated write is a no-op. */
  id: string;
  /** The decision and its chain seq: the per-decision order; null for what concerns a member only. */
  decisionId?: string | null;
  seq?: number;
  caseId: string | null;
  memberId: string | null;
  /** The member notification, if any. outcome_changed: a sample review (which the member never sees) changed a decision about them. */
  kind:
    | 'received'
    | 'extended'
    | 'resolved'
    | 'withdrawn'
    | 'outcome_changed'
    | 'information_requested'
    // A member's request (issue 18): refused with its ground, its deadline extended, or the erasure done.
    | 'request_refused'
    | 'request_extended'
    | 'erasure_done'
    | null;
  /** The member's request a request notification is about. */
  requestId?: string | null;
  /**
   * Where the erasure confirmation goes: read from the contact before the erasure forgets it, kept
   * only until the entry is handed over (the entry then forgets it, as an erasure notice forgets the member).
   */
  recipient?: { email: string; language: 'en' | 'nl' | 'fr' } | null;
  /** The webhook events this change implies, in the order a consumer applies them. */
  events?: OutboundEvent[];
  createdAt: string;
  deliveredAt: string | null;
}

/** A signing secret of a webhook subscription; after a rotation the old one signs too until it expires. */
export interface WebhookSecret {
  /** `whsec_` and base64: the Standard Webhooks form. Never logged, never answered after creation. */
  secret: string;
  createdAt: string;
  expiresAt: string | null;
}

/** An insurer's system that hears chosen events by signed webhook. */
export interface WebhookSubscription {
  id: string;
  url: string;
  events: WebhookEventType[];
  description: string;
  enabled: boolean;
  /** Why it was switched off, when the system did it (a 410 answer). */
  disabledReason: string | null;
  /** Newest first. */
  secrets: WebhookSecret[];
  createdAt: string;
  updatedAt: string;
}

/** How a delivery leaves: a signed webhook, an e-mail, or the member-notification sender. */
export type DeliveryChannel = 'webhook' | 'mail' | 'notice' | 'alert_mail';

export interface DeliveryAttempt {
  at: string;
  ok: boolean;
  /** The destination's answer (an HTTP status, an SMTP code), null when none came. */
  status: number | null;
  latencyMs: number;
  error: string | null;
  /** When the next attempt is due; null after success or the last attempt. */
  nextAttemptAt: string | null;
}

/** One outbox entry's event on its way to one destination, with its attempt log. */
export interface Delivery {
  /** `${entryId}|${type}|${channel}:${destinationId}`, so fanning out twice writes nothing new. */
  id: string;
  entryId: string;
  channel: DeliveryChannel;
  destinationId: string;
  decisionId: string | null;
  /** Deliveries of one lane (destination × decision) go out strictly in (seq, position) order. */
  lane: string;
  seq: number;
  position: number;
  type: string;
  data: Record<string, unknown>;
  createdAt: string;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  nextAttemptAt: string;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  log: DeliveryAttempt[];
}

/**
 * How to reach a member, pushed by the insurer's CRM. Personal data: in the member's export,
 * removed by erasure. The e-mail preference is the member's own and survives a CRM push.
 */
export interface StoredContact {
  memberId: string;
  email: string | null;
  language: 'en' | 'nl' | 'fr';
  /** The member asked to be told by post instead of by e-mail. */
  emailOptOut: boolean;
  updatedAt: string;
  /**
   * When the member chose the language themself (the portal's header or My data): their account's
   * language, which the portal takes up at sign-in, until the CRM pushes another.
   */
  languageChosenAt?: string | null;
}

export interface LegalHold {
  memberId: string;
  reason: string;
  setBy: string;
  setAt: string;
}

/** What staff did outside any one decision's chain (exports on request, erasures, holds), hash-chained. */
export interface StaffLogEntry {
  seq: number;
  at: string;
  actor: EventActor;
  action: StaffAction;
  /** Never a member id in the clear: a keyed digest, so the log itself holds no personal data. */
  subjectDigest: string | null;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** `passwordHash` is '' for a user provisioned by a provider: no password signs them in. */
export type StoredUser = User & {
  passwordHash: string;
  createdAt: string;
  /** A name people read in the console; the user name stays the sign-in name. */
  displayName?: string;
  /** Set by an admin: sign-in is refused and every session ends. */
  disabled?: boolean;
  /** Written at each successful sign-in (one write per sign-in, not per request). */
  lastSignInAt?: string;
};

/**
 * An ingest key kept in the store. Only the SHA-256 of the key is kept: the key is 32 random
 * bytes (256 bits), so no dictionary or brute force reaches it and a slow hash (scrypt, for
 * guessable passwords) would only cost time on every ingest request. After a rotation the
 * previous key's digest keeps working until `previousRetiresAt`, in the same document, so a
 * rotation is one atomic write.
 */
export interface StoredIngestKey {
  id: string;
  name: string;
  /** The decision types this key may write; null for every type. */
  types: DecisionType[] | null;
  /** Hex SHA-256 of the current key. */
  digest: string;
  /** The first characters of the current key: enough to tell keys apart, useless to an attacker. */
  prefix: string;
  previousDigest: string | null;
  previousPrefix: string | null;
  previousRetiresAt: string | null;
  createdAt: string;
  rotatedAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface StoredSession {
  /** SHA-256 of the cookie token: a copy of the store does not hand out live sessions. */
  tokenHash: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
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

/** A document on a case, without its bytes (lists and the export's index). */
export interface AttachmentMeta {
  id: string;
  caseId: string;
  decisionId: string;
  /** Whose case it is: the member's export lists it and their erasure removes it. */
  memberId: string;
  fileName: string;
  mediaType: 'application/pdf' | 'image/jpeg' | 'image/png';
  size: number;
  uploadedAt: string;
  uploadedBy: 'member' | 'staff';
}

/** A document with its bytes, as stored (personal data: in the export, removed by erasure). */
export interface StoredAttachment extends AttachmentMeta {
  bytes: Uint8Array;
}

/**
 * A request a member filed in the portal (erasure, rectification, …), with where it stands: the
 * wire request without the derived `overdue`. Deadline, answer and version are absent on requests
 * stored before issue 18 (read as version 1, no deadline).
 */
export type StoredMemberRequest = Omit<MemberRequest, 'overdue'>;

/**
 * A disclosure of a fraud case to a recipient outside the insurer (the register), with the member
 * it concerns for their export; the wire disclosure (shared/schemas/disclosure.ts) otherwise.
 * Erasure keeps the record without the member: memberId ERASED, the free-text reasons emptied.
 */
export type StoredDisclosure = Disclosure & { memberId: string };
