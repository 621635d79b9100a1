import { z } from 'zod';
import { Instant, MemberId, trimmedText } from './common';

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

/**
 * Why an erasure is refused (GDPR Art. 17(3)): a legal hold on the member's data (the
 * establishment, exercise or defence of legal claims), a retention duty the law imposes (Art.
 * 17(3)(b)), or another ground the explanation names. The member reads the ground and the words.
 */
export const RefusalGround = z.enum(['legal_hold', 'retention_duty', 'legal_claims', 'other']);
export type RefusalGround = z.infer<typeof RefusalGround>;

/** How a request came in: the portal, or a phone call or letter an admin registered. */
export const RequestChannel = z.enum(['portal', 'phone', 'post']);

/** The admin's answer: erased, or refused on a ground with words the member reads. */
export const RequestAnswer = z.object({
  outcome: z.enum(['erase', 'refuse']),
  ground: RefusalGround.nullable(),
  explanation: z.string().nullable(),
  at: z.string(),
});
export type RequestAnswer = z.infer<typeof RequestAnswer>;

export const MemberRequest = z.object({
  id: z.string(),
  memberId: MemberId,
  kind: MemberRequestKind,
  details: z.string().nullable(),
  status: MemberRequestStatus,
  filedAt: z.string(),
  updatedAt: z.string(),
  /**
   * GDPR Art. 12(3), as for an objection: answered within one calendar month of receipt, extended
   * once by up to two months with a reason the member reads, and only before the original date.
   * Absent on requests filed before deadlines were kept.
   */
  channel: RequestChannel.optional(),
  receivedAt: z.string().optional(),
  dueAt: z.string().optional(),
  originalDueAt: z.string().optional(),
  extension: z.object({ months: z.number(), reason: z.string(), at: z.string() }).nullable().optional(),
  answer: RequestAnswer.nullable().optional(),
  /** Open and past its due date (computed on read). */
  overdue: z.boolean().optional(),
  /** Compare-and-set: an admin's answer or extension names the version they saw. */
  version: z.int().optional(),
});
export type MemberRequest = z.infer<typeof MemberRequest>;

export const MemberRequestList = z.object({ items: z.array(MemberRequest) });
export type MemberRequestList = z.infer<typeof MemberRequestList>;

/** PATCH /api/admin/requests/:id — the admin moves a request on (erasing the member marks their requests done). */
export const MemberRequestUpdate = z.strictObject({ status: MemberRequestStatus });
export type MemberRequestUpdate = z.infer<typeof MemberRequestUpdate>;

const ExpectedVersion = z.int().min(1);

/** An explanation's least length: the member reads it as the reason for a refusal. */
export const REFUSAL_EXPLANATION_MIN_LENGTH = 10;

/** POST /api/admin/requests/:id/decision — erase the member, or refuse on a ground (erasure requests). */
export const MemberRequestDecision = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('erase'), expectedVersion: ExpectedVersion.optional() }),
  z.strictObject({
    decision: z.literal('refuse'),
    ground: RefusalGround,
    explanation: trimmedText(REFUSAL_EXPLANATION_MIN_LENGTH, 2000, `tell the member why, in at least ${REFUSAL_EXPLANATION_MIN_LENGTH} characters`),
    expectedVersion: ExpectedVersion.optional(),
  }),
]);
export type MemberRequestDecision = z.infer<typeof MemberRequestDecision>;

/** POST /api/admin/requests/:id/extend — once, by one or two months, before the original due date. */
export const MemberRequestExtension = z.strictObject({
  months: z.int().min(1).max(2),
  reason: trimmedText(REFUSAL_EXPLANATION_MIN_LENGTH, 2000, `tell the member why, in at least ${REFUSAL_EXPLANATION_MIN_LENGTH} characters`),
  expectedVersion: ExpectedVersion.optional(),
});
export type MemberRequestExtension = z.infer<typeof MemberRequestExtension>;

/** POST /api/admin/requests — an erasure request received by phone or post, with the day it really came in. */
export const RegisteredMemberRequest = z.strictObject({
  memberId: MemberId,
  kind: z.literal('erasure'),
  channel: z.enum(['phone', 'post']),
  receivedAt: Instant,
  details: z.string().trim().max(2000).optional(),
});
export type RegisteredMemberRequest = z.infer<typeof RegisteredMemberRequest>;

export const MemberRequestIdParams = z.strictObject({ id: z.string().regex(/^req_[0-9a-f]{24}$/, 'a request id (req_ and 24 hex digits)') });
