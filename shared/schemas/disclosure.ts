import { z } from 'zod';
import { Cursor, DecisionType, Instant, Limit, trimmedText, withOrderedPeriod } from './common';
import { Rationale } from './case';

/**
 * Disclosures of a fraud case to someone outside the insurer, as the privacy statement allows:
 * the member's employer (with minimisation), investigation agencies, the sector's fraud
 * registers, and the police. A discloser proposes, an approver in scope approves (four-eyes);
 * only an approved disclosure has happened. The register is the insurer's accountability record.
 */
export const RecipientKind = z.enum(['employer', 'investigation_agency', 'fraud_register', 'police']);
export type RecipientKind = z.infer<typeof RecipientKind>;

/**
 * The fields of a fraud case that may leave, in the order the form shows them. The first two are
 * the minimum every disclosure carries; each other one needs its own reason.
 * - caseReference: the case id; outcome: flagged or not, held or released (the effective outcome)
 * - claimId, policyId, memberId: the identifiers that let the recipient find the claim and person
 * - decidedAt: when the check ran; score: the model's score; reasonCodes: the indicators
 * - resolution and resolvedAt: what the reviewer decided and when; reviewerRationale: their words
 */
export const DisclosableField = z.enum([
  'caseReference',
  'outcome',
  'claimId',
  'policyId',
  'memberId',
  'decidedAt',
  'score',
  'reasonCodes',
  'resolution',
  'resolvedAt',
  'reviewerRationale',
]);
export type DisclosableField = z.infer<typeof DisclosableField>;

/** What every disclosure carries and needs no reason of its own. */
export const MINIMUM_FIELDS: readonly DisclosableField[] = ['caseReference', 'outcome'];
export const isMinimumField = (field: DisclosableField) => MINIMUM_FIELDS.includes(field);

/** A reason's least length: a reason says why this recipient needs this field. */
export const DISCLOSURE_REASON_MIN_LENGTH = 10;
const Reason = trimmedText(DISCLOSURE_REASON_MIN_LENGTH, 1000, `say why this field must leave, in at least ${DISCLOSURE_REASON_MIN_LENGTH} characters`);

export const Recipient = z.strictObject({ kind: RecipientKind, name: trimmedText(1, 200) });
export type Recipient = z.infer<typeof Recipient>;

/**
 * POST /api/cases/:id/disclosures. `fields` may leave out the minimum (it is always added);
 * every other field needs `reasons.<field>`, and a reason for a field not disclosed is refused.
 */
export const NewDisclosure = z
  .strictObject({
    recipient: Recipient,
    fields: z.array(DisclosableField).max(DisclosableField.options.length),
    reasons: z.record(z.string(), Reason).default({}),
    /** Why the disclosure as a whole is lawful: the purpose and the legal basis. */
    purpose: trimmedText(DISCLOSURE_REASON_MIN_LENGTH, 2000).optional(),
  })
  .superRefine((body, ctx) => {
    for (const field of body.fields) {
      if (!isMinimumField(field) && !body.reasons[field]) ctx.addIssue({ code: 'custom', path: ['reasons', field], message: 'an extra field needs a reason' });
    }
    for (const key of Object.keys(body.reasons)) {
      if (!(body.fields as string[]).includes(key) || isMinimumField(key as DisclosableField)) {
        ctx.addIssue({ code: 'custom', path: ['reasons', key], message: 'a reason only for an extra field that is disclosed' });
      }
    }
  });
export type NewDisclosure = z.infer<typeof NewDisclosure>;

export const ApproveDisclosure = z.strictObject({ approve: z.boolean(), rationale: Rationale });
export type ApproveDisclosure = z.infer<typeof ApproveDisclosure>;

export const DisclosureState = z.enum(['pending', 'approved', 'rejected']);
export type DisclosureState = z.infer<typeof DisclosureState>;

const Person = z.object({ id: z.string(), username: z.string() });

export const Disclosure = z.object({
  id: z.string(),
  caseId: z.string(),
  decisionId: z.string(),
  decisionType: DecisionType,
  recipient: z.object({ kind: RecipientKind, name: z.string() }),
  /** The minimum first, then the extra fields in the order of DisclosableField. */
  fields: z.array(DisclosableField),
  /** Per extra field, why it left; emptied when the member is erased (the words may name them). */
  reasons: z.record(z.string(), z.string()),
  purpose: z.string().nullable(),
  state: DisclosureState,
  proposedBy: Person,
  proposedAt: z.string(),
  decidedBy: Person.nullable(),
  decidedAt: z.string().nullable(),
  /** When it was disclosed: set on approval only. */
  approvedAt: z.string().nullable(),
  rationale: z.string().nullable(),
  /** The member's data is erased; the register keeps that the disclosure happened. */
  erased: z.boolean(),
  version: z.int(),
});
export type Disclosure = z.infer<typeof Disclosure>;

export const DisclosureIdParams = z.strictObject({ id: z.string().regex(/^dsc_[0-9a-f]{24}$/, 'a disclosure id (dsc_ and 24 hex digits)') });

export const DisclosureListQuery = withOrderedPeriod(
  z.strictObject({
    /** Inclusive bounds on proposedAt. */
    from: Instant.optional(),
    to: Instant.optional(),
    kind: RecipientKind.optional(),
    state: DisclosureState.optional(),
    cursor: Cursor.optional(),
    limit: Limit,
    format: z.enum(['json', 'csv']).default('json'),
  }),
);
export type DisclosureListQuery = z.infer<typeof DisclosureListQuery>;

export const DisclosureCounts = z.record(RecipientKind, z.int());

export const DisclosurePage = z.object({
  items: z.array(Disclosure),
  nextCursor: z.string().nullable(),
  /** Approved disclosures per recipient kind with approvedAt in the period (all time without one). */
  approvedByKind: DisclosureCounts,
});
export type DisclosurePage = z.infer<typeof DisclosurePage>;

export const DisclosureList = z.object({ items: z.array(Disclosure) });

/** Art. 15(1)(c): to whom the member's data was disclosed, as the member's export shows it. */
export const DisclosureRecipient = z.object({
  kind: RecipientKind,
  name: z.string(),
  disclosedAt: z.string(),
  decisionId: z.string(),
  fields: z.array(DisclosableField),
});
export type DisclosureRecipient = z.infer<typeof DisclosureRecipient>;
