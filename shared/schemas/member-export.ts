import { z } from 'zod';
import { Attachment } from './attachment';
import { Case, CaseDetail } from './case';
import { MemberRequest } from './member-request';
import { DisclosureRecipient } from './disclosure';
import { MemberContact } from './contact';
import { Decision, MonitoringAttributes } from './decision';
import { Explanation } from './explanation';
import { Lang } from './model';
import { AutomationPreferences } from './automation-preferences';

/**
 * GDPR Art. 15 (access) and Art. 20 (portability): everything about one member as one document,
 * exactly as that member may see it (member-visible timeline, fraud indicators withheld while a case is open).
 */
const explained = {
  explanation: Explanation,
  /** The monitoring attributes sent with the decision (fairness only; no reviewer sees them); null without any. */
  monitoring: MonitoringAttributes.nullable(),
};

export const MemberExport = z.object({
  exportedAt: z.string(),
  memberId: z.string(),
  lang: Lang,
  // Each decision type extended, not an intersection: the decisions are strict objects, and an
  // intersection with one would become an `allOf` that no document satisfies.
  decisions: z.array(
    z.discriminatedUnion('type', [Decision.options[0].extend(explained), Decision.options[1].extend(explained), Decision.options[2].extend(explained)]),
  ),
  cases: z.array(Case.extend({ timeline: CaseDetail.shape.timeline })),
  /** The contact data the insurer's CRM gave us and the member's preference; null when there is none. */
  contact: MemberContact.nullable(),
  /**
   * The documents the member added to their cases: what describes each, and `url`, the API path
   * that answers its bytes to the signed-in member (kept out of the JSON itself, which would
   * otherwise grow by 13 MB per document).
   */
  attachments: z.array(Attachment.extend({ url: z.string() })),
  /** The requests the member filed in the portal (erasure, rectification, …) and where they stand. */
  requests: z.array(MemberRequest),
  /**
   * Art. 15(1)(c): the recipients to whom data about the member was disclosed (approved
   * disclosures of fraud cases), held back while a fraud case on that decision is open.
   */
  recipients: z.array(DisclosureRecipient),
  /**
   * Standing requests for a person in future decisions and consent withdrawals (issue 18), with
   * their history; null when the member never made one.
   */
  automationPreferences: z
    .object({
      humanReviewSince: AutomationPreferences.shape.humanReviewSince,
      consentWithdrawn: AutomationPreferences.shape.consentWithdrawn,
      history: AutomationPreferences.shape.history,
    })
    .nullable(),
});
export type MemberExport = z.infer<typeof MemberExport>;
