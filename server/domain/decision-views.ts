import type { Decision } from '@shared/schemas/decision';
import type { User } from '@shared/schemas/session';
import { isStaff } from '@shared/auth/permissions';
import { isActive } from './case-views';
import type { StoredCase, StoredDecision } from '../storage/store';

/** What callers see: the record without its storage-only fields, and never its monitoring attributes. */
export function toWire(record: StoredDecision): Decision {
  const { bodyHash: _b, personalSalt: _s, personalDigest: _d, monitoring: _m, ...decision } = record;
  return decision as Decision;
}

/**
 * While a case on a fraud flag is open, the member learns that an automated check
 * held the claim and what their rights are, but not the indicators (inputs, reason codes,
 * contributions) — so the check cannot be gamed while it is being reviewed. Applied in every
 * endpoint that shows a decision to a member.
 */
export function isRestrictedFor(viewer: User, decision: Pick<Decision, 'type'>, cases: Pick<StoredCase, 'status'>[]): boolean {
  return !isStaff(viewer) && decision.type === 'fraud_flag' && cases.some(isActive);
}

export function withheldIndicators<T extends Decision>(decision: T): T {
  return { ...decision, inputs: {}, rationale: { reasonCodes: [], contributions: [] }, restricted: true };
}

export function memberSafe<T extends Decision>(viewer: User, decision: T, cases: Pick<StoredCase, 'status'>[]): T {
  return isRestrictedFor(viewer, decision, cases) ? withheldIndicators(decision) : decision;
}

/**
 * The decision's restriction (Art. 18): that of its newest objection case that asked for one,
 * active or lifted, or null. Derived from the case projections, which carry it in their chain
 * snapshots, so repairing a case after a crash repairs this too.
 */
export function restrictionOf(cases: Pick<StoredCase, 'id' | 'restriction'>[]): Decision['restriction'] {
  const restricted = cases.filter((c) => c.restriction).sort((a, b) => a.restriction!.since.localeCompare(b.restriction!.since));
  const newest = restricted[restricted.length - 1];
  return newest?.restriction ?? null;
}
