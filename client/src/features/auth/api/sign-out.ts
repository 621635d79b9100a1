import { useMutation } from '@tanstack/react-query';
import { signOut as route } from '@shared/contract/session';
import { isApiError } from '../../../lib/api-client';
import { call } from '../../../lib/call';

const send = call(route);

export async function signOut(): Promise<void> {
  try {
    await send({}, { quietUnauthenticated: true });
  } catch (error) {
    // A session that already ended is as signed out as we need.
    if (!(isApiError(error) && error.status === 401)) throw error;
  }
}

/**
 * Signing out reloads the app on the sign-in page: on a shared computer nothing of the previous
 * user (cached decisions, component state) may survive in memory for the next one.
 */
export const useSignOut = () =>
  useMutation({
    mutationFn: signOut,
    meta: { invalidates: false },
    onSuccess: () => window.location.replace('/sign-in'),
  });
