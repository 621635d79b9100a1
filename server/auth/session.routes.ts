import { Router, type CookieOptions } from 'express';
import { SignIn, UsernameParams } from '@shared/schemas/session';
import { SESSION_COOKIE, requireUser } from '../http/auth';
import { validate } from '../http/validate';
import type { SessionService } from './sessions.service';

export function sessionRouter(sessions: SessionService, cookie: { secure: boolean; maxAgeMs: number }): Router {
  const router = Router();
  const options: CookieOptions = { httpOnly: true, sameSite: 'strict', secure: cookie.secure, path: '/', maxAge: cookie.maxAgeMs };

  router.post('/session', validate({ body: SignIn }), async (req, res) => {
    const { token, user } = await sessions.signIn(req.body.username, req.body.password, req.ip, req.sessionToken);
    res.cookie(SESSION_COOKIE, token, options).json({ user });
  });

  router.get('/session', requireUser, (req, res) => {
    res.json({ user: req.user });
  });

  router.delete('/session', requireUser, async (req, res) => {
    await sessions.signOut(req.sessionToken!);
    res.clearCookie(SESSION_COOKIE, { ...options, maxAge: undefined }).status(204).end();
  });

  router.delete('/admin/sign-in-throttles/:username', requireUser, validate({ params: UsernameParams }), async (req, res) => {
    await sessions.liftThrottle(req.user!, req.params.username as string);
    res.status(204).end();
  });

  return router;
}
