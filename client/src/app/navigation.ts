import { can } from '@shared/auth/permissions';
import type { Role } from '@shared/schemas/common';
import type { MessageKey } from '../i18n';

export interface NavItem {
  to: string;
  label: MessageKey;
  /** Highlight only on this exact path (a section's start page), not on the pages below it. */
  end?: boolean;
  /** A count shown beside the label (overrides waiting for the approver). */
  count?: 'approvals';
}

/** Navigation by permission (see shared/auth/permissions); a user with several roles sees each role's entries, member's first. */
export function navItemsFor(roles: Role[]): NavItem[] {
  const user = { roles };
  const items: NavItem[] = [];
  if (can(user, 'decisions.readOwn'))
    items.push({ to: '/decisions', label: 'nav.myDecisions' }, { to: '/cases', label: 'nav.myCases' }, { to: '/my-data', label: 'nav.myData' });
  // Staff find decisions at the same address as a member's own list; the route shows each theirs.
  if (can(user, 'cases.review') && !can(user, 'decisions.readOwn'))
    items.push({ to: '/review', label: 'nav.caseQueue' }, { to: '/decisions', label: 'nav.decisions' });
  if (can(user, 'cases.approve')) items.push({ to: '/approvals', label: 'nav.approvals', count: 'approvals' });
  if (can(user, 'governance.dashboard')) items.push({ to: '/governance', label: 'nav.dashboard', end: true }, { to: '/governance/audit', label: 'nav.audit' });
  if (can(user, 'reports.read')) items.push({ to: '/governance/reports', label: 'nav.reports' });
  if (can(user, 'admin.console')) items.push({ to: '/admin', label: 'nav.admin' });
  return items;
}

/** Where "/" leads: the first screen of the user's first role. */
export const landingPathFor = (roles: Role[]): string => navItemsFor(roles)[0]?.to ?? '/not-found';
