import { z } from 'zod';
import { Lang } from './model';

/** One mail written by the demonstration's file transport, as the admin page lists it. */
export const MemberMailSummary = z.object({
  id: z.string(),
  messageId: z.string(),
  to: z.string(),
  subject: z.string(),
  language: Lang,
  kind: z.enum(['received', 'extended', 'resolved', 'withdrawn', 'outcome_changed', 'information_requested']),
  caseId: z.string(),
  writtenAt: z.string(),
});
export type MemberMailSummary = z.infer<typeof MemberMailSummary>;

/** One mail in full: both parts as sent (the HTML is shown to the admin in a sandboxed frame). */
export const MemberMailMessage = MemberMailSummary.extend({ text: z.string(), html: z.string() });
export type MemberMailMessage = z.infer<typeof MemberMailMessage>;

export const MemberMailList = z.object({
  /** smtp: mail leaves through the SMTP server and nothing is kept here; files: the demonstration's .eml files. */
  transport: z.enum(['smtp', 'files']),
  mails: z.array(MemberMailSummary),
});
export type MemberMailList = z.infer<typeof MemberMailList>;

export const MemberMailParams = z.strictObject({
  // Not starting with a dot, in the pattern itself, so the document says exactly what is refused.
  mailId: z.string().regex(/^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,199}$/, 'a mail id as listed'),
});
