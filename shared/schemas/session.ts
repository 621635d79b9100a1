import { z } from 'zod';
import { DecisionType, MemberId, Role } from './common';

export const User = z.object({
  id: z.string(),
  username: z.string(),
  roles: z.array(Role),
  memberId: MemberId.optional(),
  scopes: z.array(DecisionType),
});
export type User = z.infer<typeof User>;

export const SignIn = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type SignIn = z.infer<typeof SignIn>;

export const SessionInfo = z.object({ user: User });
export type SessionInfo = z.infer<typeof SessionInfo>;

export const Health = z.object({ status: z.literal('ok'), storage: z.enum(['sqlite', 'mongodb']) });
export const Liveness = z.object({ status: z.literal('ok') });
export const Readiness = z.object({ status: z.literal('ready'), storage: z.enum(['sqlite', 'mongodb']) });

export const LangQuery = z.strictObject({ lang: z.enum(['en', 'nl', 'fr']).default('en') });
export const MemberIdBody = z.strictObject({ memberId: MemberId });
export const MemberIdParams = z.strictObject({ memberId: MemberId });
export const HoldReason = z.strictObject({ reason: z.string().trim().min(5, 'say why, in at least 5 characters').max(1000) });
export const ErasureResult = z.object({ decisions: z.number(), cases: z.number(), accounts: z.number() });
