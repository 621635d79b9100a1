import { mergeRollups } from '../domain/rollup-sums';
import { DuplicateKeyError, type ChainEvent, type OutboxMessage, type Rollup, type StoredCase, type StoredDecision } from './store';

/**
 * What recording one new decision sets off, computed before the write as plain data: its sample
 * case (a chain event at seq 1, the case projection and the outbox entry announcing it) and its
 * rollup increments.
 */
export interface IngestFollowUps {
  events: ChainEvent[];
  cases: StoredCase[];
  /** Outbox entries of the cases above (by caseId): written only with their case. */
  outbox?: OutboxMessage[];
  rollups: Rollup[];
}

/** A decision to insert, with what must be written if (and only if) it is new. */
export interface DecisionToInsert {
  decision: StoredDecision;
  followUps?: IngestFollowUps;
}

/** One write of the follow-ups; the driver answers an event's write with whether its slot was free. */
type FollowUpWrite =
  { kind: 'event'; event: ChainEvent } | { kind: 'outbox'; entry: OutboxMessage } | { kind: 'case'; case: StoredCase } | { kind: 'rollups'; rollups: Rollup[] };

/**
 * The one place that says which follow-ups are written, in what order: only those of decisions
 * the store actually inserted (a retried duplicate sets off nothing twice); events before their
 * cases, as commitCaseChange does; a case whose event slot was taken (say, by an objection racing
 * the sampler) is someone else's and is skipped, with its outbox entry; a case's entry just before
 * the case, as applyEvent does (no case without its message); the rollups last, summed per key.
 */
function* followUpWrites(items: readonly DecisionToInsert[], inserted: ReadonlySet<string>): Generator<FollowUpWrite, void, boolean> {
  const due = items.filter((item) => item.followUps && inserted.has(item.decision.id)).map((item) => item.followUps!);
  const skipped = new Set<string>();
  for (const event of due.flatMap((f) => f.events)) {
    const appended = yield { kind: 'event', event };
    if (!appended && event.caseId) skipped.add(event.caseId);
  }
  const entries = due.flatMap((f) => f.outbox ?? []);
  for (const c of due.flatMap((f) => f.cases)) {
    if (skipped.has(c.id)) continue;
    for (const entry of entries.filter((e) => e.caseId === c.id)) yield { kind: 'outbox', entry };
    yield { kind: 'case', case: c };
  }
  const rollups = mergeRollups(due.flatMap((f) => f.rollups));
  if (rollups.length) yield { kind: 'rollups', rollups };
}

/** The adapter's writes; appendEvent rejects a taken (decisionId, seq) with DuplicateKeyError, as EventRepo.append does. */
export interface FollowUpWriters<Done> {
  appendEvent(event: ChainEvent): Done;
  addOutbox(entry: OutboxMessage): Done;
  putCase(c: StoredCase): Done;
  incrementRollups(rollups: Rollup[]): Done;
}

/** Writes the follow-ups synchronously (SQLite: inside the transaction that inserted the decisions). */
export function writeFollowUpsSync(items: readonly DecisionToInsert[], inserted: ReadonlySet<string>, writers: FollowUpWriters<void>): void {
  const write = (w: FollowUpWrite): boolean => {
    if (w.kind === 'case') writers.putCase(w.case);
    else if (w.kind === 'outbox') writers.addOutbox(w.entry);
    else if (w.kind === 'rollups') writers.incrementRollups(w.rollups);
    else {
      try {
        writers.appendEvent(w.event);
      } catch (error) {
        if (!(error instanceof DuplicateKeyError)) throw error;
        return false;
      }
    }
    return true;
  };
  const writes = followUpWrites(items, inserted);
  for (let step = writes.next(true); !step.done; step = writes.next(write(step.value)));
}

/** The same one document at a time, each awaited (MongoDB: right after the decisions). */
export async function writeFollowUps(
  items: readonly DecisionToInsert[],
  inserted: ReadonlySet<string>,
  writers: FollowUpWriters<Promise<void>>,
): Promise<void> {
  const write = async (w: FollowUpWrite): Promise<boolean> => {
    if (w.kind === 'case') await writers.putCase(w.case);
    else if (w.kind === 'outbox') await writers.addOutbox(w.entry);
    else if (w.kind === 'rollups') await writers.incrementRollups(w.rollups);
    else {
      try {
        await writers.appendEvent(w.event);
      } catch (error) {
        if (!(error instanceof DuplicateKeyError)) throw error;
        return false;
      }
    }
    return true;
  };
  const writes = followUpWrites(items, inserted);
  for (let step = writes.next(true); !step.done; step = writes.next(await write(step.value)));
}
