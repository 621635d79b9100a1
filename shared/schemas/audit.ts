import { z } from 'zod';
import { withOrderedPeriod } from './common';

export const BrokenReason = z.enum(['altered', 'missing_event', 'missing_chain', 'anchor_altered', 'anchor_signature', 'report_altered', 'missing_report']);

export const VerifyResult = z.object({
  ok: z.boolean(),
  chains: z.number(),
  events: z.number(),
  anchors: z.number(),
  brokenAt: z
    .object({
      decisionId: z.string().optional(),
      seq: z.number().optional(),
      anchorSeq: z.number().optional(),
      /** A frozen report (GET /api/reports) that was altered or is missing from the report chain. */
      reportSeq: z.number().optional(),
      reason: BrokenReason,
      detail: z.string(),
    })
    .optional(),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

export const Anchor = z.object({
  seq: z.number(),
  createdAt: z.string(),
  coveredUntil: z.string(),
  chains: z.number(),
  events: z.number(),
  root: z.string(),
  prevHash: z.string(),
  hash: z.string(),
  signature: z.string().nullable(),
});
export type Anchor = z.infer<typeof Anchor>;

export const EventAction = z.enum([
  'objection_filed',
  'sampled',
  'human_review_opened',
  'assigned',
  'comment',
  'resolution_proposed',
  'resolved',
  'approved',
  'rejected',
  'extended',
  'withdrawn',
  'erased',
  'disclosure_proposed',
  'disclosure_approved',
  'disclosure_rejected',
]);

const Day = z.iso.date();
const IdentifierLike = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/);

export const AuditEventsQuery = withOrderedPeriod(
  z.strictObject({
    decisionId: z
      .string()
      .regex(/^dec_[0-9a-f]{24}$/)
      .optional(),
    caseId: z
      .string()
      .regex(/^case_[0-9a-f]{24}_\d+$/)
      .optional(),
    /** A user name ("fraud.reviewer") or a user id. */
    actor: IdentifierLike.optional(),
    action: EventAction.optional(),
    /** Dates (YYYY-MM-DD), inclusive, in UTC. */
    from: Day.optional(),
    to: Day.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: z
      .string()
      .min(1)
      .max(500)
      .regex(/^[A-Za-z0-9_-]+$/)
      .optional(),
  }),
);
export type AuditEventsQuery = z.infer<typeof AuditEventsQuery>;

export const AuditEvent = z.object({
  decisionId: z.string(),
  seq: z.number(),
  action: EventAction,
  at: z.string(),
  /** issuer and subject: the staff member's identity at the insurer's provider (absent for local users and the system). */
  actor: z.object({ id: z.string(), role: z.string(), issuer: z.string().optional(), subject: z.string().optional() }),
  caseId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  personal: z.record(z.string(), z.unknown()).nullable(),
  personalDigest: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** A staff member named in the log (actors, assignees), so the log reads by name rather than by id. */
export const AuditPerson = z.object({ username: z.string(), displayName: z.string().nullable() });
export type AuditPerson = z.infer<typeof AuditPerson>;

/**
 * `people`: every staff user id the page's events name (as actor, assignee or proposer), by name.
 * Members are not in it: the log says "the member", their number is on the decision.
 */
export const AuditEventPage = z.object({
  items: z.array(AuditEvent),
  nextCursor: z.string().nullable(),
  people: z.record(z.string(), AuditPerson).optional(),
});

export const AuditExportQuery = withOrderedPeriod(
  z.strictObject({
    kind: z.enum(['decisions', 'events']),
    format: z.enum(['ndjson', 'csv']).default('ndjson'),
    from: Day,
    to: Day,
  }),
);
export type AuditExportQuery = z.infer<typeof AuditExportQuery>;
