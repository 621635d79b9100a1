import { randomBytes } from 'node:crypto';
import {
  DisclosableField,
  isMinimumField,
  RecipientKind,
  type ApproveDisclosure,
  type Disclosure,
  type DisclosureListQuery,
  type DisclosurePage,
  type NewDisclosure,
} from '@shared/schemas/disclosure';
import type { User } from '@shared/schemas/session';
import { can, canReadDecision, isApprover, isDiscloser, isReviewer, isStaff } from '@shared/auth/permissions';
import type { Clock } from '../clock';
import { decodeCursor, encodeCursor } from '../domain/cursor';
import { recipientsOf } from '../domain/disclosures';
import { sourceOf } from '../domain/staff-log';
import { conflict, forbidden, notFound } from '../domain/errors';
import { buildEvent } from '../domain/hash-chain';
import { DuplicateKeyError, type EventAction, type EventActor, type Store, type StoredDecision, type StoredDisclosure } from '../storage/store';

/** Who acted, as the case events name staff: approver or reviewer, with their provider's identity. */
const actorOf = (user: User): EventActor => ({ id: user.id, role: isApprover(user) ? 'approver' : 'reviewer', ...sourceOf(user) });

const toWire = ({ memberId: _memberId, ...d }: StoredDisclosure): Disclosure => d;

/**
 * Disclosures of a fraud case to a recipient outside the insurer (the privacy statement: the
 * employer with minimisation, investigation agencies, the sector's fraud registers, the police).
 *
 * - Who proposes: a reviewer who also holds `discloser`, on a fraud case in their scopes.
 * - Who approves: an approver whose scopes cover fraud checks, never the proposer (four-eyes).
 *   Only an approved disclosure has happened (`approvedAt`).
 * - The chain: `disclosure_proposed`, `disclosure_approved`, `disclosure_rejected` on the
 *   decision's chain with the recipient and the fields in `data`; the reasons, purpose and
 *   rationale are staff words that may name the member, so they go to `personal`.
 * - Members never reach these routes (404): a member learns of recipients only through their
 *   export, and not while a fraud case on the decision is open (the tipping-off rule).
 */
export function createDisclosureService(deps: { store: Store; clock: Clock }) {
  const { store, clock } = deps;

  /** The case and its decision as a staff member in scope sees them; 404 for everyone else. */
  async function loadCase(user: User, caseId: string) {
    const c = await store.cases.get(caseId);
    const decision = c ? await store.decisions.get(c.decisionId) : null;
    if (!c || !decision || !isStaff(user) || !canReadDecision(user, decision)) throw notFound(`No case ${caseId}.`);
    return { c, decision };
  }

  /** Appends one event at the chain's head; another writer's event in between moves it on. */
  async function appendEvent(
    decision: StoredDecision,
    action: EventAction,
    actor: EventActor,
    data: Record<string, unknown>,
    personal: Record<string, unknown>,
  ) {
    const at = clock.now().toISOString();
    for (let attempt = 0; ; attempt++) {
      const head = (await store.events.last(decision.id)) ?? { seq: 0, hash: decision.hash };
      try {
        await store.events.append(buildEvent(head, { decisionId: decision.id, action, at, actor, caseId: null, data, personal }));
        return;
      } catch (error) {
        if (!(error instanceof DuplicateKeyError) || attempt > 10) throw error;
      }
    }
  }

  /** The facts of a disclosure the chain may hold in the clear: no member data, no free text. */
  const chainData = (d: StoredDisclosure) => ({ disclosureId: d.id, caseId: d.caseId, recipient: d.recipient, fields: d.fields });

  return {
    async propose(user: User, caseId: string, body: NewDisclosure): Promise<Disclosure> {
      const { c, decision } = await loadCase(user, caseId);
      if (!isReviewer(user) || !isDiscloser(user)) throw forbidden('forbidden', 'Only reviewers who may disclose (the discloser role) propose disclosures.');
      if (decision.type !== 'fraud_flag') throw conflict('invalid_state', 'Only fraud cases are disclosed.');
      if (decision.erasedAt) throw conflict('invalid_state', "This decision's personal data is erased; there is nothing left to disclose.");
      const at = clock.now().toISOString();
      // The minimum always leaves; the extra fields in the fixed order of the list.
      const fields = DisclosableField.options.filter((f) => isMinimumField(f) || body.fields.includes(f));
      const disclosure: StoredDisclosure = {
        id: `dsc_${randomBytes(12).toString('hex')}`,
        caseId: c.id,
        decisionId: decision.id,
        decisionType: decision.type,
        memberId: c.memberId ?? decision.subject.memberId,
        recipient: body.recipient,
        fields,
        reasons: body.reasons,
        purpose: body.purpose ?? null,
        state: 'pending',
        proposedBy: { id: user.id, username: user.username },
        proposedAt: at,
        decidedBy: null,
        decidedAt: null,
        approvedAt: null,
        rationale: null,
        erased: false,
        version: 1,
      };
      await store.disclosures.insert(disclosure);
      await appendEvent(decision, 'disclosure_proposed', actorOf(user), chainData(disclosure), { reasons: disclosure.reasons, purpose: disclosure.purpose });
      return toWire(disclosure);
    },

    async decide(user: User, id: string, body: ApproveDisclosure): Promise<Disclosure> {
      const current = await store.disclosures.get(id);
      const decision = current ? await store.decisions.get(current.decisionId) : null;
      if (!current || !decision || !isStaff(user) || !canReadDecision(user, decision)) throw notFound(`No disclosure ${id}.`);
      // Four-eyes first: the proposer is told why, whatever else they hold.
      if (current.proposedBy.id === user.id) throw forbidden('four_eyes_violation', 'A second person must approve this disclosure; you proposed it.');
      if (!isApprover(user)) throw forbidden('forbidden', 'Only approvers approve disclosures.');
      if (current.state !== 'pending') throw conflict('invalid_state', `This disclosure is already ${current.state}.`);
      const at = clock.now().toISOString();
      const next: StoredDisclosure = {
        ...current,
        state: body.approve ? 'approved' : 'rejected',
        decidedBy: { id: user.id, username: user.username },
        decidedAt: at,
        approvedAt: body.approve ? at : null,
        rationale: body.rationale,
        version: current.version + 1,
      };
      // The register decides a race once: the second approver's decision does not take.
      if (!(await store.disclosures.decide(next))) {
        throw conflict('version_conflict', 'Someone else decided this disclosure at the same moment. Reload to see their decision.', {
          currentVersion: (await store.disclosures.get(id))?.version ?? null,
        });
      }
      await appendEvent(decision, body.approve ? 'disclosure_approved' : 'disclosure_rejected', actorOf(user), chainData(next), { rationale: body.rationale });
      return toWire(next);
    },

    /** A case's disclosures, for staff in scope (the case page). */
    async forCase(user: User, caseId: string): Promise<{ items: Disclosure[] }> {
      const { c } = await loadCase(user, caseId);
      return { items: (await store.disclosures.forCase(c.id)).map(toWire) };
    },

    /** The register (governance, admin): newest proposal first, with approved counts per recipient kind. */
    async list(user: User, query: DisclosureListQuery): Promise<DisclosurePage> {
      if (!can(user, 'disclosures.read')) throw forbidden('forbidden', 'Only governance and admin read the disclosure register.');
      const after = query.cursor ? (([proposedAt, id]) => ({ proposedAt, id }))(decodeCursor<[string, string]>(query.cursor, ['string', 'string'])) : null;
      const period = { from: query.from, to: query.to };
      const rows = await store.disclosures.page({ ...period, kind: query.kind, state: query.state }, after, query.limit + 1);
      const items = rows.slice(0, query.limit);
      const last = items[items.length - 1];
      const counts = await Promise.all(RecipientKind.options.map(async (kind) => [kind, await store.disclosures.countApproved(period, kind)] as const));
      return {
        items: items.map(toWire),
        nextCursor: rows.length > query.limit && last ? encodeCursor([last.proposedAt, last.id]) : null,
        approvedByKind: Object.fromEntries(counts) as DisclosurePage['approvedByKind'],
      };
    },

    /** The recipients of a member's data as `viewer` may see them (the export, the data page). */
    recipientsFor: (viewer: User, memberId: string) => recipientsOf(store, viewer, memberId),
  };
}

export type DisclosureService = ReturnType<typeof createDisclosureService>;
