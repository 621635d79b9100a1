import type { DecisionType } from '@shared/schemas/common';
import type { User } from '@shared/schemas/session';
import { can } from '@shared/auth/permissions';
import { buildEvent } from '../domain/hash-chain';
import { appendStaffLog, staffActor } from '../domain/staff-log';
import { isActive } from '../domain/case-views';
import { withoutPersonal } from '../domain/case-personal';
import { memberErasedEntry } from '../domain/outbound-events';
import type { Clock } from '../clock';
import { eraseDisclosuresOf } from '../domain/disclosures';
import { conflict, forbidden, notFound } from '../domain/errors';
import { DuplicateKeyError, type EventActor, type OutboxMessage, type Store, type StoredDecision } from '../storage/store';

const ERASED = 'erased';
/** What an answered request keeps in place of the member id. */
export const ERASED_MEMBER = 'ERASED';

/** What is left of a decision once its personal data is gone: type, model, dates, outcome, chain. */
function erasedRecord(record: StoredDecision, at: string): StoredDecision {
  const scrubClaim = <T>(output: T): T => (record.type === 'fraud_flag' ? ({ ...(output as object), claimId: ERASED } as T) : output);
  const { monitoring: _monitoring, ...kept } = record;
  return {
    ...kept,
    idempotencyKey: `${ERASED}:${record.id}`,
    subject: { memberId: ERASED },
    inputs: {},
    rationale: { reasonCodes: [], contributions: [] },
    output: scrubClaim(record.output),
    effectiveOutcome: scrubClaim(record.effectiveOutcome),
    bodyHash: '',
    personalSalt: null,
    erasedAt: at,
  } as StoredDecision;
}

/**
 * GDPR Art. 17 and Art. 5(1)(e). The chain commits to personal data only through salted
 * digests, so removing the data and the salts keeps every chain verifiable; the erasure itself
 * is an event on each chain, which is what makes the missing data legitimate to the verifier.
 */
export function createErasureService(deps: { store: Store; clock: Clock; onErased?: (before: StoredDecision, after: StoredDecision) => Promise<void> }) {
  const { store, clock } = deps;

  /** Erases one decision's personal data; safe to re-run after a crash at any point. */
  async function eraseDecision(record: StoredDecision, actor: EventActor, reason: 'request' | 'retention'): Promise<boolean> {
    if (record.erasedAt) return false;
    const at = clock.now().toISOString();
    const events = await store.events.list(record.id);
    if (!events.some((e) => e.action === 'erased')) {
      for (let attempt = 0; ; attempt++) {
        const last = (await store.events.last(record.id)) ?? { seq: 0, hash: record.hash };
        const event = buildEvent(last, { decisionId: record.id, action: 'erased', at, actor, caseId: null, data: { reason }, personal: null });
        try {
          await store.events.append(event);
          break;
        } catch (error) {
          if (!(error instanceof DuplicateKeyError) || attempt > 10) throw error;
        }
      }
    }
    await store.events.erasePersonal(record.id);
    for (const c of await store.cases.listForDecision(record.id)) {
      // The member's documents go with the case's texts (retention reaches them this way too).
      for (const attachment of await store.attachments.listForCase(c.id)) await store.attachments.delete(attachment.id);
      await store.cases.put(withoutPersonal(c));
    }
    await eraseDisclosuresOf(store, record.id);
    const erased = erasedRecord(record, at);
    await store.decisions.replaceErased(erased);
    // Anonymous counts stay; only what was keyed on removed inputs (attribute groups) moves.
    await deps.onErased?.(record, erased);
    return true;
  }

  /**
   * The member's requests stay as the record that they were answered (Art. 5(2)), without whom
   * they concerned or their words: an erasure request is done once the erasure is.
   */
  async function closeRequestsOf(memberId: string) {
    const at = clock.now().toISOString();
    for (const request of await store.memberRequests.forMember(memberId)) {
      const open = request.status === 'received' || request.status === 'in_progress';
      await store.memberRequests.put({
        ...request,
        memberId: ERASED_MEMBER,
        details: null,
        status: open ? 'done' : request.status,
        updatedAt: at,
        version: (request.version ?? 1) + 1,
      });
    }
  }

  async function decisionsOf(memberId: string): Promise<StoredDecision[]> {
    const out: StoredDecision[] = [];
    let after = null;
    for (;;) {
      const page = await store.decisions.page({ memberId }, after, 500);
      out.push(...page);
      if (page.length < 500) return out;
      after = { decidedAt: page[page.length - 1]!.decidedAt, id: page[page.length - 1]!.id };
    }
  }

  return {
    eraseDecision,

    /**
     * `confirmation`: the member's mail that the erasure was done (an erasure on request), handed
     * to the outbox once the hold check passed and before anything is forgotten, addressed by the
     * caller from the contact this erasure removes.
     */
    async eraseMember(user: User, memberId: string, options: { confirmation?: OutboxMessage } = {}) {
      if (!can(user, 'personalData.erase')) throw forbidden('forbidden', 'Only admin erases personal data.');
      const hold = await store.holds.get(memberId);
      if (hold) throw conflict('legal_hold', `Member data is under a legal hold (${hold.reason}); lift it first.`);
      const records = await decisionsOf(memberId);
      const accounts = await store.users.list().then((users) => users.filter((u) => u.memberId === memberId));
      const contact = await store.contacts.get(memberId);
      const requests = await store.memberRequests.forMember(memberId);
      const preferences = await store.memberPreferences.get(memberId);
      if (records.length === 0 && accounts.length === 0 && !contact && requests.length === 0 && !preferences) throw notFound(`No data about ${memberId}.`);
      const actor = staffActor(user);
      // Written first, so a crash mid-erasure still tells downstream systems (a repeat is harmless);
      // only when one listens, since the notice itself holds the member id until it is delivered.
      const listened = (await store.webhooks.list()).some((s) => s.enabled && s.events.includes('member.erased'));
      if (listened) await store.outbox.add(memberErasedEntry(memberId, clock.now().toISOString()));
      if (options.confirmation) await store.outbox.add(options.confirmation);
      let cases = 0;
      const attachments = (await store.attachments.listForMember(memberId)).length;
      for (const record of records) {
        cases += (await store.cases.listForDecision(record.id)).length;
        await eraseDecision(record, actor, 'request');
      }
      for (const id of await store.users.deleteByMemberId(memberId)) await store.sessions.deleteForUser(id);
      await store.outbox.eraseMember(memberId);
      await store.deliveries.eraseMember(memberId);
      const contacts = (await store.contacts.delete(memberId)) ? 1 : 0;
      // Each decision's erasure took its cases' documents; any left (a case gone since) go here.
      await store.attachments.deleteForMember(memberId);
      await closeRequestsOf(memberId);
      // Standing requests and consent withdrawals go with the member: no decision can be made about
      // someone erased, and the anonymous record that each was answered stays among the requests.
      await store.memberPreferences.delete(memberId);
      // Last, after every delete: no byte of what went stays in the store's files.
      await store.purgeFreedSpace();
      // The staff log records that an erasure happened, not whose: that would undo it.
      await appendStaffLog(store, clock, {
        actor,
        action: 'erasure',
        subjectDigest: null,
        data: { decisions: records.length, cases, accounts: accounts.length, contacts, attachments },
      });
      return { decisions: records.length, cases, accounts: accounts.length, contacts, attachments };
    },

    /** Art. 5(1)(e): personal data of decisions past their retention period, unless a case is open or a hold applies. */
    async applyRetention(retentionDays: Record<DecisionType, number>) {
      const now = clock.now();
      const report: Record<string, { erased: number; keptOpenCase: number; keptOnHold: number }> = {};
      const holds = new Set((await store.holds.list()).map((h) => h.memberId));
      const actor: EventActor = { id: 'system', role: 'retention' };
      for (const [type, days] of Object.entries(retentionDays) as [DecisionType, number][]) {
        const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
        const counts = { erased: 0, keptOpenCase: 0, keptOnHold: 0 };
        let after = null;
        for (;;) {
          const page = await store.decisions.page({ type, to: cutoff }, after, 500);
          for (const record of page) {
            if (record.erasedAt) continue;
            if (holds.has(record.subject.memberId)) {
              counts.keptOnHold++;
              continue;
            }
            if ((await store.cases.listForDecision(record.id)).some(isActive)) {
              counts.keptOpenCase++;
              continue;
            }
            if (await eraseDecision(record, actor, 'retention')) counts.erased++;
          }
          if (page.length < 500) break;
          after = { decidedAt: page[page.length - 1]!.decidedAt, id: page[page.length - 1]!.id };
        }
        report[type] = counts;
      }
      await store.purgeFreedSpace();
      await appendStaffLog(store, clock, { actor, action: 'retention_run', subjectDigest: null, data: { report, retentionDays } });
      return report;
    },
  };
}

export type ErasureService = ReturnType<typeof createErasureService>;
