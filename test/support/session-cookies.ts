import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../server/clock';
import type { Config } from '../../server/config';
import { SESSION_COOKIE } from '../../server/http/auth';
import type { Store } from '../../server/storage/store';

/** The store keeps SHA-256 of the cookie token, never the token (server/auth/sessions.service.ts). */
export const sessionTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The token inside a `Set-Cookie` or `Cookie` header value. */
export function sessionTokenOf(setCookie: string | string[] | undefined): string | undefined {
  const all = ([] as string[]).concat(setCookie ?? []);
  const found = all.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return found?.split(';')[0]!.slice(SESSION_COOKIE.length + 1) || undefined;
}

/**
 * A live session for a user, written straight into the store the way sign-in writes it, as a
 * `Cookie` header value. Sign-in spends an scrypt hash (~50 ms); a matrix of hundreds of cells
 * with a fresh session each would spend most of its time there.
 */
export async function sessionCookieFor(store: Store, clock: Clock, config: Config, username: string): Promise<string> {
  const user = await store.users.byUsername(username);
  if (!user) throw new Error(`no user ${username}`);
  const token = randomBytes(32).toString('base64url');
  const now = clock.now();
  await store.sessions.insert({
    tokenHash: sessionTokenHash(token),
    userId: user.id,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + config.sessionAbsoluteMs).toISOString(),
  });
  return `${SESSION_COOKIE}=${token}`;
}
