import type { DisclosureRecipient } from '@shared/schemas/disclosure';
import type { User } from '@shared/schemas/session';
import { isRestrictedFor } from '../domain/decision-views';
import type { Store } from '../storage/store';

/**
 * Art. 15(1)(c): to whom a member's data was disclosed, as `viewer` may see it: approved
 * disclosures only. Held back for a decision while a fraud case on it is open, by the same rule
 * that withholds its indicators (`isRestrictedFor`), so the member is not tipped off; shown once
 * the case is resolved or withdrawn. The export is built as the member sees it, by staff too.
 */
export async function recipientsOf(store: Store, viewer: User, memberId: string): Promise<DisclosureRecipient[]> {
  const out: DisclosureRecipient[] = [];
  for (const d of await store.disclosures.forMember(memberId)) {
    if (d.state !== 'approved' || !d.approvedAt) continue;
    if (isRestrictedFor(viewer, { type: d.decisionType }, await store.cases.listForDecision(d.decisionId))) continue;
    out.push({ kind: d.recipient.kind, name: d.recipient.name, disclosedAt: d.approvedAt, decisionId: d.decisionId, fields: d.fields });
  }
  return out;
}
