import { useMutation, useQueryClient } from '@tanstack/react-query';
import { changePassword as route } from '@shared/contract/session';
import type { ChangePassword } from '@shared/schemas/admin';
import { call } from '../../../lib/call';
import { sessionQuery } from './get-session';

const send = call(route);

/** The person's own password; the answer is the session's user, no longer held to changing it. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ChangePassword) => (await send({ body })).user,
    onSuccess: (user) => queryClient.setQueryData(sessionQuery().queryKey, user),
  });
}
