import { queryOptions, useQuery } from '@tanstack/react-query';
import { getSignInOptions as route } from '@shared/contract/session';
import { call } from '../../../lib/call';

const send = call(route);

/** Which providers the sign-in page offers, and whether staff may use a password. */
export const signInOptionsQuery = () =>
  queryOptions({
    queryKey: ['session', 'providers'],
    queryFn: ({ signal }) => send({}, { signal }),
    staleTime: 60 * 60_000,
  });

export const useSignInOptions = () => useQuery(signInOptionsQuery());
