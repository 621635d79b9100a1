import type { Store, StoredDisclosure } from '../storage/store';

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
