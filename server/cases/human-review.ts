import type { HumanReviewReason } from '@shared/schemas/automation-preferences';
import type { ChainEvent, EventActor, OutboxMessage, StoredCase, StoredDecision } from '../domain/entities';
import { outboxEntryFor } from '../domain/outbound-events';
import { caseChangeEvent } from './case-chain';
import { newCase } from './new-case';

const SYSTEM: EventActor = { id: 'system', role: 'system' };

/**
 * The mandatory review case of a decision about to be recorded whose member asked for a person
 * (standing request) or withdrew the consent it rests on: its chain's seq 1, the case and its
 * case.opened entry, written with the decision exactly as a sample case is (ingest-follow-ups.ts).
 * Received when the decision was recorded; the member's legal month runs from then, since it
 * answers their request. Pure: a retry of the same decision computes the same case.
 */
export function humanReviewFor(
  decision: StoredDecision,
  reasons: readonly HumanReviewReason[],
  now: Date,
): { events: ChainEvent[]; cases: StoredCase[]; outbox: OutboxMessage[] } {
  const head = { seq: 0, hash: decision.hash };
  const opening = { origin: 'human_review' as const, channel: null, statement: null, requestedOutcome: null, receivedAt: new Date(decision.recordedAt) };
  const c = newCase(decision, head.seq + 1, opening, now);
  const event = caseChangeEvent(
    decision,
    head,
    null,
    SYSTEM,
    { action: 'human_review_opened', next: c, visibility: 'member', data: { reasons: [...reasons] } },
    now,
  );
  const entry = outboxEntryFor(event, c, decision, null);
  return { events: [event], cases: [c], outbox: entry ? [entry] : [] };
}
