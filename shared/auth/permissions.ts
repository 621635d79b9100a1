import type { DecisionType, Role } from '../schemas/common';

/**
 * Who may do what: the one table of permissions by role. The server's services and routes and
 * the client's navigation and guards all ask `can`, so a role's reach is changed here only.
 * Where a resource has a decision type, reviewers are further held to their scopes
 * (`visibleTypes`, `canReadDecision`); members to their own member id.
 */
export const PERMISSIONS = {
  /** A member's own decisions, objections and data. */
  'decisions.readOwn': ['member'],
  /** Every decision type, whatever the scopes. */
  'decisions.readAll': ['governance', 'admin'],
  /** Staff views: internal case entries and notes, proposals, the model registry, the policies. */
  'staff.read': ['reviewer', 'approver', 'governance', 'admin'],
  /** Act on cases in one's scopes: take, propose, resolve one's own, register objections by phone or post. */
  'cases.review': ['reviewer', 'approver'],
  /** Approve overrides, assign cases to others, resolve anyone's case. */
  'cases.approve': ['approver'],
  /** The case page in the client: reviewers act on it, governance reads it. */
  'cases.openPage': ['reviewer', 'approver', 'governance'],
  /** The governance metrics: rollups, fairness, drift. */
  'metrics.read': ['governance'],
  /** A model's outcome distribution: governance every model, reviewers the models of their scopes. */
  'metrics.readModels': ['governance', 'reviewer', 'approver'],
  /** Freeze a period's governance figures as a hashed, chained report (changes no decision). */
  'reports.freeze': ['governance'],
  /** The frozen reports: figures as governance saw them, so governance only, as the metrics. */
  'reports.read': ['governance'],
  /** The governance dashboard in the client. */
  'governance.dashboard': ['governance'],
  /** Monitors: thresholds per model on drift, fairness ratios and override rates, and their alerts. */
  'monitors.manage': ['governance'],
  /** The audit trail: events, exports, verification, anchors. */
  'audit.inspect': ['governance', 'admin'],
  /**
   * Propose a disclosure of a fraud case in one's scopes to a recipient outside the insurer
   * (a reviewer who also holds `discloser`); an approver in scope, not the proposer, approves it.
   */
  disclosure: ['discloser'],
  /** The disclosure register: who received what, when and why. */
  'disclosures.read': ['governance', 'admin'],
  /** The admin console in the client. */
  'admin.console': ['admin'],
  'models.manage': ['admin'],
  'personalData.erase': ['admin'],
  'personalData.exportForMember': ['admin'],
  'legalHolds.manage': ['admin'],
  'signInThrottles.lift': ['admin'],
  /** Staff accounts: made, given roles and scopes, disabled, their passwords reset. */
  'users.manage': ['admin'],
  /** Ingest keys of the scoring services kept in the store: made, rotated, revoked. */
  'ingestKeys.manage': ['admin'],
  /** Webhook subscriptions to the insurer's systems, their deliveries and dead letters. */
  'webhooks.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

interface WithRoles {
  roles: readonly Role[];
}

/** Whether any of the user's roles holds the permission. */
export const can = (user: WithRoles, permission: Permission): boolean => user.roles.some((role) => (PERMISSIONS[permission] as readonly Role[]).includes(role));

/** Whether the user holds at least one of the permissions. */
export const canAny = (user: WithRoles, permissions: readonly Permission[]): boolean => permissions.some((p) => can(user, p));

export const isMember = (user: WithRoles) => can(user, 'decisions.readOwn');
export const isReviewer = (user: WithRoles) => can(user, 'cases.review');
export const isApprover = (user: WithRoles) => can(user, 'cases.approve');
export const readsEverything = (user: WithRoles) => can(user, 'decisions.readAll');
export const isStaff = (user: WithRoles) => can(user, 'staff.read');
export const isDiscloser = (user: WithRoles) => can(user, 'disclosure');

interface WithScopes extends WithRoles {
  scopes: readonly DecisionType[];
  memberId?: string | null | undefined;
}

/** Which decision types a user may see at all; members are limited by member id instead. */
export function visibleTypes(user: WithScopes): DecisionType[] | 'all' {
  if (readsEverything(user)) return 'all';
  if (isReviewer(user)) return [...user.scopes];
  return [];
}

/** The one rule for reading a decision: its subject, or staff whose scope covers its type. */
export function canReadDecision(user: WithScopes, decision: { type: DecisionType; subject: { memberId: string } | null }): boolean {
  if (isMember(user) && user.memberId && decision.subject?.memberId === user.memberId) return true;
  const types = visibleTypes(user);
  return types === 'all' || types.includes(decision.type);
}
