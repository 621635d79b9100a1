import type { DisclosureRecipient } from '@shared/schemas/disclosure';
import type { User } from '@shared/schemas/session';
import { isRestrictedFor } from './decision-views';
import type { Store, StoredDisclosure } from '../storage/store';

/* The disclosure register as erasure, retention and the member's export see it. */

/** What the register keeps in place of the member id (as the erasure's ERASED_MEMBER). */
const ERASED_MEMBER = 'ERASED';

/**
 * Erasure and retention: the register keeps that a disclosure happened (the insurer's
 * accountability record): the recipient, the fields, who proposed and approved it and when. It
 * drops whom it concerned and the staff's words (reasons, purpose, rationale), which may name the
 * member; the chain events' personal parts go with the decision's.
 */
export async function eraseDisclosuresOf(store: Store, decisionId: string): Promise<void> {
  for (const d of await store.disclosures.forDecision(decisionId)) {
    if (d.erased) continue;
    const next: StoredDisclosure = { ...d, memberId: ERASED_MEMBER, reasons: {}, purpose: null, rationale: null, erased: true, version: d.version + 1 };
    await store.disclosures.replace(next);
  }
}

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
