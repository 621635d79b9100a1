import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { listCases as route } from '@shared/contract/cases';
import type { CaseOrigin, CaseStatus } from '@shared/schemas/case';
import type { DecisionType } from '@shared/schemas/common';
import { call } from '../../../lib/call';

const send = call(route);

export interface CaseListFilter {
  status?: CaseStatus;
  type?: DecisionType;
  origin?: CaseOrigin;
  /** Only the cases assigned to the signed-in reviewer. */
  mine?: boolean;
  /** Only active cases past their due date. */
  overdue?: boolean;
  /** A claim id, policy id or member number, exactly. */
  q?: string;
  /** Overrides waiting for the reader's approval (approvers). */
  awaitingMe?: boolean;
  limit?: number;
}

/** One page of cases, earliest due date first (the server's order); members get their own objections. */
export const listCases = (filter: CaseListFilter, cursor: string | undefined, signal?: AbortSignal) =>
  send(
    {
      query: {
        status: filter.status,
        type: filter.type,
        origin: filter.origin,
        assignee: filter.mine ? 'me' : undefined,
        overdue: filter.overdue ? 'true' : undefined,
        q: filter.q,
        awaitingMe: filter.awaitingMe ? 'true' : undefined,
        limit: filter.limit ?? 25,
        cursor,
      },
    },
    { signal },
  );

export const casesQuery = (filter: CaseListFilter = {}) =>
  infiniteQueryOptions({
    queryKey: ['cases', 'list', filter],
    queryFn: ({ pageParam, signal }) => listCases(filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useCases = (filter: CaseListFilter = {}) => useInfiniteQuery(casesQuery(filter));
