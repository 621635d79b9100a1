import { z } from 'zod';

export const DecisionType = z.enum(['renewal_price', 'fraud_flag', 'risk_score']);
export type DecisionType = z.infer<typeof DecisionType>;

/**
 * `discloser` is given beside `reviewer`: it lets a fraud reviewer propose disclosures of the
 * fraud cases in their scope (the `disclosure` permission); alone it reaches nothing.
 */
export const Role = z.enum(['member', 'reviewer', 'approver', 'governance', 'admin', 'discloser']);
export type Role = z.infer<typeof Role>;

/** An instant in time on the wire: ISO-8601 with a zone, normalised to UTC `…Z` when parsed. */
export const Instant = z.iso
  .datetime({ offset: true })
  // overwrite, not transform: the type stays a string, so the OpenAPI output schema is exact.
  // Found by test/security/http-fuzz.test.ts: zod runs overwrite after a failed
  // format check too, and `new Date('aaa').toISOString()` throws, so any bad instant was a 500.
  .overwrite((value) => {
    const time = Date.parse(value);
    return Number.isNaN(time) ? value : new Date(time).toISOString();
  });

/** Identifiers that end up in URLs, indexes and logs: printable, bounded, no operators. */
export const Identifier = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'letters, digits and . _ : - only');

/**
 * A member number in its canonical, upper-case form ("M-1001"), as the insurer's systems write it.
 * One typed or sent in another case means the same member, so it is upper-cased when parsed, in
 * queries and at ingest alike: every lookup stays an exact match on an index.
 */
export const canonicalMemberId = (memberId: string): string => memberId.toUpperCase();

export const MemberId = Identifier.overwrite(canonicalMemberId);

/** Opaque page cursor returned by list endpoints. */
export const Cursor = z
  .string()
  .min(1)
  .max(500)
  .regex(/^[A-Za-z0-9_-]+$/, 'not a cursor');

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const Limit = z.coerce.number().int().min(1).max(500).default(50);

/**
 * A period's cross-field rule, `to` not before `from`, for a query whose ends compare as strings
 * (days, or instants normalised to UTC). It runs only when both ends parsed: a malformed `from`
 * is reported once, under its own name, not a second time as a period the wrong way round.
 */
export const withOrderedPeriod = <T extends z.ZodType<{ from?: string | undefined; to?: string | undefined }>>(schema: T): T =>
  schema.refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'must not be before from',
    path: ['to'],
    // Only on an object whose dates are themselves valid: found by Schemathesis, a JSON body of
    // `null` (an issue at the root) reached the comparison and answered 500.
    when: ({ issues }) => !issues.some((issue) => !issue.path?.length || issue.path[0] === 'from' || issue.path[0] === 'to'),
  });

/**
 * A text a person writes: trimmed, then at least `min` and at most `max` characters. The server
 * counts after trimming, so the pattern says the same of the text as sent (a non-space at each end
 * of at least `min` characters): the document promises exactly what the server accepts. It never
 * fires on its own, since a trimmed text of `min` characters matches it.
 */
export const trimmedText = (min: number, max: number, tooShort?: string) =>
  z
    .string()
    .trim()
    .min(min, { abort: true, ...(tooShort ? { message: tooShort } : {}) })
    .max(max)
    .regex(new RegExp(min <= 1 ? '\\S' : `\\S[\\s\\S]{${min - 2},}\\S`), tooShort);
