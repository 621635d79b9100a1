import { randomBytes, randomUUID } from 'node:crypto';
import { can, isReviewer } from '@shared/auth/permissions';
import { USERNAME_PATTERN, type AdminUserView, type CreateUser, type UpdateUser } from '@shared/schemas/admin';
import type { User } from '@shared/schemas/session';
import type { Clock } from '../clock';
import { hashPassword, normalizeUsername } from './passwords';
import { appendStaffLog, staffActor } from '../domain/staff-log';
import { AppError, badRequest, conflict, forbidden, notFound } from '../domain/errors';
import { DuplicateKeyError, type Store, type StoredUser } from '../storage/store';

/** 18 random bytes as base64url: 24 characters, 144 bits, for a password an admin hands over once. */
const generatedPassword = () => randomBytes(18).toString('base64url');

/**
 * Where an account comes from. Accounts provisioned by an identity provider carry a `source`
 * with its issuer and subject (written at their sign-in); every other account was made here.
 */
function sourceOf({ source }: StoredUser): AdminUserView['source'] {
  return source ? { kind: 'oidc', issuer: source.issuer, subject: source.subject } : { kind: 'local' };
}

export const adminUserView = (u: StoredUser): AdminUserView => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName ?? null,
  roles: u.roles,
  scopes: u.scopes,
  ...(u.memberId ? { memberId: u.memberId } : {}),
  source: sourceOf(u),
  disabled: u.disabled === true,
  mustChangePassword: u.mustChangePassword === true,
  lastSignInAt: u.lastSignInAt ?? null,
  createdAt: u.createdAt,
});

/** An admin in the sense that matters here: someone enabled who can still manage people. */
const isEnabledAdmin = (u: Pick<StoredUser, 'roles' | 'disabled'>) => can(u, 'users.manage') && u.disabled !== true;

/**
 * The admin's people: staff accounts made with a one-time password, their roles and scopes, a
 * switch that ends every session at once, a password reset. The last enabled admin is kept, so a
 * deployment never locks itself out of its own console. (Two admins disabling each other at the
 * same instant could both pass the check: the store has no multi-document transactions; the
 * command line's `create-admin` is the way back in.)
 */
export function createUsersAdminService({ store, clock }: { store: Store; clock: Clock }) {
  const requireAdmin = (user: User) => {
    if (!can(user, 'users.manage')) throw forbidden('forbidden', 'Only admin manages people.');
  };
  const existing = async (id: string) => {
    const found = await store.users.byId(id);
    if (!found) throw notFound('No such user.');
    return found;
  };
  const log = (admin: User, action: 'user_created' | 'user_updated' | 'user_password_reset', data: Record<string, unknown>) =>
    appendStaffLog(store, clock, { actor: staffActor(admin), action, subjectDigest: null, data });

  return {
    async list(admin: User) {
      requireAdmin(admin);
      return { items: (await store.users.list()).map(adminUserView) };
    },

    async create(admin: User, body: CreateUser) {
      requireAdmin(admin);
      const username = normalizeUsername(body.username);
      if (!USERNAME_PATTERN.test(username))
        throw badRequest('validation_failed', 'Not a valid user name.', [{ path: 'username', message: 'use letters, digits and . _ @ - only' }]);
      const password = body.password ?? generatedPassword();
      const user: StoredUser = {
        id: `u_${randomUUID()}`,
        username,
        roles: [...new Set(body.roles)],
        scopes: [...new Set(body.scopes)],
        ...(body.displayName ? { displayName: body.displayName } : {}),
        mustChangePassword: true,
        passwordHash: await hashPassword(password),
        createdAt: clock.now().toISOString(),
      };
      try {
        await store.users.insert(user);
      } catch (error) {
        if (error instanceof DuplicateKeyError) throw conflict('conflict', `A user named "${username}" already exists; nothing was changed.`);
        throw error;
      }
      await log(admin, 'user_created', { userId: user.id, roles: user.roles, scopes: user.scopes });
      return { user: adminUserView(user), ...(body.password === undefined ? { generatedPassword: password } : {}) };
    },

    async update(admin: User, id: string, body: UpdateUser) {
      requireAdmin(admin);
      const user = await existing(id);
      if (body.roles && user.memberId) throw conflict('invalid_state', "A member's account keeps the member role; it is not made staff here.");
      // A provisioned person's roles and scopes come from the provider's groups at every sign-in:
      // a change here would silently be undone, so it is refused; disabling still works.
      if ((body.roles || body.scopes) && sourceOf(user).kind !== 'local') {
        throw conflict('invalid_state', "This person's roles and scopes come from the identity provider's groups; change them there.");
      }
      const roles = body.roles ? [...new Set(body.roles)] : user.roles;
      // Scopes mean something only to reviewers and approvers: another role drops them.
      const scopes = isReviewer({ roles }) ? [...new Set(body.scopes ?? user.scopes)] : [];
      if (body.scopes?.length && !isReviewer({ roles })) {
        throw badRequest('validation_failed', 'Scopes are for reviewers and approvers only.', [
          { path: 'scopes', message: 'scopes are for reviewers and approvers only' },
        ]);
      }
      const { displayName: _old, ...rest } = user;
      const displayName = body.displayName === undefined ? user.displayName : (body.displayName ?? undefined);
      const next: StoredUser = { ...rest, ...(displayName ? { displayName } : {}), roles, scopes, disabled: body.disabled ?? user.disabled === true };
      // An admin never disables or demotes themselves (another admin may): so the one acting always
      // stays an enabled admin, and the last one can never be removed.
      if (user.id === admin.id && !isEnabledAdmin(next)) {
        throw conflict('own_account', 'You cannot disable yourself or take away your own admin role; another admin can.');
      }
      if (!(await store.users.update(next))) throw notFound('No such user.');
      // A disabled person's sessions end now, not at their next expiry.
      if (next.disabled) await store.sessions.deleteForUser(user.id);
      await log(admin, 'user_updated', { userId: user.id, roles: next.roles, scopes: next.scopes, disabled: next.disabled === true });
      return adminUserView(next);
    },

    /** The person signs in with the one-time password and must then choose their own. */
    async resetPassword(admin: User, id: string, body: { password?: string } | undefined) {
      requireAdmin(admin);
      const user = await existing(id);
      if (sourceOf(user).kind !== 'local')
        throw conflict('invalid_state', 'This person signs in through the identity provider; there is no password here to reset.');
      // One's own password is changed knowing the current one (POST /api/session/password), not reset.
      if (user.id === admin.id) throw conflict('own_account', 'Change your own password under your account, with your current one.');
      const password = body?.password ?? generatedPassword();
      const next: StoredUser = { ...user, passwordHash: await hashPassword(password), mustChangePassword: true };
      if (!(await store.users.update(next))) throw notFound('No such user.');
      await store.sessions.deleteForUser(user.id);
      await log(admin, 'user_password_reset', { userId: user.id });
      return { user: adminUserView(next), ...(body?.password === undefined ? { generatedPassword: password } : {}) };
    },
  };
}

export type UsersAdminService = ReturnType<typeof createUsersAdminService>;

/** A refused sign-in of a disabled account (after a right password: a wrong one says only that). */
export const accountDisabled = () => new AppError(401, 'account_disabled', 'Sign-in refused', 'This account is disabled; ask an administrator.');
