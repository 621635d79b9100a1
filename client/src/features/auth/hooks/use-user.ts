import { useQuery } from '@tanstack/react-query';
import type { User } from '@shared/schemas/session';
import { sessionQuery } from '../api/get-session';

/** The signed-in user, for screens behind the session guard (which has already loaded it). */
export function useUser(): User {
  const { data } = useQuery(sessionQuery());
  if (!data) throw new Error('useUser is only for screens behind the session guard');
  return data;
}
