import {
  ACTIVE_STATUSES,
  CaseStatus,
  MEMBER_CASE_ORIGINS,
  isMemberCase,
  type CaseCounts,
  type CaseCountsQuery,
  type CaseDetail,
  type CaseListItem,
  type CaseListQuery,
  type CasePage,
  type ColleagueList,
} from '@shared/schemas/case';
import { canonicalMemberId } from '@shared/schemas/common';
import type { User } from '@shared/schemas/session';
import { can, isApprover, isReviewer, isStaff, visibleTypes } from '@shared/auth/permissions';
import { forbidden } from '../domain/errors';
import { decodeCursor, encodeCursor } from '../domain/cursor';
import type { CaseFilter, StoredCase, StoredDecision } from '../storage/store';
import type { CaseContext } from './case-context';
import { toWireCase } from '../domain/case-views';
import { sampleReason } from './sampling';

/** A claim or policy names a handful of decisions; a search never reads more than this many. */
const SEARCH_DECISIONS = 200;

type ScopeQuery = CaseCountsQuery & { status?: CaseStatus };

/** Reading cases: the work queue, its counts, one case, the cases of a decision, and the colleagues a case can go to. */
export function createQueueService(ctx: CaseContext) {
  const { store, clock, loadCase, detail, policies } = ctx;

  /**
   * The cases a reader may see that match the query's scope, as a store filter; null when none
   * can (a type outside their scopes, a member asking for samples). A search term is a member
   * number, or a claim or policy id resolved to its few decisions through an index.
   */
  async function scopedFilter(user: User, query: ScopeQuery): Promise<CaseFilter | null> {
    const filter: CaseFilter = { status: query.status, type: query.type, origin: query.origin };
    if (!isStaff(user)) {
      if (!user.memberId || (query.origin && !MEMBER_CASE_ORIGINS.includes(query.origin))) return null;
      filter.memberId = user.memberId;
      if (!query.origin) filter.origins = [...MEMBER_CASE_ORIGINS];
    } else {
      const types = visibleTypes(user);
      if (types !== 'all') {
        if (query.type && !types.includes(query.type)) return null;
        if (!query.type) filter.types = types;
      }
    }
    if (query.q) {
      const decisionIds = await store.decisions.idsBySubjectRef(query.q, SEARCH_DECISIONS);
      if (decisionIds.length) filter.decisionIds = decisionIds;
      else if (isStaff(user)) filter.memberId = canonicalMemberId(query.q);
      else if (canonicalMemberId(query.q) !== user.memberId) return null;
    }
    return filter;
  }

  /** Staff rows say what they are about: the decision's subject and outcome, why it was sampled, who has it. */
  async function staffRows(cases: StoredCase[], now: Date, user: User): Promise<CaseListItem[]> {
    const decisions = new Map((await store.decisions.getMany([...new Set(cases.map((c) => c.decisionId))])).map((d) => [d.id, d]));
    const assigneeIds = [...new Set(cases.map((c) => c.assignee).filter((id): id is string => !!id))];
    const assignees = new Map((await Promise.all(assigneeIds.map((id) => store.users.byId(id)))).flatMap((u) => (u ? [[u.id, u] as const] : [])));
    // The reader's own cases back from an approver: the chain's last entry says so (one keyed read per such row).
    const rejectedAt = new Map<string, string>();
    await Promise.all(
      cases
        .filter((c) => c.status === 'in_review' && c.assignee === user.id)
        .map(async (c) => {
          const last = await store.events.last(c.decisionId);
          if (last?.action === 'rejected' && last.caseId === c.id && last.data.proposedBy === user.id) rejectedAt.set(c.id, last.at);
        }),
    );
    return cases.map((c) => {
      const decision = decisions.get(c.decisionId);
      const assignee = c.assignee ? assignees.get(c.assignee) : undefined;
      return {
        ...toWireCase(c, now, user),
        about: decision ? aboutOf(decision) : undefined,
        // Worked out again from the decision: the policy that drew it is the one in force (its rate and margin are shown to governance).
        sampleReason: c.origin === 'sample' && decision ? (sampleReason(decision, policies.sampling) ?? 'random') : null,
        assigneeName: assignee ? (assignee.displayName ?? assignee.username) : null,
        proposalRejectedAt: rejectedAt.get(c.id) ?? null,
      };
    });
  }

  return {
    async get(user: User, caseId: string): Promise<CaseDetail> {
      const { c, decision } = await loadCase(user, caseId);
      return detail(user, c, decision);
    },

    async list(user: User, query: CaseListQuery): Promise<CasePage> {
      const now = clock.now();
      const empty = { items: [], nextCursor: null };
      const filter = await scopedFilter(user, query);
      if (!filter) return empty;
      if (query.assignee) filter.assignee = query.assignee === 'me' ? user.id : query.assignee;
      if (query.overdue) {
        if (query.status && !ACTIVE_STATUSES.includes(query.status)) return empty;
        if (!query.status) filter.statuses = ACTIVE_STATUSES;
        filter.dueBefore = now.toISOString();
      }
      if (query.awaitingMe) {
        if (!isApprover(user) || (query.status && query.status !== 'pending_approval')) return empty;
        filter.status = 'pending_approval';
        filter.notProposedBy = user.id;
      }
      const after = query.cursor ? decodeCursor<[string, string]>(query.cursor, ['string', 'string']) : null;
      const rows = await store.cases.page(filter, after ? { dueAt: after[0], id: after[1] } : null, query.limit + 1);
      const items = rows.slice(0, query.limit);
      const last = items[items.length - 1];
      return {
        items: isStaff(user) ? await staffRows(items, now, user) : items.map((c) => toWireCase(c, now, user)),
        nextCursor: rows.length > query.limit && last ? encodeCursor([last.dueAt, last.id]) : null,
      };
    },

    /** The queue's counts: one indexed count per view, never a scan of the cases. */
    async counts(user: User, query: CaseCountsQuery): Promise<CaseCounts> {
      if (!isReviewer(user)) throw forbidden('forbidden', 'The queue is for reviewers.');
      const filter = await scopedFilter(user, query);
      const zero = Object.fromEntries(CaseStatus.options.map((s) => [s, 0])) as CaseCounts['byStatus'];
      if (!filter) return { byStatus: zero, overdue: 0, mine: 0, awaitingMe: 0 };
      const count = (extra: CaseFilter) => store.cases.count({ ...filter, ...extra });
      const [byStatus, overdue, mine, awaitingMe] = await Promise.all([
        Promise.all(CaseStatus.options.map(async (status) => [status, await count({ status })] as const)),
        count({ statuses: ACTIVE_STATUSES, dueBefore: clock.now().toISOString() }),
        // "My work" lists what the reader has whatever its state; its count says the same.
        count({ assignee: user.id }),
        isApprover(user) ? count({ status: 'pending_approval', notProposedBy: user.id }) : Promise.resolve(0),
      ]);
      return { byStatus: Object.fromEntries(byStatus) as CaseCounts['byStatus'], overdue, mine, awaitingMe };
    },

    /** Reviewers and approvers, by name, so a case is given to a person rather than an id; members never appear. */
    async colleagues(user: User): Promise<ColleagueList> {
      if (!can(user, 'cases.openPage')) throw forbidden('forbidden', 'Only staff who read cases see who works on them.');
      const users = await store.users.list();
      return {
        items: users
          .filter((u) => isReviewer(u) && !u.memberId)
          .map((u) => ({ id: u.id, username: u.username, displayName: u.displayName ?? null, scopes: u.scopes })),
      };
    },

    /** Every case of a decision, for the decision page. */
    async casesForDecision(user: User, decisionId: string) {
      const cases = await store.cases.listForDecision(decisionId);
      return cases.filter((c) => isStaff(user) || isMemberCase(c)).map((c) => toWireCase(c, clock.now(), user));
    },
  };
}

function aboutOf(decision: StoredDecision): CaseListItem['about'] {
  return {
    memberId: decision.subject?.memberId ?? null,
    policyId: decision.subject?.policyId ?? null,
    claimId: decision.subject?.claimId ?? null,
    outcome: decision.effectiveOutcome,
  };
}
