import { z } from 'zod';
import { MemberId } from './common';

/**
 * The requests the privacy statement promises a member may make (GDPR Art. 16–18, 21, 7(3)),
 * filed in the portal instead of by letter to the data protection officer. Access and
 * portability need no request: the export answers them at once.
 */
export const MemberRequestKind = z.enum(['erasure', 'rectification', 'restriction', 'objection', 'consent_withdrawal']);
export type MemberRequestKind = z.infer<typeof MemberRequestKind>;

/** Where a request stands; an admin moves it on (the admin console lists them). */
export const MemberRequestStatus = z.enum(['received', 'in_progress', 'done', 'refused']);
export type MemberRequestStatus = z.infer<typeof MemberRequestStatus>;

export const NewMemberRequest = z.strictObject({
  kind: MemberRequestKind,
  /** What the member wants, in their words (which data to correct, why to restrict). */
  details: z.string().trim().max(2000).optional(),
});
export type NewMemberRequest = z.infer<typeof NewMemberRequest>;

export const MemberRequest = z.object({
  id: z.string(),
  memberId: MemberId,
  kind: MemberRequestKind,
  details: z.string().nullable(),
  status: MemberRequestStatus,
  filedAt: z.string(),
  updatedAt: z.string(),
});
export type MemberRequest = z.infer<typeof MemberRequest>;

export const MemberRequestList = z.object({ items: z.array(MemberRequest) });
export type MemberRequestList = z.infer<typeof MemberRequestList>;

/** PATCH /api/admin/requests/:id — the admin moves a request on (erasing the member marks their requests done). */
export const MemberRequestUpdate = z.strictObject({ status: MemberRequestStatus });
export type MemberRequestUpdate = z.infer<typeof MemberRequestUpdate>;

export const MemberRequestIdParams = z.strictObject({ id: z.string().regex(/^req_[0-9a-f]{24}$/, 'a request id (req_ and 24 hex digits)') });
