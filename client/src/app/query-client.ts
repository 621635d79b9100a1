import { MutationCache, QueryClient } from '@tanstack/react-query';
import { sessionQuery } from '../features/auth';
import { isApiError } from '../lib/api-client';

/**
 * One client for the app. A 4xx or a broken contract is an answer; only outages are retried.
 *
 * Every successful change (an objection, a claim, an approval) makes every cached read stale:
 * a change to a case also changes its decision, the queue and the member's lists, which live in
 * other features, and no feature should need to know another's query keys. Only the screens on
 * view refetch, so this costs a request or two. Who is signed in does not change.
 */
export const queryClient: QueryClient = new QueryClient({
  mutationCache: new MutationCache({
    onSuccess: (_data, _variables, _context, mutation) => {
      // Opt out where a refetch would be wasted or wrong: a download (the export) changes nothing,
      // and after signing out every read would only meet a 401.
      if (mutation.meta?.invalidates === false) return;
      const session = sessionQuery().queryKey;
      return queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== session[0] });
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (failures, error) => failures < 2 && !(isApiError(error) && (error.isClientError || error.code === 'invalid_response')),
    },
    mutations: { retry: false },
  },
});
