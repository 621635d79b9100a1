import { useMutation, useQueryClient } from '@tanstack/react-query';
import { signIn as route } from '@shared/contract/session';
import type { SignIn, User } from '@shared/schemas/session';
import { call } from '../../../lib/call';
import { clearSessionEnded } from '../../../lib/session-ended';
import { sessionQuery } from './get-session';

const send = call(route);

export async function signIn(credentials: SignIn): Promise<User> {
  return (await send({ body: credentials }, { quietUnauthenticated: true })).user;
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
