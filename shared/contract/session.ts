import { ChangePassword } from '../schemas/admin';
import { SessionInfo, SignIn, UsernameParams } from '../schemas/session';
import { route } from './route';

const SESSION_COOKIE = { 'Set-Cookie': { description: 'recourse_session: httpOnly, SameSite=Strict, Secure with SECURE_COOKIES', required: true } } as const;

export const signIn = route({
  operationId: 'signIn',
  method: 'post',
  path: '/session',
  summary: 'Sign in; sets an httpOnly session cookie',
  caller: 'anyone',
  body: SignIn,
  responses: { 200: { description: 'Signed in', schema: SessionInfo, headers: SESSION_COOKIE } },
  problems: {
    // 401 is documented here because anyone may call: a wrong name or password.
    429: 'too_many_attempts: too many failures of this name from this address (a delay that doubles per failure, up to 15 minutes), or from this address at all; see Retry-After',
  },
});

export const getSession = route({
  operationId: 'getSession',
  method: 'get',
  path: '/session',
  summary: 'Who am I',
  caller: 'person',
  beforePasswordChange: true,
  responses: { 200: { description: 'The signed-in user', schema: SessionInfo } },
});

export const signOut = route({
  operationId: 'signOut',
  method: 'delete',
  path: '/session',
  summary: 'Sign out; ends the session and clears its cookie',
  caller: 'person',
  beforePasswordChange: true,
  responses: { 204: { description: 'Signed out', headers: { 'Set-Cookie': { description: 'recourse_session, expired', required: true } } } },
});

export const liftSignInThrottle = route({
  operationId: 'liftSignInThrottle',
  method: 'delete',
  path: '/admin/sign-in-throttles/:username',
  summary: 'Lift every sign-in throttle of a name, from every address (admin; logged)',
  caller: 'person',
  permissions: ['signInThrottles.lift'],
  params: UsernameParams,
  responses: { 204: { description: 'Lifted (also when there was none)' } },
});

export const changePassword = route({
  operationId: 'changePassword',
  method: 'post',
  path: '/session/password',
  summary:
    "Choose a new password (required after an admin made or reset it: until then every other route answers 403 password_change_required); ends the person's other sessions and sets a fresh session cookie",
  caller: 'person',
  beforePasswordChange: true,
  body: ChangePassword,
  responses: { 200: { description: 'Changed; the user no longer must change it', schema: SessionInfo, headers: SESSION_COOKIE } },
});

export const sessionRoutes = [signIn, getSession, signOut, changePassword, liftSignInThrottle];
