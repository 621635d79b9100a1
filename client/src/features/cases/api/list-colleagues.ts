import { queryOptions, useQuery } from '@tanstack/react-query';
import { listColleagues as route } from '@shared/contract/cases';
import type { Colleague } from '@shared/schemas/case';
import { call } from '../../../lib/call';

const send = call(route);

/** The reviewers a case can be given to, by name. */
export const listColleagues = (signal?: AbortSignal) => send({}, { signal });

export const colleaguesQuery = () =>
  queryOptions({
    queryKey: ['cases', 'colleagues'],
    queryFn: ({ signal }) => listColleagues(signal),
    staleTime: 5 * 60_000,
  });

export const useColleagues = () => useQuery(colleaguesQuery());

/** A colleague's name as people read it: the display name, else the user name. */
export const nameOf = (colleague: Pick<Colleague, 'username' | 'displayName'>) => colleague.displayName ?? colleague.username;

/** Looks a user id up by name; null while the list loads or for someone not in it. */
export function useColleagueName(): (id: string | null | undefined) => string | null {
  const colleagues = useColleagues();
  return (id) => {
    const found = id ? colleagues.data?.items.find((c) => c.id === id) : undefined;
    return found ? nameOf(found) : null;
  };
}
