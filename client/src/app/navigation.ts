import type { Role } from '@shared/schemas/common';
import type { MessageKey } from '../i18n';

export interface NavItem {
  to: string;
  label: MessageKey;
  /** Highlight only on this exact path (a section's start page), not on the pages below it. */
  end?: boolean;
}

const REVIEW_ROLES: Role[] = ['reviewer', 'approver'];
export const roleGroups = {
  member: ['member'] as Role[],
  review: REVIEW_ROLES,
  /** Who may open a case page: reviewers act on it, governance reads it. */
  caseReaders: [...REVIEW_ROLES, 'governance'] as Role[],
  governance: ['governance'] as Role[],
  admin: ['admin'] as Role[],
  /**
   * Who may read GET /api/metrics/models (a model's outcome distribution on the case page).
   * The server allows governance only today; add the review roles here once it lets reviewers
   * read the models in their scopes.
   */
  metricsReaders: ['governance', 'reviewer', 'approver'] as Role[],
};

export const hasAnyRole = (roles: Role[], wanted: Role[]) => roles.some((role) => wanted.includes(role));

/** Navigation by role; a user with several roles sees each role's entries, member's first. */
export function navItemsFor(roles: Role[]): NavItem[] {
  const items: NavItem[] = [];
  if (hasAnyRole(roles, roleGroups.member))
    items.push({ to: '/decisions', label: 'nav.myDecisions' }, { to: '/cases', label: 'nav.myCases' }, { to: '/my-data', label: 'nav.myData' });
  // Staff find decisions at the same address as a member's own list; the route shows each theirs.
  if (hasAnyRole(roles, roleGroups.review) && !hasAnyRole(roles, roleGroups.member)) items.push({ to: '/review', label: 'nav.caseQueue' }, { to: '/decisions', label: 'nav.decisions' });
  if (hasAnyRole(roles, roleGroups.governance)) items.push({ to: '/governance', label: 'nav.dashboard', end: true }, { to: '/governance/audit', label: 'nav.audit' });
  if (hasAnyRole(roles, roleGroups.admin)) items.push({ to: '/admin', label: 'nav.admin' });
  return items;
}

/** Where "/" leads: the first screen of the user's first role. */
export const landingPathFor = (roles: Role[]): string => navItemsFor(roles)[0]?.to ?? '/not-found';
