import { createHash } from 'node:crypto';
import type { Policies } from '../domain/policies';
import type { ChainEvent, EventActor, OutboxMessage, StoredCase, StoredDecision } from '../domain/entities';
import { outboxEntryFor } from '../domain/outbound-events';
import { caseChangeEvent } from './case-chain';
import { newCase } from './new-case';
import { sampleDueDate } from '../domain/deadlines';

/**
 * A draw in [0, 1) from the decision id: random across decisions, yet the same on every
 * retry of the same decision, so re-sending a batch never changes which ones are sampled.
 */
export function sampleDraw(decisionId: string): number {
  return createHash('sha256').update(`sample:${decisionId}`).digest().readUInt32BE(0) / 2 ** 32;
}

export type SampleReason = 'random' | 'near_threshold';

export function sampleReason(decision: StoredDecision, policy: Policies['sampling']): SampleReason | null {
  if (decision.type === 'fraud_flag' && Math.abs(decision.output.score - decision.output.threshold) <= policy.nearThreshold + 1e-12) {
    return 'near_threshold';
  }
  return sampleDraw(decision.id) < policy.rate ? 'random' : null;
}

const SYSTEM: EventActor = { id: 'system', role: 'system' };

/**
 * The sample case for proactive oversight (AI Act Art. 14) of a decision about to be recorded, if
 * it is drawn: its chain's seq 1, the case, and the outbox entry that announces it (case.opened). Pure; the store writes both with the decision, and
 * only if the decision is new (see storage/ingest-follow-ups.ts). A retry draws the same.
 */
export function sampleFor(
  decision: StoredDecision,
  policy: Policies['sampling'],
  now: Date,
): { events: ChainEvent[]; cases: StoredCase[]; outbox: OutboxMessage[] } {
  const reason = sampleReason(decision, policy);
  if (!reason) return { events: [], cases: [], outbox: [] };
  const head = { seq: 0, hash: decision.hash };
  const receivedAt = new Date(decision.recordedAt);
  const opening = {
    origin: 'sample' as const,
    channel: null,
    statement: null,
    requestedOutcome: null,
    receivedAt,
    dueAt: sampleDueDate(receivedAt, policy.reviewDays),
  };
  const c = newCase(decision, head.seq + 1, opening, now);
  const event = caseChangeEvent(decision, head, null, SYSTEM, { action: 'sampled', next: c, visibility: 'internal', data: { reason } }, now);
  const entry = outboxEntryFor(event, c, decision, null);
  return { events: [event], cases: [c], outbox: entry ? [entry] : [] };
}
