import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api-client';

/** One client for the app. A 4xx or a broken contract is an answer; only outages are retried. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (failures, error) => failures < 2 && !(isApiError(error) && (error.isClientError || error.code === 'invalid_response')),
    },
    mutations: { retry: false },
  },
});
