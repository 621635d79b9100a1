import { createHash, randomBytes } from 'node:crypto';
import type { User } from '@shared/schemas/session';
import { can, isStaff } from '@shared/auth/permissions';
import { appendStaffLog, staffActor } from '../domain/staff-log';
import type { Clock } from '../clock';
import type { Config } from '../config';
import { AppError, conflict, forbidden } from '../domain/errors';
import type { Store, StoredUser } from '../storage/store';
import type { ChangePassword } from '@shared/schemas/admin';
import { accountDisabled } from './users-admin.service';
import { DUMMY_HASH, hashPassword, normalizeUsername, verifyPassword } from './passwords';
import { createSignInThrottle } from './sign-in-throttle';

/** lastSeenAt is written at most this often: one write per minute per session, not per request. */
const TOUCH_EVERY_MS = 60_000;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The session's user: what the client and the services need, never the hash or the console's facts. */
export const toUser = ({
  passwordHash: _hash,
  createdAt: _created,
  displayName: _name,
  disabled: _disabled,
  lastSignInAt: _last,
  mustChangePassword,
  ...user
}: StoredUser): User => ({ ...user, ...(mustChangePassword ? { mustChangePassword: true } : {}) });

/** `digestKey` keys the throttle's digests of names and addresses (see sign-in-throttle.ts). */
export function createSessionService({ store, clock, config, digestKey }: { store: Store; clock: Clock; config: Config; digestKey: string }) {
  const throttle = createSignInThrottle({ store, key: digestKey });

  /** A new id at every sign-in: a session fixed before sign-in is never promoted. Returns the cookie token. */
  async function startSession(userId: string, previousToken?: string): Promise<string> {
    const now = clock.now();
    if (previousToken) await store.sessions.delete(tokenHash(previousToken));
    const token = randomBytes(32).toString('base64url');
    await store.sessions.insert({
      tokenHash: tokenHash(token),
      userId,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + config.sessionAbsoluteMs).toISOString(),
    });
    return token;
  }

  return {
    /**
     * Checks the throttle before the password, for existing and unknown names alike, so neither
     * the status nor the timing tells an attacker which user names exist. `address` is the
     * client's (req.ip, behind a proxy only when the app trusts it).
     */
    async signIn(username: string, password: string, address: string | undefined, previousToken?: string): Promise<{ token: string; user: User }> {
      const now = clock.now();
      await throttle.check(username, address, now);
      const user = await store.users.byUsername(normalizeUsername(username));
      // A provisioned user has no password (''): the dummy hash is spent as for an unknown name,
      // and the source check refuses them whatever was typed.
      const valid = await verifyPassword(password, user?.passwordHash || DUMMY_HASH);
      if (!user || !valid || user.source) {
        await throttle.recordFailure(username, address, now);
        throw new AppError(401, 'invalid_credentials', 'Sign-in failed', 'The user name or password is not right.');
      }
      await throttle.succeeded(username, address);
      if (user.disabled) throw accountDisabled();
      // Only after the password, so the answer tells nobody which names belong to staff.
      if (!config.staffLocalLogin && isStaff(user)) {
        throw forbidden('staff_local_login_disabled', 'Staff sign in through the organisation’s identity provider.');
      }
      const token = await startSession(user.id, previousToken);
      // One write per sign-in (the console's "last sign-in"), never one per request.
      await store.users.recordSignIn(user.id, now.toISOString());
      return { token, user: toUser(user) };
    },

    /**
     * The person's own new password: required after an admin made or reset it, allowed any time.
     * Every other session of the person ends and this one gets a fresh id.
     */
    async changePassword(user: User, body: ChangePassword): Promise<{ token: string; user: User }> {
      const stored = await store.users.byId(user.id);
      if (stored?.source) throw conflict('invalid_state', 'Your password is kept by your organisation’s identity provider; change it there.');
      if (!stored || !(await verifyPassword(body.currentPassword, stored.passwordHash))) {
        throw new AppError(401, 'invalid_credentials', 'Password not changed', 'The current password is not right.');
      }
      const next: StoredUser = { ...stored, passwordHash: await hashPassword(body.newPassword) };
      delete next.mustChangePassword;
      await store.users.update(next);
      await store.sessions.deleteForUser(user.id);
      const token = await startSession(user.id);
      return { token, user: toUser(next) };
    },

    /**
     * A fresh session for a user whose identity was checked elsewhere (an OpenID Connect
     * provider): refused for a disabled account, like a password sign-in, and recorded as a sign-in.
     */
    async startVerifiedSession(user: StoredUser, previousToken?: string): Promise<string> {
      if (user.disabled) throw accountDisabled();
      const token = await startSession(user.id, previousToken);
      await store.users.recordSignIn(user.id, clock.now().toISOString());
      return token;
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
      // Disabling deletes the sessions; this covers one started in the same instant.
      if (user.disabled) {
        await store.sessions.delete(hash);
        return null;
      }
      if (idleSince > TOUCH_EVERY_MS) await store.sessions.touch(hash, now.toISOString());
      return toUser(user);
    },

    /** Daily: failed sign-ins that no throttle window counts any more are removed. */
    forgetExpiredSignInFailures(): Promise<number> {
      return throttle.forgetExpired(clock.now());
    },

    async signOut(token: string): Promise<void> {
      await store.sessions.delete(tokenHash(token));
    },

    /**
     * An admin lets a name sign in again from every address at once (a member locked out by
     * someone else's guesses). Logged with the name's keyed digest, never the name.
     */
    async liftThrottle(admin: User, username: string): Promise<void> {
      if (!can(admin, 'signInThrottles.lift')) throw forbidden('forbidden', 'Only admin lifts sign-in throttles.');
      await throttle.liftName(username);
      await appendStaffLog(store, clock, {
        actor: staffActor(admin),
        action: 'sign_in_throttle_lifted',
        subjectDigest: throttle.nameDigest(username),
        data: {},
      });
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
