import { randomUUID } from 'node:crypto';
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
}

export async function createUser(store: Store, clock: Clock, input: NewUser) {
  const user = {
    id: `u_${randomUUID()}`,
    username: normalizeUsername(input.username),
    roles: input.roles,
    scopes: input.scopes ?? [],
    ...(input.memberId ? { memberId: canonicalMemberId(input.memberId) } : {}),
    passwordHash: await hashPassword(input.password),
    createdAt: clock.now().toISOString(),
  };
  await store.users.insert(user);
  return user;
}
