import { CaseOrigin, CaseStatus } from '@shared/schemas/case';
import { Identifier, type DecisionType } from '@shared/schemas/common';
import type { CaseListFilter } from '../api/list-cases';

/** The address parameters that make up a queue's view; a case opened from the queue carries them, so "back" and "next" know it. */
export const QUEUE_PARAMS = ['status', 'type', 'origin', 'mine', 'overdue', 'q', 'awaiting'] as const;

/**
 * The queue's filter as the address says it. Open cases unless asked otherwise: the queue is first
 * of all the work nobody has picked up. Anything the server would refuse is left out.
 */
export function readQueueFilter(params: URLSearchParams, scopes: DecisionType[]): CaseListFilter {
  const status = params.get('status');
  const type = params.get('type');
  const awaitingMe = params.get('awaiting') === '1';
  return {
    status: awaitingMe || status === 'all' ? undefined : (CaseStatus.safeParse(status ?? 'open').data ?? 'open'),
    type: scopes.find((scope) => scope === type),
    origin: CaseOrigin.safeParse(params.get('origin')).data,
    mine: params.get('mine') === '1',
    overdue: params.get('overdue') === '1',
    q: Identifier.safeParse(params.get('q')?.trim()).data,
    awaitingMe,
  };
}

/** Only the queue's own parameters, in a fixed order: what a case link carries. */
export function queueSearch(params: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const name of QUEUE_PARAMS) {
    const value = params.get(name);
    if (value) kept.set(name, value);
  }
  return kept.toString();
}

/** Where "back to the queue" goes: the approvals inbox or the queue, with the view it was left in. */
export function queuePath(search: string): string {
  const params = new URLSearchParams(search);
  const base = params.get('awaiting') === '1' ? '/approvals' : '/review';
  params.delete('awaiting');
  const rest = params.toString();
  return rest ? `${base}?${rest}` : base;
}

/** A case's address from the queue, carrying the queue's view. */
export const caseLink = (caseId: string, search: string) => `/review/cases/${caseId}${search ? `?${search}` : ''}`;
