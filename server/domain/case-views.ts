import { ACTIVE_STATUSES, type Case, type TimelineEntry } from '@shared/schemas/case';
import type { User } from '@shared/schemas/session';
import { isStaff } from '@shared/auth/permissions';
import { withIdentifiers } from './public-outcome';
import type { ChainEvent, StoredCase, StoredDecision } from '../storage/store';

/** Outcomes an event may carry; the chain holds them without identifiers (see publicOutcome). */
const OUTCOME_FIELDS = ['before', 'after', 'effectiveOutcome'] as const;

/**
 * A fraud flag's claim id is kept off the chain (erasure must be able to remove it), so the
 * outcomes in its events lack it; staff read them with it, from the decision (after erasure, the
 * decision's placeholder).
 */
function withClaimId(data: Record<string, unknown>, decision: StoredDecision): Record<string, unknown> {
  if (decision.type !== 'fraud_flag') return data;
  const out = { ...data };
  for (const field of OUTCOME_FIELDS) {
    const outcome = out[field];
    if (outcome && typeof outcome === 'object') out[field] = withIdentifiers(decision.output, outcome as StoredDecision['output']);
  }
  return out;
}

export const isActive = (c: Pick<StoredCase, 'status'>) => ACTIVE_STATUSES.includes(c.status);

export function toWireCase(c: StoredCase, now: Date, viewer: User): Case {
  const { memberId: _memberId, ...rest } = c;
  const wire: Case = { ...rest, restriction: c.restriction ?? null, overdue: isActive(c) && c.dueAt < now.toISOString() };
  if (!isStaff(viewer)) {
    // Members see their own words and the outcome, not the reviewers' working notes.
    wire.proposal = null;
    wire.assignee = null;
    // The member reads the reviewer's reason for a correction, never who gave it.
    if (wire.corrections) wire.corrections = wire.corrections.map((x) => ({ ...x, decidedBy: null }));
  }
  return wire;
}

/** The case's entries on the decision's chain, as the viewer may see them. */
export function timelineFor(events: ChainEvent[], caseId: string, viewer: User, decision: StoredDecision): TimelineEntry[] {
  const staff = isStaff(viewer);
  return events
    .filter((e) => e.caseId === caseId)
    .map((e): TimelineEntry => {
      const visibility = e.data.visibility === 'member' ? 'member' : 'internal';
      const { case: _snapshot, ...data } = e.data;
      return {
        seq: e.seq,
        action: e.action,
        at: e.at,
        actor: staff ? { role: e.actor.role, id: e.actor.id } : { role: e.actor.role },
        visibility,
        text: (e.personal?.text as string | null | undefined) ?? null,
        ...(staff ? { note: (e.personal?.note as string | null | undefined) ?? null } : {}),
        // Members see the state an entry left, and which of their documents it added.
        data: staff ? withClaimId(data, decision) : { toStatus: data.toStatus, ...(data.attachmentId ? { attachmentId: data.attachmentId } : {}) },
      };
    })
    .filter((entry) => staff || entry.visibility === 'member');
}
