import type { DecisionType } from '@shared/schemas/common';
import type { User } from '@shared/schemas/session';
import { forbidden } from './errors';

export const isMember = (user: User) => user.roles.includes('member');
export const isReviewer = (user: User) => user.roles.includes('reviewer') || user.roles.includes('approver');
export const isApprover = (user: User) => user.roles.includes('approver');
export const readsEverything = (user: User) => user.roles.includes('governance') || user.roles.includes('admin');
export const isStaff = (user: User) => isReviewer(user) || readsEverything(user);

/** Which decision types a user may see at all; members are limited by member id instead. */
export function visibleTypes(user: User): DecisionType[] | 'all' {
  if (readsEverything(user)) return 'all';
  if (isReviewer(user)) return user.scopes;
  return [];
}

/** The one rule for reading a decision: its subject, or staff whose scope covers its type. */
export function canReadDecision(user: User, decision: { type: DecisionType; subject: { memberId: string } | null }): boolean {
  if (isMember(user) && user.memberId && decision.subject?.memberId === user.memberId) return true;
  const types = visibleTypes(user);
  return types === 'all' || types.includes(decision.type);
}

export function requireStaff(user: User): void {
  if (!isStaff(user)) throw forbidden('forbidden', 'This needs a staff role.');
}
