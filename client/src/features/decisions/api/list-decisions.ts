import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { DecisionType } from '@shared/schemas/common';
import { listDecisions as route } from '@shared/contract/decisions';
import { call } from '../../../lib/call';

const send = call(route);

export interface DecisionListFilter {
  type?: DecisionType;
  /** Staff only: one member's decisions (members always get their own). */
  memberId?: string;
  limit?: number;
}

/** One page of decisions, newest first (the server's order: decidedAt, then id, descending). */
export const listDecisions = (filter: DecisionListFilter, cursor: string | undefined, signal?: AbortSignal) =>
  send({ query: { type: filter.type, memberId: filter.memberId, limit: filter.limit ?? 20, cursor } }, { signal });

export const decisionsQuery = (filter: DecisionListFilter = {}) =>
  infiniteQueryOptions({
    queryKey: ['decisions', 'list', filter],
    queryFn: ({ pageParam, signal }) => listDecisions(filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useDecisions = (filter: DecisionListFilter = {}) => useInfiniteQuery(decisionsQuery(filter));
