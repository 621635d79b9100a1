import { ACTIVE_STATUSES, type CaseDetail, type CaseListQuery, type CasePage } from '@shared/schemas/case';
import type { User } from '@shared/schemas/session';
import { isStaff, visibleTypes } from '@shared/auth/permissions';
import { decodeCursor, encodeCursor } from '../domain/cursor';
import type { CaseFilter } from '../storage/store';
import type { CaseContext } from './case-context';
import { toWireCase } from '../domain/case-views';

/** Reading cases: the work queue, one case, and the cases of a decision. */
export function createQueueService(ctx: CaseContext) {
  const { store, clock, loadCase, detail } = ctx;

  return {
    async get(user: User, caseId: string): Promise<CaseDetail> {
      const { c, decision } = await loadCase(user, caseId);
      return detail(user, c, decision);
    },

    async list(user: User, query: CaseListQuery): Promise<CasePage> {
      const now = clock.now();
      const filter: CaseFilter = { status: query.status, type: query.type, origin: query.origin };
      const empty = { items: [], nextCursor: null };
      if (!isStaff(user)) {
        if (!user.memberId || query.origin === 'sample') return empty;
        filter.memberId = user.memberId;
        filter.origin = 'objection';
      } else {
        const types = visibleTypes(user);
        if (types !== 'all') {
          if (query.type && !types.includes(query.type)) return empty;
          if (!query.type) filter.types = types;
        }
      }
      if (query.assignee) filter.assignee = query.assignee === 'me' ? user.id : query.assignee;
      if (query.overdue) {
        if (query.status && !ACTIVE_STATUSES.includes(query.status)) return empty;
        if (!query.status) filter.statuses = ACTIVE_STATUSES;
        filter.dueBefore = now.toISOString();
      }
      const after = query.cursor ? decodeCursor<[string, string]>(query.cursor, ['string', 'string']) : null;
      const rows = await store.cases.page(filter, after ? { dueAt: after[0], id: after[1] } : null, query.limit + 1);
      const items = rows.slice(0, query.limit);
      const last = items[items.length - 1];
      return {
        items: items.map((c) => toWireCase(c, now, user)),
        nextCursor: rows.length > query.limit && last ? encodeCursor([last.dueAt, last.id]) : null,
      };
    },

    /** Every case of a decision, for the decision page. */
    async casesForDecision(user: User, decisionId: string) {
      const cases = await store.cases.listForDecision(decisionId);
      return cases.filter((c) => isStaff(user) || c.origin === 'objection').map((c) => toWireCase(c, clock.now(), user));
    },
  };
}
