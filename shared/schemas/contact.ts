import { z } from 'zod';
import { MemberId } from './common';
import { Lang } from './model';

/** An e-mail address as the CRM sends it: trimmed, lower-cased, at most what SMTP allows. */
// One string schema with its checks in order (not a pipe), so the document describes what is sent;
// the address is zod's e-mail pattern, stated as a pattern only, since validators' ideas of
// `format: email` differ from it and the document must say exactly what the server accepts.
const Email = z
  .string()
  .trim()
  .max(254, 'an e-mail address has at most 254 characters')
  .regex(z.regexes.email, 'expected an e-mail address such as name@example.org')
  .overwrite((email) => email.toLowerCase());

/** What the insurer's CRM pushes for one member. */
export const ContactUpdate = z.strictObject({ email: Email, language: Lang });
export type ContactUpdate = z.infer<typeof ContactUpdate>;

/** What a member may change themself: the language we write in and whether we e-mail or post. */
export const ContactPreferences = z.strictObject({
  language: Lang.optional(),
  /** true: the member is told by post, not by e-mail. */
  emailOptOut: z.boolean().optional(),
});
export type ContactPreferences = z.infer<typeof ContactPreferences>;

/** A member's contact data (personal data: in their export, removed by erasure). */
export const MemberContact = z.object({
  memberId: MemberId,
  email: z.string().nullable(),
  language: Lang,
  emailOptOut: z.boolean(),
  /** How this member hears about their cases: e-mail when there is an address and no opt-out, else post. */
  channel: z.enum(['email', 'post']),
  updatedAt: z.string().nullable(),
  /** The member chose the language themself: it is their account's, and the portal speaks it at sign-in. */
  languageChosen: z.boolean(),
});
export type MemberContact = z.infer<typeof MemberContact>;
