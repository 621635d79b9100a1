import type { StoredCase, StoredDecision } from '../domain/entities';
import { dueDate } from '../domain/deadlines';

/*
 * A case's id names its decision and the chain seq of the event that opened it, so the decision
 * of any case is found without an index and two openings of the same decision never collide.
 */
export const caseIdFor = (decisionId: string, seq: number) => `case_${decisionId.slice('dec_'.length)}_${seq}`;

/** The decision a case id belongs to (see caseIdFor). */
export const decisionIdOfCase = (caseId: string) => `dec_${caseId.slice('case_'.length, 'case_'.length + 24)}`;

/** How a case came in: who raised it, by which channel, in which words, and when it was received. */
export interface CaseOpening {
  origin: StoredCase['origin'];
  channel: StoredCase['channel'];
  statement: string | null;
  requestedOutcome: string | null;
  receivedAt: Date;
  /** Internal work's own service level (a sample); absent: the member's legal month from receipt. */
  dueAt?: Date;
}

/** What an opening sets on a case: the deadline runs from the day it was received. */
export function openingFields(opening: CaseOpening) {
  const due = (opening.dueAt ?? dueDate(opening.receivedAt)).toISOString();
  return {
    origin: opening.origin,
    channel: opening.channel,
    statement: opening.statement,
    requestedOutcome: opening.requestedOutcome,
    receivedAt: opening.receivedAt.toISOString(),
    dueAt: due,
    originalDueAt: due,
  };
}

/** The one way a case comes into being: open, unassigned, version 1, opened by the event at `seq`. */
export function newCase(decision: StoredDecision, seq: number, opening: CaseOpening, now: Date): StoredCase {
  return {
    id: caseIdFor(decision.id, seq),
    decisionId: decision.id,
    decisionType: decision.type,
    memberId: decision.subject?.memberId ?? null,
    status: 'open',
    resolution: null,
    extension: null,
    assignee: null,
    proposal: null,
    resolutionRationale: null,
    openedAt: now.toISOString(),
    closedAt: null,
    restriction: null,
    version: 1,
    ...openingFields(opening),
  };
}
