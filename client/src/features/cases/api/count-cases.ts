import { queryOptions, useQuery } from '@tanstack/react-query';
import { countCases as route } from '@shared/contract/cases';
import type { CaseCountsQuery } from '@shared/schemas/case';
import { call } from '../../../lib/call';

const send = call(route);

/** How many cases each view of the queue holds, in the reader's scopes (one indexed count each on the server). */
export const countCases = (scope: CaseCountsQuery, signal?: AbortSignal) => send({ query: scope }, { signal });

export const caseCountsQuery = (scope: CaseCountsQuery = {}) =>
  queryOptions({
    queryKey: ['cases', 'counts', scope],
    queryFn: ({ signal }) => countCases(scope, signal),
    // The navigation's approvals count follows colleagues' work without a reload.
    refetchInterval: 60_000,
  });

export const useCaseCounts = (scope: CaseCountsQuery = {}, enabled = true) => useQuery({ ...caseCountsQuery(scope), enabled });
