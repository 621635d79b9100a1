import { useMutation } from '@tanstack/react-query';
import { memberOidcSignOut, oidcSignOut, signOut as route } from '@shared/contract/session';
import { urlFor } from '@shared/contract/route';
import { isMember } from '@shared/auth/permissions';
import type { User } from '@shared/schemas/session';
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
 * Where the browser goes to sign out. A person who came through a provider is sent to its
 * logout route, which ends the Recourse session and then the provider's (RP-initiated logout):
 * otherwise the next "Sign in with …" would sign them straight back in.
 */
async function signOutTo(user?: User): Promise<string> {
  if (user?.source) return urlFor(isMember(user) ? memberOidcSignOut : oidcSignOut);
  await signOut();
  return '/sign-in';
}

/**
 * Signing out reloads the app on the sign-in page: on a shared computer nothing of the previous
 * user (cached decisions, component state) may survive in memory for the next one.
 */
export const useSignOut = () =>
  useMutation({
    mutationFn: signOutTo,
    meta: { invalidates: false },
    onSuccess: (target) => window.location.replace(target),
  });
