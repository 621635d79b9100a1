import { queryOptions, useQuery } from '@tanstack/react-query';
import { getSession as route } from '@shared/contract/session';
import type { User } from '@shared/schemas/session';
import { isApiError } from '../../../lib/api-client';
import { call } from '../../../lib/call';

const send = call(route);

/** Who is signed in, or null: a 401 here is an answer, not an error. */
export async function getSession(signal?: AbortSignal): Promise<User | null> {
  try {
    return (await send({}, { signal, quietUnauthenticated: true })).user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export const sessionQuery = () =>
  queryOptions({
    queryKey: ['session'],
    queryFn: ({ signal }) => getSession(signal),
    staleTime: 5 * 60_000,
  });

export const useSession = () => useQuery(sessionQuery());
