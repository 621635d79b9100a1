import { ChangePassword } from '../schemas/admin';
import { OidcCallbackQuery, OidcStartQuery, SessionInfo, SignIn, SignInOptions, UsernameParams } from '../schemas/session';
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
  problems: { 409: 'invalid_state: a person provisioned by the identity provider has no password here' },
});

export const getSignInOptions = route({
  operationId: 'getSignInOptions',
  method: 'get',
  path: '/session/providers',
  summary: 'What the sign-in page offers: the OpenID Connect providers, and whether staff may use a password',
  caller: 'anyone',
  responses: { 200: { description: 'The sign-in options', schema: SignInOptions } },
});

const TO_PROVIDER = {
  Location: { description: "The provider's authorization endpoint, or /sign-in?error=<code> when it cannot be reached", required: true },
} as const;
const BACK_TO_APP = {
  Location: { description: 'Into the app when signed in; otherwise /sign-in?error=<code>, which the page words', required: true },
  'Set-Cookie': { description: 'recourse_session on success (a fresh session id); the flow cookie cleared always', required: true },
} as const;
const TO_LOGOUT = {
  Location: { description: "The provider's end_session_endpoint (RP-initiated logout), or /sign-in when it has none", required: true },
} as const;
const CALLBACK_DESCRIPTION =
  'The redirect URI registered at the provider. Checks state, exchanges the code with the PKCE verifier, validates the ID token and its nonce (openid-client), then maps the claims to a user. Every refusal is a redirect to /sign-in?error=<code>: a browser arrives here, not an API client.';

/** The three routes of one OpenID Connect provider: the same flow for staff and for members. */
function providerRoutes(p: {
  segment: string;
  operationIds: { start: string; finish: string; signOut: string };
  whose: string;
  who: string;
  redirectVariable: string;
  into: string;
}) {
  return {
    start: route({
      operationId: p.operationIds.start,
      method: 'get',
      path: `/session/${p.segment}`,
      summary: `Start ${p.who} sign-in at ${p.whose} OpenID Connect provider (302 there)`,
      description: 'Sets a short-lived httpOnly cookie holding the flow (state, nonce, PKCE verifier), signed by the server.',
      caller: 'anyone',
      query: OidcStartQuery,
      responses: { 302: { description: 'To the provider', headers: TO_PROVIDER } },
    }),
    finish: route({
      operationId: p.operationIds.finish,
      method: 'get',
      path: `/session/${p.segment}/callback`,
      summary: `The provider sends the ${p.who} back here; signs them in (${p.redirectVariable})`,
      description: CALLBACK_DESCRIPTION,
      caller: 'anyone',
      query: OidcCallbackQuery,
      responses: { 302: { description: `Into ${p.into}, or back to sign-in with an error code`, headers: BACK_TO_APP } },
    }),
    signOut: route({
      operationId: p.operationIds.signOut,
      method: 'get',
      path: `/session/${p.segment}/logout`,
      summary: `Sign out of Recourse and then of ${p.whose} provider (RP-initiated logout)`,
      caller: 'anyone',
      responses: { 302: { description: "To the provider's logout", headers: TO_LOGOUT } },
    }),
  };
}

/** Staff sign-in through the insurer's provider (OIDC_*): authorization code flow with PKCE. */
export const {
  start: startOidcSignIn,
  finish: finishOidcSignIn,
  signOut: oidcSignOut,
} = providerRoutes({
  segment: 'oidc',
  operationIds: { start: 'startOidcSignIn', finish: 'finishOidcSignIn', signOut: 'oidcSignOut' },
  whose: "the insurer's",
  who: 'staff',
  redirectVariable: 'OIDC_REDIRECT_URI',
  into: 'the app',
});

/** Member sign-in through the customer portal's provider (MEMBER_OIDC_*); the same flow. */
export const {
  start: startMemberOidcSignIn,
  finish: finishMemberOidcSignIn,
  signOut: memberOidcSignOut,
} = providerRoutes({
  segment: 'member-oidc',
  operationIds: { start: 'startMemberOidcSignIn', finish: 'finishMemberOidcSignIn', signOut: 'memberOidcSignOut' },
  whose: "the customer portal's",
  who: 'member',
  redirectVariable: 'MEMBER_OIDC_REDIRECT_URI',
  into: 'the portal',
});

export const sessionRoutes = [
  signIn,
  getSession,
  signOut,
  changePassword,
  getSignInOptions,
  startOidcSignIn,
  finishOidcSignIn,
  oidcSignOut,
  startMemberOidcSignIn,
  finishMemberOidcSignIn,
  memberOidcSignOut,
  liftSignInThrottle,
];
