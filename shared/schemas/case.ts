import { z } from 'zod';
import { Cursor, DecisionType, Identifier, Instant, Limit, pageOf, trimmedText } from './common';
import { Decision, FeatureName, FraudFlagOutput, InputValue, MAX_INPUTS, RenewalPriceOutput, RiskBand, RiskScoreOutput } from './decision';

export const CaseStatus = z.enum(['open', 'in_review', 'pending_approval', 'resolved', 'withdrawn']);
export type CaseStatus = z.infer<typeof CaseStatus>;
export const ACTIVE_STATUSES: CaseStatus[] = ['open', 'in_review', 'pending_approval'];

/**
 * `human_review`: opened at ingest because the member asked that decisions of this type involve a
 * person, or withdrew the consent the decision rests on (issue 18); the member sees it.
 */
export const CaseOrigin = z.enum(['objection', 'sample', 'human_review']);
export type CaseOrigin = z.infer<typeof CaseOrigin>;
/** The cases a member sees: those they raised, by objecting or by asking for a person (a sample is internal). */
export const MEMBER_CASE_ORIGINS: readonly CaseOrigin[] = ['objection', 'human_review'];
export const isMemberCase = (c: { origin: CaseOrigin }) => MEMBER_CASE_ORIGINS.includes(c.origin);
export const Channel = z.enum(['portal', 'phone', 'post']);
export const Resolution = z.enum(['confirmed', 'overridden']);
export const Visibility = z.enum(['internal', 'member']);

/** A rationale's least length (the client's forms read it from the schema below). */
export const RATIONALE_MIN_LENGTH = 20;

/**
 * A rationale is read by the member and kept for auditors, so it must be words: at least two
 * words of two letters or more, and more than a handful of different characters, which refuses
 * "xxxxxxxxxxxxxxxxxxxx" and "asdf asdf asdf asdf" and accepts any real sentence of that length.
 */
export function isWorded(text: string): boolean {
  const words = text.match(/\p{L}{2,}/gu) ?? [];
  const characters = new Set(text.toLowerCase().replace(/[\s\p{P}]/gu, ''));
  return words.length >= 2 && characters.size >= 5;
}

export const Rationale = z
  .string()
  .trim()
  // A short rationale is told only that: "not words" would be noise beside it.
  .min(RATIONALE_MIN_LENGTH, { message: `give a rationale of at least ${RATIONALE_MIN_LENGTH} characters`, abort: true })
  .max(5000)
  .refine(isWorded, 'write the rationale in words');

/** The change a reviewer proposes, per decision type. */
export const RenewalOverride = z.strictObject({ newPremiumCents: z.int().min(0) });
export const FraudOverride = z
  .strictObject({ flagged: z.boolean(), action: z.enum(['none', 'hold_payment', 'refer_investigation']) })
  .refine((o) => o.flagged || o.action === 'none', { message: 'an unflagged claim has action "none"', path: ['action'] });
export const RiskOverride = z.strictObject({ score: z.number().min(0).max(1), band: RiskBand });
export const Override = z.union([RenewalOverride, FraudOverride, RiskOverride]);
export type Override = z.infer<typeof Override>;

/**
 * Where an override of this decision may go (the overrides policy), shown to the reviewer before
 * they propose one. Premiums in cents of `currency`; risk scores on the 0..1 scale.
 */
export const OverrideRange = z.discriminatedUnion('field', [
  z.object({ field: z.literal('newPremiumCents'), min: z.int(), max: z.int(), currency: z.string() }),
  z.object({ field: z.literal('score'), min: z.number(), max: z.number() }),
]);
export type OverrideRange = z.infer<typeof OverrideRange>;

/**
 * GDPR Art. 18(1)(a): while the member contests the accuracy of a renewal price, the price is not
 * applied (billing holds it) until the case is resolved. Lifted at resolution or withdrawal and
 * kept with `liftedAt` as history.
 */
export const Restriction = z.object({ since: z.string(), liftedAt: z.string().optional() });
export type Restriction = z.infer<typeof Restriction>;

export const Proposal = z.object({
  outcome: z.enum(['confirm', 'override']),
  override: z.record(z.string(), z.unknown()).nullable(),
  rationale: z.string(),
  proposedBy: z.string(),
  proposedAt: z.string(),
});

/** Where a correction the member claimed stands (GDPR Art. 16). */
export const CorrectionState = z.enum(['pending', 'accepted', 'rejected']);
export type CorrectionState = z.infer<typeof CorrectionState>;

/**
 * One input the member says is wrong, with the value they say is right and why; a reviewer
 * accepts or rejects it with a reason the member reads. The claimed value and both reasons are
 * personal (kept in the chain's erasable part); after an erasure they read null.
 */
export const CaseCorrection = z.object({
  feature: z.string(),
  claimedValue: InputValue,
  reason: z.string().nullable(),
  state: CorrectionState,
  /** The reviewer's reason, which the member reads; null while pending. */
  decisionReason: z.string().nullable(),
  /** Staff only: who decided (null for members and while pending). */
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type CaseCorrection = z.infer<typeof CaseCorrection>;

export const Case = z.object({
  id: z.string(),
  decisionId: z.string(),
  decisionType: DecisionType,
  origin: CaseOrigin,
  channel: Channel.nullable(),
  status: CaseStatus,
  resolution: Resolution.nullable(),
  statement: z.string().nullable(),
  requestedOutcome: z.string().nullable(),
  receivedAt: z.string(),
  dueAt: z.string(),
  originalDueAt: z.string(),
  extension: z.object({ months: z.number(), reason: z.string(), at: z.string() }).nullable(),
  assignee: z.string().nullable(),
  proposal: Proposal.nullable(),
  /** Member-visible reason of the final outcome. */
  resolutionRationale: z.string().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  overdue: z.boolean(),
  /** Inputs the member says are wrong (rectification); absent on cases without any. */
  corrections: z.array(CaseCorrection).optional(),
  /** Art. 18 restriction asked with this objection; null when none (absent on cases stored before it). */
  restriction: Restriction.nullable().optional(),
});
export type Case = z.infer<typeof Case>;

export const TimelineEntry = z.object({
  seq: z.number(),
  action: z.string(),
  at: z.string(),
  actor: z.object({ role: z.string(), id: z.string().optional() }),
  visibility: Visibility,
  text: z.string().nullable(),
  /** Staff only. */
  note: z.string().nullable().optional(),
  data: z.record(z.string(), z.unknown()),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const CaseDetail = z.object({
  case: Case,
  decision: Decision,
  timeline: z.array(TimelineEntry),
  /** Staff only: the range an override must stay in; null for fraud flags (nothing to bound). */
  overrideRange: OverrideRange.nullable().optional(),
  /**
   * Staff only: how the member hears about this case. `post` when no e-mail address is on file or
   * the member chose post: then a person must send the letters the law requires (GDPR Art. 12(3)).
   */
  memberContact: z.enum(['email', 'post']).optional(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/** Why the sampling policy picked a decision: a random draw, or a fraud score close to its threshold. */
export const SampleReason = z.enum(['random', 'near_threshold']);
export type SampleReason = z.infer<typeof SampleReason>;

/**
 * What a queue row is about, for staff triage without opening the case: the decision's subject
 * (member, policy, claim) and its outcome in force (premium change, fraud score, risk score).
 * Null where the decision's personal data was erased.
 */
export const CaseAbout = z.object({
  memberId: z.string().nullable(),
  policyId: z.string().nullable(),
  claimId: z.string().nullable(),
  outcome: z.union([RenewalPriceOutput, FraudFlagOutput, RiskScoreOutput]),
});
export type CaseAbout = z.infer<typeof CaseAbout>;

/**
 * A case as the list shows it. Staff rows also carry what the case is about, why a sample was
 * drawn and the assignee's name; members' rows are plain cases (the fields are optional, so the
 * list stays what it was for every older reader).
 */
export const CaseListItem = Case.extend({
  about: CaseAbout.optional(),
  sampleReason: SampleReason.nullable().optional(),
  assigneeName: z.string().nullable().optional(),
  /** When the override its assignee (the reader) proposed was sent back by an approver, until they act on it again. */
  proposalRejectedAt: z.string().nullable().optional(),
});
export type CaseListItem = z.infer<typeof CaseListItem>;

export const CasePage = pageOf(CaseListItem);
export type CasePage = z.infer<typeof CasePage>;

const booleanFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The queue's scope, shared by the list and its counts. */
const queueScope = {
  type: DecisionType.optional(),
  origin: CaseOrigin.optional(),
  /** A claim id, policy id or member number, exactly (staff). */
  q: Identifier.optional(),
};

/** GET /api/cases/counts: how many cases each of the queue's views holds, in the reader's scopes. */
export const CaseCountsQuery = z.strictObject(queueScope);
export type CaseCountsQuery = z.infer<typeof CaseCountsQuery>;
export const CaseCounts = z.object({
  byStatus: z.record(CaseStatus, z.int()),
  /** Active cases past their due date. */
  overdue: z.int(),
  /** Cases assigned to the reader, whatever their state ("My work"). */
  mine: z.int(),
  /** Overrides waiting for the reader's approval: pending, proposed by someone else (approvers; 0 for others). */
  awaitingMe: z.int(),
});
export type CaseCounts = z.infer<typeof CaseCounts>;

/** A colleague a case can be given to: never a member, never more than a name. */
export const Colleague = z.object({ id: z.string(), username: z.string(), displayName: z.string().nullable(), scopes: z.array(DecisionType) });
export type Colleague = z.infer<typeof Colleague>;
export const ColleagueList = z.object({ items: z.array(Colleague) });
export type ColleagueList = z.infer<typeof ColleagueList>;

export const CaseListQuery = z.strictObject({
  status: CaseStatus.optional(),
  ...queueScope,
  /** Overrides waiting for the reader's approval (pending_approval, proposed by someone else). */
  awaitingMe: booleanFlag.optional(),
  /** A user id, or "me". */
  assignee: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
  overdue: booleanFlag.optional(),
  limit: Limit,
  cursor: Cursor.optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

/** A correction reason's most characters. */
export const CORRECTION_REASON_MAX_LENGTH = 2000;

/** An input the member says is wrong: which one, the value they say is right, and why (GDPR Art. 16). */
export const CorrectionClaim = z.strictObject({
  feature: FeatureName,
  claimedValue: InputValue,
  reason: trimmedText(1, CORRECTION_REASON_MAX_LENGTH),
});
export type CorrectionClaim = z.infer<typeof CorrectionClaim>;

export const NewObjection = z.strictObject({
  statement: trimmedText(1, 5000),
  requestedOutcome: z.string().trim().max(1000).optional(),
  /** Only for staff registering an objection received by phone or post. */
  receivedAt: Instant.optional(),
  channel: z.enum(['phone', 'post']).optional(),
  /**
   * Rectification: inputs of the decision the member says are wrong, each at most once (the
   * service checks each is one of the decision's inputs, naming `corrections[i].feature`).
   */
  corrections: z
    .array(CorrectionClaim)
    .min(1)
    .max(MAX_INPUTS)
    .superRefine((claims, ctx) => {
      const seen = new Set<string>();
      claims.forEach((c, i) => {
        if (seen.has(c.feature)) ctx.addIssue({ code: 'custom', path: [i, 'feature'], message: `"${c.feature}" is corrected twice` });
        seen.add(c.feature);
      });
    })
    .optional(),
  /**
   * Art. 18(1)(a): do not apply the contested renewal price until the case is resolved. Renewal
   * prices only: on another type it is refused (400, field `restrict`), never silently ignored.
   */
  restrict: z.boolean().optional(),
});
export type NewObjection = z.infer<typeof NewObjection>;

const ExpectedVersion = z.int().min(1);

export const CaseIdParams = z.strictObject({ id: z.string().regex(/^case_[0-9a-f]{24}_\d+$/, 'not a case id') });
export const ClaimCase = z.strictObject({ expectedVersion: ExpectedVersion });
/** `userId: null` unassigns: the case goes back to the queue for anyone in scope to claim. */
export const AssignCase = z.strictObject({ userId: z.string().min(1).max(100).nullable(), expectedVersion: ExpectedVersion });
export const CommentOnCase = z.strictObject({ text: trimmedText(1, 5000), visibility: Visibility, expectedVersion: ExpectedVersion });
/**
 * Resolving: a confirmation, or an override with the new outcome. A union on `outcome`, not a
 * refinement, so the OpenAPI document says the override is required when overriding.
 */
/** Confirm the decision, or override it with a new outcome. */
export const ResolutionOutcome = z.enum(['confirm', 'override']);
const resolveFields = { rationale: Rationale, expectedVersion: ExpectedVersion };
const OverrideFields = z.record(z.string(), z.unknown());
export const ResolveCase = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('confirm'), ...resolveFields, override: OverrideFields.optional() }),
  z.strictObject({
    outcome: z.literal('override'),
    ...resolveFields,
    override: z.record(z.string(), z.unknown(), { error: 'an override needs the new outcome' }),
  }),
]);
export const ApproveCase = z.strictObject({ approve: z.boolean(), rationale: Rationale, expectedVersion: ExpectedVersion });
/** An extension reason's least length (the client's form reads it from the schema below). */
export const EXTEND_REASON_MIN_LENGTH = 10;
export const ExtendCase = z.strictObject({
  months: z.int().min(1).max(2),
  reason: trimmedText(EXTEND_REASON_MIN_LENGTH, 2000, `tell the member why, in at least ${EXTEND_REASON_MIN_LENGTH} characters`),
  expectedVersion: ExpectedVersion,
});
export const WithdrawCase = z.strictObject({ expectedVersion: ExpectedVersion.optional() });
export const CorrectionParams = CaseIdParams.extend({ feature: FeatureName });
/** A reviewer's answer to one claimed correction, with the reason the member reads. */
export const DecideCorrection = z.strictObject({
  accept: z.boolean(),
  reason: trimmedText(EXTEND_REASON_MIN_LENGTH, CORRECTION_REASON_MAX_LENGTH, `tell the member why, in at least ${EXTEND_REASON_MIN_LENGTH} characters`),
  expectedVersion: ExpectedVersion,
});
export type DecideCorrection = z.infer<typeof DecideCorrection>;
/** POST /api/cases/:id/restriction: the member (or a reviewer on their word) asks for it on an open objection. */
export const RestrictCase = z.strictObject({ expectedVersion: ExpectedVersion.optional() });
export type ResolveCase = z.infer<typeof ResolveCase>;

/**
 * GET /api/decisions/:id — the decision (original output and effective outcome) with its cases.
 * Found by test/security/http-fuzz.test.ts: as an intersection with the strict
 * Decision this became `allOf` in the OpenAPI document, which no response satisfies (one half
 * forbids `cases`); each decision type extended with its cases means the same and documents right.
 */
const withCases = {
  cases: z.array(Case),
  /** Rectification: the corrections claimed in this decision's objections, oldest first, with where each stands. */
  corrections: z.array(CaseCorrection),
  /** The decision this one replaced after an accepted correction, or null. */
  supersedes: z.string().nullable(),
  /** The decision that replaced this one (its outcome is this one's effective outcome), or null. */
  supersededBy: z.string().nullable(),
};
export const DecisionDetail = z.discriminatedUnion('type', [
  Decision.options[0].extend(withCases),
  Decision.options[1].extend(withCases),
  Decision.options[2].extend(withCases),
]);
export type DecisionDetail = z.infer<typeof DecisionDetail>;
