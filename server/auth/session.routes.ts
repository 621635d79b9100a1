import { Router, type CookieOptions } from 'express';
import { changePassword, getSession, liftSignInThrottle, signIn, signOut } from '@shared/contract/session';
import { SESSION_COOKIE } from '../http/auth';
import { serve } from '../http/serve';
import type { SessionService } from './sessions.service';

export function sessionRouter(sessions: SessionService, cookie: { secure: boolean; maxAgeMs: number }): Router {
  const router = Router();
  const options: CookieOptions = { httpOnly: true, sameSite: 'strict', secure: cookie.secure, path: '/', maxAge: cookie.maxAgeMs };

  serve(router, signIn, async ({ req, res, body }) => {
    const { token, user } = await sessions.signIn(body.username, body.password, req.ip, req.sessionToken);
    res.cookie(SESSION_COOKIE, token, options);
    return { user };
  });

  serve(router, getSession, ({ user }) => ({ user }));

  serve(router, signOut, async ({ req, res }) => {
    if (req.sessionToken) await sessions.signOut(req.sessionToken);
    res.clearCookie(SESSION_COOKIE, { ...options, maxAge: undefined });
  });

  serve(router, changePassword, async ({ user, res, body }) => {
    const { token, user: changed } = await sessions.changePassword(user, body);
    res.cookie(SESSION_COOKIE, token, options);
    return { user: changed };
  });

  serve(router, liftSignInThrottle, ({ user, params }) => sessions.liftThrottle(user, params.username));
  return router;
}
