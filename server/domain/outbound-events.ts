import { randomUUID } from 'node:crypto';
import type { DecisionOutput } from '@shared/schemas/decision';
import type { ActionableOutcome } from '@shared/schemas/webhook-events';
import type { ChainEvent, OutboundEvent, OutboxMessage, StoredCase, StoredDecision } from './entities';

/** Per decision type, what a consumer acts on: never a score's threshold or a fraud indicator. */
const ACTIONABLE_KEYS = {
  renewal_price: ['currency', 'previousPremiumCents', 'newPremiumCents'],
  fraud_flag: ['claimId', 'flagged', 'action'],
  risk_score: ['score', 'band'],
} as const;

export function actionableOutcome(decision: StoredDecision, outcome: DecisionOutput): ActionableOutcome {
  const source = outcome as unknown as Record<string, unknown>;
  return Object.fromEntries(ACTIONABLE_KEYS[decision.type].filter((k) => k in source).map((k) => [k, source[k]])) as ActionableOutcome;
}

/**
 * The webhook events one case change implies, in the order a consumer applies them. Pure, so a
 * repaired projection writes the same entry. `effective` is the decision's new effective outcome
 * (with its identifiers) when the change overrode it.
 */
export function outboundEventsFor(event: ChainEvent, c: StoredCase, decision: StoredDecision, effective: DecisionOutput | null): OutboundEvent[] {
  return [...caseEventsFor(event, c, decision, effective), ...restrictionEventsFor(event, c, decision, effective)];
}

/** What every case-related event names: the decision and its chain position, the member, policy and case. */
function caseRef(event: ChainEvent, c: StoredCase, decision: StoredDecision) {
  return {
    decisionId: decision.id,
    sequence: event.seq,
    memberId: c.memberId,
    policyId: decision.subject.policyId ?? null,
    caseId: c.id,
    decisionType: decision.type,
  };
}

/**
 * Art. 18 for billing: a restriction holds the price, its lift (after the case's own events, so an
 * override is known first) says which outcome to apply now.
 */
function restrictionEventsFor(event: ChainEvent, c: StoredCase, decision: StoredDecision, effective: DecisionOutput | null): OutboundEvent[] {
  const ref = caseRef(event, c, decision);
  if (event.data.restriction === 'imposed' && c.restriction) {
    return [{ type: 'decision.restricted', data: { ...ref, since: c.restriction.since, held: actionableOutcome(decision, decision.effectiveOutcome) } }];
  }
  if (event.data.restriction === 'lifted' && c.restriction?.liftedAt) {
    const inForce = effective ?? decision.effectiveOutcome;
    return [{ type: 'decision.restriction_lifted', data: { ...ref, liftedAt: c.restriction.liftedAt, effective: actionableOutcome(decision, inForce) } }];
  }
  return [];
}

function caseEventsFor(event: ChainEvent, c: StoredCase, decision: StoredDecision, effective: DecisionOutput | null): OutboundEvent[] {
  const ref = caseRef(event, c, decision);
  switch (event.action) {
    // A sample case is internal oversight, but claims and billing still need to know that a
    // person is looking at the decision before they act on it.
    case 'objection_filed':
    case 'sampled':
    case 'human_review_opened':
      return [{ type: 'case.opened', data: { ...ref, origin: c.origin, dueAt: c.dueAt } }];
    case 'extended':
      return [{ type: 'case.extended', data: { ...ref, dueAt: c.dueAt, months: c.extension?.months ?? Number(event.data.months) } }];
    case 'withdrawn':
      return [{ type: 'case.withdrawn', data: ref }];
    case 'correction_decided': {
      if (event.data.accepted !== true) return [];
      return [{ type: 'decision.redecision_requested', data: { ...ref, ...redecisionRequest(c, decision) } }];
    }
    case 'resolved':
    case 'approved': {
      if (c.status !== 'resolved' || !c.resolution) return [];
      const resolved: OutboundEvent = { type: 'case.resolved', data: { ...ref, resolution: c.resolution } };
      if (!effective) return [resolved];
      const changed: OutboundEvent = {
        type: 'decision.outcome_changed',
        data: { ...ref, original: actionableOutcome(decision, decision.output), effective: actionableOutcome(decision, effective) },
      };
      return [resolved, changed];
    }
    default:
      return [];
  }
}

/**
 * What the scoring service decides again on: the decision's model and subject, and its inputs with
 * every correction accepted so far applied (the member's claimed values). Inputs are null when
 * the member's data was erased (nothing left to decide on).
 */
function redecisionRequest(c: StoredCase, decision: StoredDecision) {
  const accepted = (c.corrections ?? []).filter((x) => x.state === 'accepted');
  const erased = !!decision.erasedAt;
  return {
    model: decision.model,
    claimId: decision.subject.claimId ?? null,
    correctedFeatures: accepted.map((x) => x.feature),
    inputs: erased ? null : { ...decision.inputs, ...Object.fromEntries(accepted.map((x) => [x.feature, x.claimedValue])) },
  };
}

/**
 * The outbox entry of one case change, or null when nobody outside must hear of it: the member's
 * notification (`notify`, set by the command) and the webhook events. Keyed by the chain slot, so
 * writing it twice (a repair, a retried ingest) is a no-op.
 */
export function outboxEntryFor(event: ChainEvent, c: StoredCase, decision: StoredDecision, effective: DecisionOutput | null): OutboxMessage | null {
  const notify = event.data.notify as OutboxMessage['kind'] | undefined;
  const events = outboundEventsFor(event, c, decision, effective);
  if (!notify && events.length === 0) return null;
  return {
    id: `${event.decisionId}#${event.seq}`,
    decisionId: event.decisionId,
    seq: event.seq,
    caseId: c.id,
    memberId: c.memberId,
    kind: notify ?? null,
    events,
    createdAt: event.at,
    deliveredAt: null,
  };
}

/** The outbox entry of an erasure: downstream systems must erase the member too (its data names the member, as it must). */
export function memberErasedEntry(memberId: string, at: string): OutboxMessage {
  return {
    // A random id: ids travel into delivery ids and the admin's log, which must not name the member.
    id: `erasure#${randomUUID()}`,
    decisionId: null,
    seq: 0,
    caseId: null,
    memberId,
    kind: null,
    events: [{ type: 'member.erased', data: { memberId } }],
    createdAt: at,
    deliveredAt: null,
  };
}

/** An event's data without the member: their id, and for a re-decision request the inputs and claim it names. */
export function scrubbed(type: string, data: Record<string, unknown>): Record<string, unknown> {
  return type === 'decision.redecision_requested' ? { ...data, memberId: null, claimId: null, inputs: null } : { ...data, memberId: null };
}

/** An entry without the member: top-level and in its events, except the erasure notice, whose purpose is the id. */
export function withoutMember(entry: OutboxMessage, memberId: string): OutboxMessage {
  const events = entry.events?.map((e) => (e.type !== 'member.erased' && e.data.memberId === memberId ? { ...e, data: scrubbed(e.type, e.data) } : e));
  return { ...entry, memberId: entry.memberId === memberId ? null : entry.memberId, ...(events ? { events } : {}) };
}

/**
 * An erasure notice once handed over (fanned out into deliveries): the entry forgets the member it
 * named. Null when the entry is no erasure notice and is kept as it is.
 */
export function erasureNoticeHandedOver(entry: OutboxMessage, at: string): OutboxMessage | null {
  // The erasure's confirmation mail: its deliveries hold the address until sent; the entry forgets it now.
  if (entry.recipient) return { ...entry, recipient: null, deliveredAt: at };
  if (!entry.events?.some((e) => e.type === 'member.erased')) return null;
  return {
    ...entry,
    memberId: null,
    events: entry.events.map((e) => (e.type === 'member.erased' ? { ...e, data: { memberId: null } } : e)),
    deliveredAt: at,
  };
}

/**
 * The confirmation of an erasure on request: who to write to is read from the contact now, before
 * the erasure forgets it, and kept only until handed over (see erasureNoticeHandedOver). Null when
 * the member cannot be e-mailed: the admin writes by post.
 */
export function erasureConfirmationEntry(requestId: string, recipient: { email: string; language: 'en' | 'nl' | 'fr' } | null, at: string): OutboxMessage {
  return {
    id: `request#${requestId}#erasure_done`,
    decisionId: null,
    seq: 0,
    caseId: null,
    // Not the member's id: the erasure that follows removes it everywhere, and this entry must survive it.
    memberId: null,
    kind: 'erasure_done',
    requestId,
    recipient,
    createdAt: at,
    deliveredAt: null,
  };
}

/** A notification about a member's request (refused, extended): ids only, the channel reads the contact. */
export function requestNoticeEntry(requestId: string, memberId: string, kind: 'request_refused' | 'request_extended', at: string): OutboxMessage {
  return { id: `request#${requestId}#${kind}`, decisionId: null, seq: 0, caseId: null, memberId, kind, requestId, createdAt: at, deliveredAt: null };
}

/**
 * What a delivery keeps of its payload once delivered: an erasure notice forgets the member (it
 * has told the destination, which is all it was for); a dead one keeps it, so an admin can replay it.
 */
export function dataKeptAfterDelivery(type: string, data: Record<string, unknown>): Record<string, unknown> {
  if (type === 'member.erasure_done') return { ...data, recipient: null };
  return type === 'member.erased' ? { memberId: null } : data;
}
