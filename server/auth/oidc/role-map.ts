import { DecisionType, Role } from '@shared/schemas/common';

/** What one group of the identity provider grants: roles, and for reviewers the decision types. */
export interface RoleGrant {
  roles: Role[];
  scopes: DecisionType[];
}

/** group → what it grants; a group may appear more than once in the variable (the grants add up). */
export type RoleMap = ReadonlyMap<string, RoleGrant>;

/** Members come through their own provider (MEMBER_OIDC_*), never through a staff group. */
const STAFF_ROLES = Role.options.filter((r) => r !== 'member');

/**
 * Parses OIDC_ROLE_MAP: comma-separated entries `<group>=<role>[:<scope>[+<scope>…]]`, for example
 * `recourse-fraud=reviewer:fraud_flag,recourse-pricing=reviewer:renewal_price+risk_score,recourse-approvers=approver`.
 * Returns the map, or the problems, one a line, so the server stops naming every wrong entry.
 */
export function parseRoleMap(text: string): { map: RoleMap; problems: string[] } {
  const map = new Map<string, RoleGrant>();
  const problems: string[] = [];
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) problems.push('names no group: use <group>=<role>[:<scope>+<scope>], comma-separated');
  for (const entry of entries) {
    const eq = entry.lastIndexOf('=');
    const group = entry.slice(0, eq).trim();
    const [role = '', scopeText, ...rest] = entry
      .slice(eq + 1)
      .split(':')
      .map((p) => p.trim());
    if (eq <= 0 || !group) {
      problems.push(`"${entry}" is not <group>=<role>[:<scopes>]`);
      continue;
    }
    if (!(STAFF_ROLES as string[]).includes(role)) {
      problems.push(`"${entry}": the role must be one of ${STAFF_ROLES.join(', ')}`);
      continue;
    }
    const scopes = scopeText === undefined ? [] : scopeText.split('+').map((s) => s.trim());
    const badScopes = scopes.filter((s) => !DecisionType.safeParse(s).success);
    if (rest.length || badScopes.length || (scopeText !== undefined && scopes.length === 0)) {
      problems.push(`"${entry}": scopes are decision types joined by +, from ${DecisionType.options.join(', ')}`);
      continue;
    }
    const grant = map.get(group) ?? { roles: [], scopes: [] };
    map.set(group, merge(grant, { roles: [role as Role], scopes: scopes as DecisionType[] }));
  }
  return { map, problems };
}

const merge = (a: RoleGrant, b: RoleGrant): RoleGrant => ({
  roles: [...new Set([...a.roles, ...b.roles])],
  scopes: [...new Set([...a.scopes, ...b.scopes])],
});

/**
 * What a person's groups grant, at every sign-in: the union over the groups that the map names.
 * Roles and scopes are sorted, so the stored user does not change when only the claim's order did.
 */
export function grantFor(map: RoleMap, groups: readonly string[]): RoleGrant {
  let grant: RoleGrant = { roles: [], scopes: [] };
  for (const group of new Set(groups)) {
    const found = map.get(group);
    if (found) grant = merge(grant, found);
  }
  return { roles: [...grant.roles].sort(), scopes: [...grant.scopes].sort() };
}

/** The groups of a claim: an array of strings, or one string (some providers send a single group so). */
export function groupsOf(claim: unknown): string[] {
  if (typeof claim === 'string') return [claim];
  if (Array.isArray(claim)) return claim.filter((g): g is string => typeof g === 'string');
  return [];
}
