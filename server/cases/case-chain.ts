import type { DecisionOutput } from '@shared/schemas/decision';
import type { Visibility } from '@shared/schemas/case';
import type { z } from 'zod';
import { buildEvent } from '../domain/hash-chain';
import { outboxEntryFor } from '../domain/outbound-events';
import { joinCasePersonal, splitCasePersonal, type CasePersonal, type CasePublicPart } from '../domain/case-personal';
import { publicOutcome, withIdentifiers } from '../domain/public-outcome';
import type { Clock } from '../clock';
import { conflict } from '../domain/errors';
import {
  DuplicateKeyError,
  type ChainEvent,
  type EventAction,
  type EventActor,
  type OutboxMessage,
  type Store,
  type StoredCase,
  type StoredDecision,
} from '../storage/store';

/** Rebuilds the case projection from the snapshot an event carries (after a crash). */
function caseFromEvent(event: ChainEvent): StoredCase | null {
  const snapshot = event.data.case as CasePublicPart | undefined;
  if (!snapshot) return null;
  return joinCasePersonal(snapshot, (event.personal?.caseTexts ?? {}) as Partial<CasePersonal>);
}

export interface CaseChange {
  action: EventAction;
  next: StoredCase;
  visibility: z.infer<typeof Visibility>;
  /** Non-personal facts of this change (before/after states, versions, outcomes). */
  data?: Record<string, unknown>;
  /** The words this change adds (a comment, a rationale), shown with the entry's visibility. */
  text?: string | null;
  /** Staff-only words (an approver's own reasoning when the member sees the outcome's rationale). */
  note?: string | null;
  /** A member notification to queue. */
  notify?: OutboxMessage['kind'];
  /** A new effective outcome for the decision (approved override). */
  effectiveOutcome?: DecisionOutput;
}

/**
 * Runs after a case event is committed and projected (metrics rollups). The event is already on
 * the chain, so a failure here does not undo the change; derived data is rebuilt from the chain.
 */
export type CaseEventHook = (event: ChainEvent, decision: StoredDecision) => Promise<void>;

export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * The chain head, read BEFORE the case it guards. If the newest event's case projection is
 * behind it (a crash between the two writes, or a writer still between them), the event is
 * applied first. Every later read of the case is then at least as new as this head, and a
 * change appended at head.seq + 1 collides with any concurrent change instead of overtaking it.
 */
export async function consistentHead(store: Store, decision: StoredDecision): Promise<ChainHead> {
  const last = await store.events.last(decision.id);
  if (!last) return { seq: 0, hash: decision.hash };
  if (last.caseId) {
    const stored = await store.cases.get(last.caseId);
    const snapshotVersion = (last.data.case as { version?: number } | undefined)?.version ?? 0;
    if (!stored || stored.version < snapshotVersion) await applyEvent(store, last);
  }
  return { seq: last.seq, hash: last.hash };
}

/** The chain event a case change appends at `head.seq + 1`. Pure: writing it is the caller's. */
export function caseChangeEvent(
  decision: StoredDecision,
  head: ChainHead,
  before: StoredCase | null,
  actor: EventActor,
  change: CaseChange,
  at: Date,
): ChainEvent {
  // The case's personal fields go to the event's erasable part, never into its public snapshot.
  const { publicPart, personal: texts } = splitCasePersonal(change.next);
  return buildEvent(head, {
    decisionId: decision.id,
    action: change.action,
    at: at.toISOString(),
    actor,
    caseId: change.next.id,
    data: {
      ...change.data,
      visibility: change.visibility,
      fromStatus: before?.status ?? null,
      toStatus: change.next.status,
      // The snapshot shows only the new due date; the open-case rollups need the old one too.
      ...(before && before.dueAt !== change.next.dueAt ? { fromDueAt: before.dueAt } : {}),
      ...(change.notify ? { notify: change.notify } : {}),
      ...(change.effectiveOutcome ? { effectiveOutcome: publicOutcome(decision.type, change.effectiveOutcome) } : {}),
      case: publicPart,
    },
    personal: { text: change.text ?? null, note: change.note ?? null, caseTexts: texts },
  });
}

/**
 * Commits one case change: first the chain event, whose unique (decisionId, seq) decides any
 * race, then the projections (case, effective outcome, outbox). A crash between the two is
 * repaired by `syncFromChain`, because every event carries the case as it became.
 */
export async function commitCaseChange(
  deps: { store: Store; clock: Clock; onEvent?: CaseEventHook },
  decision: StoredDecision,
  head: ChainHead,
  before: StoredCase | null,
  actor: EventActor,
  change: CaseChange,
): Promise<StoredCase> {
  const { store, clock } = deps;
  const now = clock.now();
  const settled = liftedOnClosing(change, now);
  const event = caseChangeEvent(decision, head, before, actor, settled, now);
  try {
    await store.events.append(event);
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error;
    const current = before ? await store.cases.get(before.id) : null;
    throw conflict('version_conflict', "Someone else changed this decision's case at the same moment. Reload and try again.", {
      currentVersion: current?.version ?? null,
    });
  }
  await applyEvent(store, event);
  // Only the writer whose append won gets here, so each event is reported once.
  if (deps.onEvent) await deps.onEvent(event, decision);
  return settled.next;
}

/**
 * Art. 18: a restriction lasts until the case is resolved or withdrawn. Lifted by the closing
 * change itself (the same event, the same compare-and-set), so no crash leaves a closed case
 * with its price still held; `data.restriction` tells billing and the rollups. A proposed
 * override waiting for approval is not resolved: the restriction stays.
 */
function liftedOnClosing(change: CaseChange, at: Date): CaseChange {
  const { next } = change;
  const closed = next.status === 'resolved' || next.status === 'withdrawn';
  if (!closed || !next.restriction || next.restriction.liftedAt) return change;
  return {
    ...change,
    next: { ...next, restriction: { ...next.restriction, liftedAt: at.toISOString() } },
    data: { ...change.data, restriction: 'lifted' },
  };
}

/** Brings the projections in line with one chain event. Idempotent. */
async function applyEvent(store: Store, event: ChainEvent) {
  const next = caseFromEvent(event);
  if (!next) return;
  const effective = event.data.effectiveOutcome as DecisionOutput | undefined;
  const decision = await store.decisions.get(event.decisionId);
  const fullEffective = decision && effective ? withIdentifiers(decision.output, effective) : null;
  // The outbox entry before the case: the case's version marks the event as applied, so a crash
  // in between leaves an entry written twice (a no-op), never a change without its message.
  const entry = decision ? outboxEntryFor(event, next, decision, fullEffective) : null;
  if (entry) await store.outbox.add(entry);
  if (decision && fullEffective) await store.decisions.setEffectiveOutcome(event.decisionId, fullEffective, true);
  // Last: the case's version is the marker that everything this event implies has been applied.
  await store.cases.put(next);
}

/** Repairs the projections of one decision from its chain (see consistentHead). */
export async function syncFromChain(store: Store, decisionId: string): Promise<void> {
  const decision = await store.decisions.get(decisionId);
  if (decision) await consistentHead(store, decision);
}
