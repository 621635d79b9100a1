import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { CasePage, type CaseStatus } from '@shared/schemas/case';
import type { DecisionType } from '@shared/schemas/common';
import { api, withQuery } from '../../../lib/api-client';

export interface CaseListFilter {
  status?: CaseStatus;
  type?: DecisionType;
  origin?: 'objection' | 'sample';
  /** Only the cases assigned to the signed-in reviewer. */
  mine?: boolean;
  /** Only active cases past their due date. */
  overdue?: boolean;
  limit?: number;
}

/** One page of cases, earliest due date first (the server's order); members get their own objections. */
export const listCases = (filter: CaseListFilter, cursor: string | undefined, signal?: AbortSignal) =>
  api.get(
    withQuery('/api/cases', {
      status: filter.status,
      type: filter.type,
      origin: filter.origin,
      assignee: filter.mine ? 'me' : undefined,
      overdue: filter.overdue ? 'true' : undefined,
      limit: filter.limit ?? 25,
      cursor,
    }),
    CasePage,
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
