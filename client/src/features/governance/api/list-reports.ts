import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { listReports as route } from '@shared/contract/reports';
import { call } from '../../../lib/call';

const send = call(route);
const PAGE_SIZE = 20;

/** One page of frozen reports, newest first, each with its verification. */
export const listReports = (cursor: string | undefined, signal?: AbortSignal) => send({ query: { limit: PAGE_SIZE, cursor } }, { signal });

export const reportsQuery = () =>
  infiniteQueryOptions({
    queryKey: ['reports', 'list'],
    queryFn: ({ pageParam, signal }) => listReports(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useReports = () => useInfiniteQuery(reportsQuery());
