import { randomBytes, randomUUID } from 'node:crypto';
import { canonicalMemberId, type DecisionType, type Role } from '@shared/schemas/common';
import type { Clock } from '../clock';
import type { Store } from '../storage/store';
import { hashPassword, normalizeUsername } from './passwords';

export interface NewUser {
  username: string;
  password: string;
  roles: Role[];
  memberId?: string;
  scopes?: DecisionType[];
  /** The name colleagues read (queue, audit log); the user name stays the sign-in name. */
  displayName?: string;
}

export async function createUser(store: Store, clock: Clock, input: NewUser) {
  const user = {
    id: `u_${randomUUID()}`,
    username: normalizeUsername(input.username),
    roles: input.roles,
    scopes: input.scopes ?? [],
    ...(input.memberId ? { memberId: canonicalMemberId(input.memberId) } : {}),
    ...(input.displayName ? { displayName: input.displayName } : {}),
    passwordHash: await hashPassword(input.password),
    createdAt: clock.now().toISOString(),
  };
  await store.users.insert(user);
  return user;
}

/** A name people can type and read: letters, digits and . _ @ - (after normalising). */
const USERNAME = /^[\p{L}\p{N}._@-]{1,100}$/u;
export const MIN_ADMIN_PASSWORD_LENGTH = 12;

export class UserCreationError extends Error {}

/**
 * A deployment's first administrator (or another one), made from the command line because
 * production creates no demo users. Without a password one is generated: 24 characters of
 * base64url (144 random bits), shown once.
 */
export async function createAdmin(store: Store, clock: Clock, input: { username: string; password?: string }) {
  const username = normalizeUsername(input.username);
  if (!USERNAME.test(username)) throw new UserCreationError(`"${input.username}" is not a valid user name: use 1 to 100 letters, digits and . _ @ -`);
  if (await store.users.byUsername(username)) throw new UserCreationError(`A user named "${username}" already exists; nothing was changed.`);
  const password = input.password ?? randomBytes(18).toString('base64url');
  if (password.length < MIN_ADMIN_PASSWORD_LENGTH) throw new UserCreationError(`The password needs at least ${MIN_ADMIN_PASSWORD_LENGTH} characters.`);
  const user = await createUser(store, clock, { username, password, roles: ['admin'] });
  return { user, password, generated: input.password === undefined };
}
