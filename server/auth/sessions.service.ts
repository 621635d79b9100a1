import { createHash, randomBytes } from 'node:crypto';
import type { User } from '@shared/schemas/session';
import type { Clock } from '../clock';
import type { Config } from '../config';
import { AppError, tooManyAttempts } from '../http/problem';
import type { Store, StoredUser } from '../storage/store';
import { DUMMY_HASH, normalizeUsername, verifyPassword } from './passwords';

const THROTTLE_WINDOW_MS = 15 * 60_000;
const THROTTLE_MAX_FAILURES = 5;
/** lastSeenAt is written at most this often: one write per minute per session, not per request. */
const TOUCH_EVERY_MS = 60_000;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
/** The throttle key is a digest so the store never lists the names people tried. */
const throttleKey = (username: string) => 'signin:' + createHash('sha256').update(normalizeUsername(username)).digest('hex');

export const toUser = ({ passwordHash: _hash, createdAt: _created, ...user }: StoredUser): User => user;

export function createSessionService({ store, clock, config }: { store: Store; clock: Clock; config: Config }) {
  return {
    /**
     * Checks the throttle before the password, for existing and unknown names alike, so neither
     * the status nor the timing tells an attacker which user names exist.
     */
    async signIn(username: string, password: string, previousToken?: string): Promise<{ token: string; user: User }> {
      const key = throttleKey(username);
      const now = clock.now();
      const failures = await store.loginFailures.countSince(key, new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString());
      if (failures >= THROTTLE_MAX_FAILURES) {
        throw tooManyAttempts('Too many failed sign-ins for this name. Try again in 15 minutes.', THROTTLE_WINDOW_MS / 1000);
      }
      const user = await store.users.byUsername(normalizeUsername(username));
      const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !valid) {
        await store.loginFailures.record(key, now.toISOString());
        throw new AppError(401, 'invalid_credentials', 'Sign-in failed', 'The user name or password is not right.');
      }
      await store.loginFailures.clear(key);
      // A new id at every sign-in: a session fixed before sign-in is never promoted.
      if (previousToken) await store.sessions.delete(tokenHash(previousToken));
      const token = randomBytes(32).toString('base64url');
      await store.sessions.insert({
        tokenHash: tokenHash(token),
        userId: user.id,
        createdAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + config.sessionAbsoluteMs).toISOString(),
      });
      return { token, user: toUser(user) };
    },

    /** The user behind a cookie token, or null when unknown, idle too long or past its absolute expiry. */
    async resolve(token: string): Promise<User | null> {
      const hash = tokenHash(token);
      const session = await store.sessions.get(hash);
      if (!session) return null;
      const now = clock.now();
      const idleSince = now.getTime() - Date.parse(session.lastSeenAt);
      if (idleSince > config.sessionIdleMs || now.toISOString() > session.expiresAt) {
        await store.sessions.delete(hash);
        return null;
      }
      const user = await store.users.byId(session.userId);
      if (!user) return null;
      if (idleSince > TOUCH_EVERY_MS) await store.sessions.touch(hash, now.toISOString());
      return toUser(user);
    },

    async signOut(token: string): Promise<void> {
      await store.sessions.delete(tokenHash(token));
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
