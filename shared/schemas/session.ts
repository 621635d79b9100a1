import { z } from 'zod';
import { DecisionType, MemberId, Role, trimmedText } from './common';

/**
 * Where a provisioned person comes from: the OpenID Connect issuer and the subject it names them
 * by, the pair the insurer's directory knows. A user without one is local (a password in Recourse).
 */
export const UserSource = z.object({ issuer: z.string(), subject: z.string() });
export type UserSource = z.infer<typeof UserSource>;

export const User = z.object({
  id: z.string(),
  username: z.string(),
  roles: z.array(Role),
  memberId: MemberId.optional(),
  scopes: z.array(DecisionType),
  /** Set after an admin made or reset the password: every route but changing it answers 403 until then. */
  mustChangePassword: z.boolean().optional(),
  /** Absent: a local account. Optional, so users stored before issue 16 read as local. */
  source: UserSource.optional(),
});
export type User = z.infer<typeof User>;

const Username = z.string().min(1).max(100);

export const SignIn = z.strictObject({
  username: Username,
  password: z.string().min(1).max(200),
});
export type SignIn = z.infer<typeof SignIn>;

/** DELETE /api/admin/sign-in-throttles/:username — the name as people type it at sign-in. */
export const UsernameParams = z.strictObject({ username: Username });

export const SessionInfo = z.object({ user: User });

/** A provider the sign-in page offers: its button's name and where the button goes. */
const SignInProvider = z.object({ displayName: z.string(), startUrl: z.string() });

/** GET /api/session/providers: what the sign-in page offers, before anyone is signed in. */
export const SignInOptions = z.object({
  /** The insurer's provider for staff, when configured. */
  staff: SignInProvider.nullable(),
  /** The customer portal's provider for members, when configured. */
  member: SignInProvider.nullable(),
  /** Whether staff may still sign in with a local password (members always may). */
  staffLocalLogin: z.boolean(),
});
export type SignInOptions = z.infer<typeof SignInOptions>;

/** GET /api/session/oidc: where to go once signed in (a path of this site; anything else goes to /). */
export const OidcStartQuery = z.object({ returnTo: z.string().max(1000).optional() });

/** The callback's query as the provider sends it; openid-client reads the raw URL, this only bounds it. */
export const OidcCallbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
  iss: z.string().max(500).optional(),
  session_state: z.string().max(500).optional(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const Health = z.object({ status: z.literal('ok'), storage: z.enum(['sqlite', 'mongodb']) });
export const Liveness = z.object({ status: z.literal('ok') });
export const Readiness = z.object({ status: z.literal('ready'), storage: z.enum(['sqlite', 'mongodb']) });

export const LangQuery = z.strictObject({ lang: z.enum(['en', 'nl', 'fr']).default('en') });
export const MemberIdBody = z.strictObject({ memberId: MemberId });
export const MemberIdParams = z.strictObject({ memberId: MemberId });
const HoldReasonText = trimmedText(5, 1000, 'say why, in at least 5 characters');
export const HoldReason = z.strictObject({ reason: HoldReasonText });
/**
 * Lifting a hold needs no body (a DELETE body has no defined meaning in HTTP, and many clients
 * cannot send one): a reason is optional, as `?reason=`, or in a JSON body as before.
 */
export const LiftHold = z.strictObject({ reason: HoldReasonText.optional() });
export const ErasureResult = z.object({ decisions: z.number(), cases: z.number(), accounts: z.number(), contacts: z.number(), attachments: z.number() });

/** A legal hold: the member's data is kept from erasure until it is lifted. */
export const LegalHold = z.object({ memberId: MemberId, reason: z.string(), setBy: z.string(), setAt: z.string() });
export type LegalHold = z.infer<typeof LegalHold>;
export const LegalHoldList = z.object({ items: z.array(LegalHold) });

/**
 * Why a sign-in through an OpenID Connect provider was refused: the callback redirects to
 * /sign-in?error=<code>, and the page says it in words (a browser arrives there, not an API client).
 */
export const OidcSignInError = z.enum([
  /** No provider of this kind is configured. */
  'oidc_not_configured',
  /** The provider could not be reached (discovery or the token endpoint). */
  'oidc_unavailable',
  /** No flow cookie, or an expired or altered one: the sign-in took too long or was started elsewhere. */
  'oidc_flow_expired',
  /** The state sent back is not the one this browser's flow sent. */
  'oidc_state_mismatch',
  /** The person cancelled, or the provider refused, at the provider. */
  'oidc_denied',
  /** The provider refused the code: used already, expired, or not issued for this flow. */
  'oidc_code_rejected',
  /** The ID token failed validation: signature, issuer, audience, time or nonce. */
  'oidc_token_invalid',
  /** The person's groups map to no role in OIDC_ROLE_MAP. */
  'oidc_no_role',
  /** The member provider's token names no (valid) member id. */
  'oidc_member_id_missing',
  /** An admin disabled this person's account in Recourse: the provider's word does not undo that. */
  'oidc_account_disabled',
]);
export type OidcSignInError = z.infer<typeof OidcSignInError>;
