import { isMemberCase } from '@shared/schemas/case';
import type { Lang } from '@shared/schemas/model';
import type { User } from '@shared/schemas/session';
import { can } from '@shared/auth/permissions';
import { appendStaffLog, staffActor, subjectDigest } from '../domain/staff-log';
import { timelineFor, toWireCase } from '../domain/case-views';
import type { Clock } from '../clock';
import { memberSafe, restrictionOf, toWire } from '../domain/decision-views';
import { forbidden, notFound } from '../domain/errors';
import type { Store, StoredDecision } from '../storage/store';
import type { ExplanationService } from './explanations.service';
import { toWireContact } from './contacts.service';
import { toWireAttachment } from '../domain/attachment-views';
import { getCaseAttachment } from '@shared/contract/case-information';
import { urlFor } from '@shared/contract/route';
import { recipientsOf } from '../domain/disclosures';

const PAGE = 200;

/**
 * GDPR Art. 15 (access) and Art. 20 (portability): everything about one member, as one JSON
 * document, exactly as that member may see it — member-visible timeline only, fraud
 * indicators withheld while a case is open.
 */
export function createExportService(deps: { store: Store; clock: Clock; explanations: ExplanationService; digestKey: string }) {
  const { store, clock, explanations } = deps;

  async function build(memberId: string, lang: Lang) {
    // The export is what the member themself would see, even when staff produce it.
    const memberView: User = { id: 'export', username: 'export', roles: ['member'], memberId, scopes: [] };
    const records: StoredDecision[] = [];
    let after = null;
    for (;;) {
      const page = await store.decisions.page({ memberId }, after, PAGE);
      records.push(...page);
      if (page.length < PAGE) break;
      const last = page[page.length - 1]!;
      after = { decidedAt: last.decidedAt, id: last.id };
    }
    const decisions = [];
    const cases = [];
    for (const record of records) {
      const decisionCases = await store.cases.listForDecision(record.id);
      decisions.push({
        ...memberSafe(memberView, toWire(record), decisionCases),
        restriction: restrictionOf(decisionCases),
        explanation: await explanations.explainRecord(memberView, record, lang),
        // Art. 15: the monitoring attributes are data about the member too, though no one else sees them.
        monitoring: record.monitoring ?? null,
      });
      const events = decisionCases.some(isMemberCase) ? await store.events.list(record.id) : [];
      for (const c of decisionCases.filter(isMemberCase)) {
        cases.push({ ...toWireCase(c, clock.now(), memberView), timeline: timelineFor(events, c.id, memberView, record) });
      }
    }
    const contact = await store.contacts.get(memberId);
    const attachments = (await store.attachments.listForMember(memberId)).map((a) => ({
      ...toWireAttachment(a),
      url: urlFor(getCaseAttachment, { id: a.caseId, attachmentId: a.id }),
    }));
    const requests = await store.memberRequests.forMember(memberId);
    const recipients = await recipientsOf(store, memberView, memberId);
    const preferences = await store.memberPreferences.get(memberId);
    return {
      exportedAt: clock.now().toISOString(),
      memberId,
      lang,
      decisions,
      cases,
      contact: contact ? toWireContact(contact) : null,
      attachments,
      requests,
      recipients,
      automationPreferences: preferences
        ? { humanReviewSince: preferences.humanReviewSince, consentWithdrawn: preferences.consentWithdrawn, history: preferences.history }
        : null,
    };
  }

  return {
    async exportOwn(user: User, lang: Lang) {
      if (!user.memberId) throw forbidden('forbidden', 'Only members have data to export here.');
      return build(user.memberId, lang);
    },
    /** Staff produce the same export on a member's request; the request is on the staff log. */
    async exportForMember(user: User, memberId: string, lang: Lang) {
      if (!can(user, 'personalData.exportForMember')) throw forbidden('forbidden', "Only admin exports on a member's behalf.");
      const result = await build(memberId, lang);
      if (result.decisions.length === 0) throw notFound(`No decisions about ${memberId}.`);
      await appendStaffLog(store, clock, {
        actor: staffActor(user),
        action: 'member_export',
        subjectDigest: subjectDigest(deps.digestKey, memberId),
        data: { decisions: result.decisions.length, cases: result.cases.length },
      });
      return result;
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
