import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SessionInfo, type SignIn, type User } from '@shared/schemas/session';
import { api } from '../../../lib/api-client';
import { clearSessionEnded } from '../../../lib/session-ended';
import { sessionQuery } from './get-session';

export async function signIn(credentials: SignIn): Promise<User> {
  return (await api.post('/api/session', credentials, SessionInfo, { quietUnauthenticated: true })).user;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (user) => {
      // Nothing cached for whoever used this browser before may be shown to the new user.
      queryClient.clear();
      clearSessionEnded();
      queryClient.setQueryData(sessionQuery().queryKey, user);
    },
  });
}
