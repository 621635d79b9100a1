import type { Role } from '@shared/schemas/common';
import type { MessageKey } from '../i18n';

export interface NavItem {
  to: string;
  label: MessageKey;
}

const REVIEW_ROLES: Role[] = ['reviewer', 'approver'];
export const roleGroups = {
  member: ['member'] as Role[],
  review: REVIEW_ROLES,
  governance: ['governance'] as Role[],
  admin: ['admin'] as Role[],
};

export const hasAnyRole = (roles: Role[], wanted: Role[]) => roles.some((role) => wanted.includes(role));

/** Navigation by role; a user with several roles sees each role's entries, member's first. */
export function navItemsFor(roles: Role[]): NavItem[] {
  const items: NavItem[] = [];
  if (hasAnyRole(roles, roleGroups.member))
    items.push({ to: '/decisions', label: 'nav.myDecisions' }, { to: '/cases', label: 'nav.myCases' }, { to: '/my-data', label: 'nav.myData' });
  if (hasAnyRole(roles, roleGroups.review)) items.push({ to: '/review', label: 'nav.caseQueue' });
  if (hasAnyRole(roles, roleGroups.governance)) items.push({ to: '/governance', label: 'nav.dashboard' }, { to: '/governance/audit', label: 'nav.audit' });
  if (hasAnyRole(roles, roleGroups.admin)) items.push({ to: '/admin', label: 'nav.admin' });
  return items;
}

/** Where "/" leads: the first screen of the user's first role. */
export const landingPathFor = (roles: Role[]): string => navItemsFor(roles)[0]?.to ?? '/not-found';
