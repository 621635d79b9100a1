/**
 * Where to go after signing in. Only same-site paths are accepted: a crafted link must not be
 * able to send a freshly signed-in member to another site (open redirect).
 */
export function safeReturnTo(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.startsWith('/sign-in')) return null;
  return value;
}

export const signInPath = (returnTo?: string, reason?: 'session_ended'): string => {
  const params = new URLSearchParams();
  const target = safeReturnTo(returnTo);
  if (target && target !== '/') params.set('returnTo', target);
  if (reason) params.set('reason', reason);
  const search = params.toString();
  return search ? `/sign-in?${search}` : '/sign-in';
};
