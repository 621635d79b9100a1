import { z } from 'zod';
import { DecisionType, MemberId, Role, trimmedText } from './common';

export const User = z.object({
  id: z.string(),
  username: z.string(),
  roles: z.array(Role),
  memberId: MemberId.optional(),
  scopes: z.array(DecisionType),
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
