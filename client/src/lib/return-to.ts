import { safeReturnTo } from '@shared/auth/return-to';

export { safeReturnTo };

export const signInPath = (returnTo?: string, reason?: 'session_ended'): string => {
  const params = new URLSearchParams();
  const target = safeReturnTo(returnTo);
  if (target && target !== '/') params.set('returnTo', target);
  if (reason) params.set('reason', reason);
  const search = params.toString();
  return search ? `/sign-in?${search}` : '/sign-in';
};
