import { createHash, randomUUID } from 'node:crypto';
import * as client from 'openid-client';
import { MemberId, type DecisionType, type Role } from '@shared/schemas/common';
import { safeReturnTo } from '@shared/auth/return-to';
import type { OidcSignInError } from '@shared/schemas/session';
import type { Clock } from '../../clock';
import type { MemberOidcConfig, StaffOidcConfig } from '../../config';
import { appendStaffLog, staffActor } from '../../domain/staff-log';
import { DuplicateKeyError, type Store, type StoredUser } from '../../storage/store';
import { normalizeUsername } from '../passwords';
import type { SessionService } from '../sessions.service';
import { FLOW_TTL_MS, openFlow, sealFlow, type OidcFlow } from './flow-cookie';
import { createOidcClient } from './oidc-client';
import { grantFor, groupsOf } from './role-map';

/** A refused sign-in: the code the sign-in page words, and a reason for the log (never a claim's value). */
export class OidcRefusal extends Error {
  constructor(
    readonly code: OidcSignInError,
    readonly reason: string,
  ) {
    super(reason);
  }
}

type Kind = { kind: 'staff'; cfg: StaffOidcConfig } | { kind: 'member'; cfg: MemberOidcConfig };

interface Grants {
  roles: Role[];
  scopes: DecisionType[];
  memberId?: string;
}

/**
 * Sign-in through one OpenID Connect provider, staff or member: the same flow, parameterised by
 * what the claims must grant. Nothing is written before every check has passed, so a refused
 * person leaves no new user and no session behind (a known one whose groups now grant nothing
 * loses what they had: see withdraw).
 */
export function createOidcSignIn(deps: { store: Store; clock: Clock; sessions: SessionService; flowKey: Buffer } & Kind) {
  const { store, clock, sessions, flowKey, cfg } = deps;
  const oidc = createOidcClient(cfg);

  const refuse = (code: OidcSignInError, reason: string): never => {
    throw new OidcRefusal(code, reason);
  };

  /** Which refusal a library error is: the provider's answer, the token's checks, or an unreachable provider. */
  function classify(error: unknown): OidcRefusal {
    if (error instanceof OidcRefusal) return error;
    if (error instanceof client.AuthorizationResponseError) return new OidcRefusal('oidc_denied', `provider answered ${errorCode(error.error)}`);
    if (error instanceof client.ResponseBodyError) {
      return new OidcRefusal(error.error === 'invalid_grant' ? 'oidc_code_rejected' : 'oidc_unavailable', `token endpoint answered ${errorCode(error.error)}`);
    }
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('OAUTH_') && code !== 'OAUTH_HTTP_REQUEST_FORBIDDEN' && code !== 'OAUTH_RESPONSE_IS_NOT_JSON') {
      return new OidcRefusal('oidc_token_invalid', `${code}: ${(error as Error).message}`);
    }
    return new OidcRefusal('oidc_unavailable', `provider not reachable: ${(error as Error).name}`);
  }

  /**
   * The person's claims: the ID token's, completed from userinfo when the one Recourse needs is
   * not in it (many providers put groups and custom claims in userinfo only for the code flow).
   * userinfo must name the same subject (openid-client checks).
   */
  async function claimsOf(idToken: Record<string, unknown> & { sub: string }, accessToken: string): Promise<Record<string, unknown>> {
    if (idToken[neededClaim] === undefined) return { ...(await oidc.userinfo(accessToken, idToken.sub)), ...idToken };
    if (idToken.preferred_username !== undefined || idToken.email !== undefined) return idToken;
    // Only a readable name is missing: without userinfo the user is named by a digest instead.
    const userinfo = await oidc.userinfo(accessToken, idToken.sub).catch(() => ({}));
    return { ...userinfo, ...idToken };
  }

  const neededClaim = deps.kind === 'staff' ? deps.cfg.rolesClaim : deps.cfg.memberIdClaim;

  /** The roles, scopes and member id the claims grant; refuses a person they grant nothing. */
  function grantsOf(claims: Record<string, unknown>): Grants {
    const value = claims[neededClaim];
    if (deps.kind === 'staff') {
      const grant = grantFor(deps.cfg.roleMap, groupsOf(value));
      if (grant.roles.length === 0) refuse('oidc_no_role', `the ${neededClaim} claim maps to no role`);
      return grant;
    }
    const memberId = typeof value === 'string' ? MemberId.safeParse(value) : null;
    if (!memberId?.success) return refuse('oidc_member_id_missing', `no valid member id in the ${neededClaim} claim`);
    return { roles: ['member'], scopes: [], memberId: memberId.data };
  }

  /** A readable, unique user name: the provider's preferred name, else a digest of who they are. */
  function usernameFor(claims: Record<string, unknown>, issuer: string, subject: string, attempt: number): string {
    const digest = createHash('sha256').update(`${issuer}\n${subject}`).digest('hex').slice(0, 8);
    const preferred = [claims.preferred_username, claims.email].find((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 80);
    if (!preferred) return `oidc-${digest}`;
    const name = normalizeUsername(preferred);
    // A local user (or another issuer's person) may have the name already: then it carries the digest.
    return attempt === 0 ? name : `${name}#${digest}`;
  }

  /**
   * A known person whose claims now grant nothing (every Recourse group removed): no new user,
   * but the old one loses its roles and every session it still has, in every browser, now
   * rather than at the sessions' expiry.
   */
  async function withdraw(issuer: string, subject: string) {
    const known = await store.users.bySource(issuer, subject);
    if (!known) return;
    await store.sessions.deleteForUser(known.id);
    if (known.roles.length === 0) return;
    const none = { roles: [], scopes: [] };
    const updated = await store.users.setGrants(known.id, none);
    if (updated) await logStaffChange(updated, 'user_grants_changed', { previous: { roles: known.roles, scopes: known.scopes } });
  }

  /**
   * Who may do what changed outside Recourse: governance sees it on the staff log, the person
   * named by issuer and subject. Members are not staff, and their identity at a provider is
   * personal data that a hash-chained log could never erase, so their sign-ins are not logged.
   */
  async function logStaffChange(user: StoredUser, action: 'user_provisioned' | 'user_grants_changed', extra: Record<string, unknown>) {
    if (deps.kind !== 'staff') return;
    await appendStaffLog(store, clock, {
      actor: staffActor(user),
      action,
      subjectDigest: null,
      data: { userId: user.id, roles: user.roles, scopes: user.scopes, ...extra },
    });
  }

  /** Finds the person by (issuer, subject) and writes what the claims grant now, or provisions them. */
  async function provision(claims: Record<string, unknown>, issuer: string, subject: string, grants: Grants): Promise<StoredUser> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const existing = await store.users.bySource(issuer, subject);
      if (existing) {
        if (sameGrants(existing, grants)) return existing;
        const updated = (await store.users.setGrants(existing.id, grants)) ?? refuse('oidc_unavailable', 'user vanished during sign-in');
        await logStaffChange(updated, 'user_grants_changed', { previous: { roles: existing.roles, scopes: existing.scopes } });
        return updated;
      }
      const user: StoredUser = {
        id: `u_${randomUUID()}`,
        username: usernameFor(claims, issuer, subject, attempt),
        roles: grants.roles,
        scopes: grants.scopes,
        ...(grants.memberId ? { memberId: grants.memberId } : {}),
        source: { issuer, subject },
        passwordHash: '',
        createdAt: clock.now().toISOString(),
      };
      try {
        await store.users.insert(user);
        await logStaffChange(user, 'user_provisioned', {});
        return user;
      } catch (error) {
        // A taken name, or the same person signing in twice at once: look again.
        if (!(error instanceof DuplicateKeyError)) throw error;
      }
    }
    return refuse('oidc_unavailable', 'could not provision a user name');
  }

  return {
    kind: deps.kind,
    displayName: cfg.displayName,
    redirectUri: cfg.redirectUri,
    /** Discovery ahead of the first sign-in (at start), so a provider that does not answer is logged early. */
    discover: async (): Promise<void> => void (await oidc.configuration()),

    /** Begins a flow: the provider's URL to redirect to, and the sealed flow for the cookie. */
    async start(returnTo?: string): Promise<{ url: string; cookie: string }> {
      const target = safeReturnTo(returnTo);
      const flow: OidcFlow = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
        ...(target ? { returnTo: target } : {}),
        exp: Date.now() + FLOW_TTL_MS,
      };
      try {
        const url = await oidc.authorizationUrl(flow);
        return { url: url.href, cookie: sealFlow(flowKey, flow) };
      } catch (error) {
        throw classify(error);
      }
    },

    /**
     * Ends a flow at the callback URL: every check, then the user (provisioned or updated), then a
     * fresh session. Returns the session cookie's token.
     */
    async finish(callbackUrl: URL, flowCookie: string | undefined, previousToken?: string): Promise<{ token: string; user: StoredUser; returnTo: string }> {
      try {
        const flow = openFlow(flowKey, flowCookie, Date.now()) ?? refuse('oidc_flow_expired', 'no valid flow cookie');
        const params = callbackUrl.searchParams;
        // Checked here before the provider's error, so a forged callback cannot even show a message of its choosing.
        if (params.get('state') !== flow.state) refuse('oidc_state_mismatch', 'state differs from the flow');
        if (params.has('error')) refuse('oidc_denied', `provider answered ${errorCode(params.get('error'))}`);
        const { claims: idToken, accessToken } = await oidc.exchange(callbackUrl, flow);
        const claims = await claimsOf(idToken, accessToken);
        let grants: Grants;
        try {
          grants = grantsOf(claims);
        } catch (refusal) {
          await withdraw(idToken.iss, idToken.sub);
          throw refusal;
        }
        const user = await provision(claims, idToken.iss, idToken.sub, grants);
        if (user.disabled) refuse('oidc_account_disabled', 'the account is disabled in Recourse');
        return { token: await sessions.startVerifiedSession(user, previousToken), user, returnTo: safeReturnTo(flow.returnTo) ?? '/' };
      } catch (error) {
        throw classify(error);
      }
    },

    /** Where to send the browser after the Recourse session ended: the provider's logout, else null. */
    async logoutUrl(postLogoutRedirectUri: string): Promise<string | null> {
      try {
        return (await oidc.endSessionUrl(postLogoutRedirectUri))?.href ?? null;
      } catch {
        return null;
      }
    },
  };
}

/** An OAuth error code as the protocol spells them, for the log; anything else someone typed into a URL is not logged. */
const errorCode = (value: string | null | undefined) => (value && /^[a-z_]{1,40}$/.test(value) ? value : 'an unlisted error');

const sameGrants = (user: StoredUser, grants: Grants) =>
  JSON.stringify([user.roles, user.scopes, user.memberId ?? null]) === JSON.stringify([grants.roles, grants.scopes, grants.memberId ?? null]);

export type OidcSignIn = ReturnType<typeof createOidcSignIn>;
