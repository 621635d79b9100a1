import { Router, type CookieOptions, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import {
  finishMemberOidcSignIn,
  finishOidcSignIn,
  getSignInOptions,
  memberOidcSignOut,
  oidcSignOut,
  startMemberOidcSignIn,
  startOidcSignIn,
} from '@shared/contract/session';
import type { OidcSignInError } from '@shared/schemas/session';
import { SESSION_COOKIE } from '../../http/auth';
import { serve } from '../../http/serve';
import type { SessionService } from '../sessions.service';
import { FLOW_TTL_MS } from './flow-cookie';
import { OidcRefusal, type OidcSignIn } from './oidc-sign-in.service';

const FLOW_COOKIE = { staff: 'recourse_oidc_flow', member: 'recourse_member_oidc_flow' } as const;

export interface OidcRouterDeps {
  staff?: OidcSignIn;
  member?: OidcSignIn;
  staffLocalLogin: boolean;
  sessions: SessionService;
  cookie: { secure: boolean; maxAgeMs: number };
  logger: Logger;
}

/**
 * The browser's side of OpenID Connect sign-in. These routes are navigated to, not fetched, so
 * every outcome is a redirect: to the provider, into the app, or back to the sign-in page with
 * an error code the page words (never a problem+json page a person would have to read).
 */
export function oidcRouter({ staff, member, staffLocalLogin, sessions, cookie, logger }: OidcRouterDeps): Router {
  const router = Router();
  const sessionCookie: CookieOptions = { httpOnly: true, sameSite: 'strict', secure: cookie.secure, path: '/', maxAge: cookie.maxAgeMs };
  // Lax, not Strict: the provider's redirect back is a cross-site navigation (see flow-cookie.ts).
  const flowCookie: CookieOptions = { httpOnly: true, sameSite: 'lax', secure: cookie.secure, path: '/api/session', maxAge: FLOW_TTL_MS };

  const refused = (res: Response, kind: 'staff' | 'member', error: unknown) => {
    const refusal = error instanceof OidcRefusal ? error : new OidcRefusal('oidc_unavailable', `unexpected ${(error as Error).name}`);
    // The code and a reason from the checks, never a claim, a token or a name.
    logger.warn({ oidc: kind, refused: refusal.code, reason: refusal.reason }, 'OpenID Connect sign-in refused');
    res.redirect(302, signInWith(refusal.code));
  };

  serve(router, getSignInOptions, () => ({
    staff: staff ? { displayName: staff.displayName, startUrl: '/api/session/oidc' } : null,
    member: member ? { displayName: member.displayName, startUrl: '/api/session/member-oidc' } : null,
    staffLocalLogin,
  }));

  const start = (kind: 'staff' | 'member', provider: OidcSignIn | undefined) => async (res: Response, returnTo?: string) => {
    if (!provider) return void res.redirect(302, signInWith('oidc_not_configured'));
    try {
      const { url, cookie: flow } = await provider.start(returnTo);
      res.cookie(FLOW_COOKIE[kind], flow, flowCookie);
      res.redirect(302, url);
    } catch (error) {
      refused(res, kind, error);
    }
  };

  const finish = (kind: 'staff' | 'member', provider: OidcSignIn | undefined) => async (req: Request, res: Response) => {
    // A flow is used once, whatever its outcome.
    res.clearCookie(FLOW_COOKIE[kind], { ...flowCookie, maxAge: undefined });
    if (!provider) return void res.redirect(302, signInWith('oidc_not_configured'));
    // The URL as registered, with the query as received: right behind a proxy that rewrites hosts.
    const callbackUrl = new URL(provider.redirectUri);
    callbackUrl.search = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    try {
      const flow = (req.cookies as Record<string, string> | undefined)?.[FLOW_COOKIE[kind]];
      const { token, returnTo } = await provider.finish(callbackUrl, flow, req.sessionToken);
      res.cookie(SESSION_COOKIE, token, sessionCookie);
      res.redirect(302, returnTo);
    } catch (error) {
      refused(res, kind, error);
    }
  };

  const signOut = (provider: OidcSignIn | undefined) => async (req: Request, res: Response) => {
    if (req.sessionToken) await sessions.signOut(req.sessionToken);
    res.clearCookie(SESSION_COOKIE, { ...sessionCookie, maxAge: undefined });
    const back = provider ? new URL('/sign-in', provider.redirectUri).href : '/sign-in';
    res.redirect(302, (provider && (await provider.logoutUrl(back))) || '/sign-in');
  };

  serve(router, startOidcSignIn, ({ res, query }) => start('staff', staff)(res, query.returnTo));
  serve(router, finishOidcSignIn, ({ req, res }) => finish('staff', staff)(req, res));
  serve(router, oidcSignOut, ({ req, res }) => signOut(staff)(req, res));
  serve(router, startMemberOidcSignIn, ({ res, query }) => start('member', member)(res, query.returnTo));
  serve(router, finishMemberOidcSignIn, ({ req, res }) => finish('member', member)(req, res));
  serve(router, memberOidcSignOut, ({ req, res }) => signOut(member)(req, res));
  return router;
}

const signInWith = (code: OidcSignInError) => `/sign-in?error=${code}`;
