import {
  FraudOverride,
  RenewalOverride,
  RiskOverride,
  type CaseDetail,
  type CaseListQuery,
  type CasePage,
  type NewObjection,
  type ResolveCase,
} from '@shared/schemas/case';
import type { DecisionOutput } from '@shared/schemas/decision';
import type { User } from '@shared/schemas/session';
import { ACTIVE_STATUSES } from '@shared/schemas/case';
import { canReadDecision, isApprover, isMember, isReviewer, isStaff, visibleTypes } from '../auth/access';
import type { Clock } from '../clock';
import { decodeCursor, encodeCursor } from '../decisions/cursor';
import { toWire } from '../decisions/decisions.service';
import { memberSafe } from '../decisions/member-view';
import { publicOutcome } from '../decisions/public-outcome';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../http/problem';
import { parseOrThrow } from '../http/validate';
import type { Policies } from '../policies/policies';
import type { CaseFilter, ChainEvent, EventActor, OutboxMessage, Store, StoredCase, StoredDecision } from '../storage/store';
import { caseChangeEvent, commitCaseChange, consistentHead, type CaseChange, type CaseEventHook } from './case-chain';
import { isActive, timelineFor, toWireCase } from './case-views';
import { dueDate, extendedDueDate, localDateString } from './deadlines';
import { overrideRange, requireInRange } from './override-range';
import { sampleReason } from './sampling';

const invalidState = (detail: string) => conflict('invalid_state', detail);
const requireOpen = (c: StoredCase) => {
  if (!isActive(c)) throw invalidState('This case is closed.');
};

const actorOf = (user: User): EventActor => ({
  id: user.id,
  role: isApprover(user) ? 'approver' : isReviewer(user) ? 'reviewer' : (user.roles[0] ?? 'member'),
});
const SYSTEM: EventActor = { id: 'system', role: 'system' };

/**
 * What the member hears of a case step. They follow their objection's case; a sample case is
 * oversight they never see, so of it they hear only a changed outcome, never a confirmation,
 * an extension or a deadline.
 */
const memberNotice = (c: StoredCase, kind: OutboxMessage['kind']): OutboxMessage['kind'] | undefined => (c.origin === 'objection' ? kind : undefined);
const outcomeChangedNotice = (c: StoredCase): OutboxMessage['kind'] => (c.origin === 'objection' ? 'resolved' : 'outcome_changed');

const overrideSchemas = { renewal_price: RenewalOverride, fraud_flag: FraudOverride, risk_score: RiskOverride };

export function createCaseService(deps: { store: Store; clock: Clock; policies: Policies; onEvent?: CaseEventHook }) {
  const { store, clock, policies } = deps;
  // onEvent (metrics rollups) sees every committed case event; see CaseEventHook.
  const chainDeps = { store, clock, onEvent: deps.onEvent };

  /** Staff who may act on this type; governance and admin read but never change a case. */
  function requireActingReviewer(user: User, c: StoredCase) {
    if (!isReviewer(user)) throw forbidden('forbidden', 'Only reviewers act on cases.');
    if (!user.scopes.includes(c.decisionType)) throw notFound(`No case ${c.id}.`);
  }

  function versionConflict(c: StoredCase) {
    return conflict('version_conflict', `This case changed since you opened it (now version ${c.version}).`, { currentVersion: c.version });
  }

  /** Loads a case the user may see (404 otherwise), with the chain head read before it. */
  async function loadCase(user: User, caseId: string) {
    const decision = await store.decisions.get(`dec_${caseId.slice(5, 29)}`);
    const head = decision ? await consistentHead(store, decision) : null;
    const c = await store.cases.get(caseId);
    if (!c || !decision || !head || !canReadDecision(user, decision)) throw notFound(`No case ${caseId}.`);
    if (!isStaff(user) && c.origin !== 'objection') throw notFound(`No case ${caseId}.`);
    return { c, decision, head };
  }

  async function detail(user: User, c: StoredCase, decision: StoredDecision): Promise<CaseDetail> {
    const events = await store.events.list(decision.id);
    const decisionView = memberSafe(user, toWire(decision), await store.cases.listForDecision(decision.id));
    return {
      case: toWireCase(c, clock.now(), user),
      decision: decisionView,
      timeline: timelineFor(events, c.id, user, decision),
      ...(isStaff(user) ? { overrideRange: overrideRange(decision, policies.overrides) } : {}),
    };
  }

  /**
   * The common shape of every case command: load, check who may act, then the version (a stale
   * view gets version_conflict before any state rule), then the state, then commit the change.
   */
  async function act(
    user: User,
    caseId: string,
    expectedVersion: number | undefined,
    rules: { access: (c: StoredCase) => void; state?: (c: StoredCase) => void },
    change: (c: StoredCase, decision: StoredDecision, now: Date) => CaseChange,
  ): Promise<CaseDetail> {
    const { c, decision, head } = await loadCase(user, caseId);
    rules.access(c);
    if (expectedVersion !== undefined && c.version !== expectedVersion) throw versionConflict(c);
    rules.state?.(c);
    const next = await commitCaseChange(chainDeps, decision, head, c, actorOf(user), change(c, decision, clock.now()));
    return detail(user, next, (await store.decisions.get(decision.id))!);
  }

  const bump = (c: StoredCase, fields: Partial<StoredCase>): StoredCase => ({ ...c, ...fields, version: c.version + 1 });

  function needsSecondPerson(decision: StoredDecision, effective: DecisionOutput): boolean {
    const policy = policies.fourEyes;
    if (!policy.types.includes(decision.type)) return false;
    const current = decision.effectiveOutcome as unknown as Record<string, number>;
    const proposed = effective as unknown as Record<string, number>;
    if (decision.type === 'renewal_price') {
      return Math.abs(proposed.newPremiumCents! - current.newPremiumCents!) >= policy.minimumChange.renewal_price;
    }
    if (decision.type === 'risk_score') return Math.abs(proposed.score! - current.score!) >= policy.minimumChange.risk_score;
    return true;
  }

  /**
   * The sample case for proactive oversight (AI Act Art. 14) of a decision just recorded: its
   * chain's seq 1 and the case. Pure; the decision's insert writes both (see IngestFollowUps).
   */
  function sampleCase(decision: StoredDecision, reason: string, now: Date): { event: ChainEvent; case: StoredCase } {
    const receivedAt = new Date(decision.recordedAt);
    const due = dueDate(receivedAt).toISOString();
    const c: StoredCase = {
      id: `case_${decision.id.slice(4)}_1`,
      decisionId: decision.id,
      decisionType: decision.type,
      memberId: decision.subject?.memberId ?? null,
      origin: 'sample',
      channel: null,
      status: 'open',
      resolution: null,
      statement: null,
      requestedOutcome: null,
      receivedAt: receivedAt.toISOString(),
      dueAt: due,
      originalDueAt: due,
      extension: null,
      assignee: null,
      proposal: null,
      resolutionRationale: null,
      openedAt: now.toISOString(),
      closedAt: null,
      version: 1,
    };
    const head = { seq: 0, hash: decision.hash };
    const event = caseChangeEvent(decision, head, null, SYSTEM, { action: 'sampled', next: c, visibility: 'internal', data: { reason } }, now);
    return { event, case: c };
  }

  return {
    /**
     * The sample case of a decision about to be recorded, if it is drawn; the store writes it only
     * if the decision is new. The draw depends on the id alone, so a retry draws the same.
     */
    sampleFor(decision: StoredDecision, now: Date): { events: ChainEvent[]; cases: StoredCase[] } {
      const reason = sampleReason(decision, policies.sampling);
      if (!reason) return { events: [], cases: [] };
      const sampled = sampleCase(decision, reason, now);
      return { events: [sampled.event], cases: [sampled.case] };
    },

    async fileObjection(user: User, decisionId: string, body: NewObjection): Promise<CaseDetail> {
      const decision = await store.decisions.get(decisionId);
      if (!decision || !canReadDecision(user, decision)) throw notFound(`No decision ${decisionId}.`);
      const head = await consistentHead(store, decision);
      const now = clock.now();
      const staff = isStaff(user);
      let receivedAt: Date;
      let channel: StoredCase['channel'];
      if (staff) {
        if (!isReviewer(user)) throw forbidden('forbidden', 'Only reviewers register objections received by phone or post.');
        const errors = [];
        if (!body.receivedAt) errors.push({ path: 'receivedAt', message: 'give the date the objection was received' });
        if (!body.channel) errors.push({ path: 'channel', message: 'say whether it came by phone or post' });
        if (body.receivedAt && body.receivedAt > now.toISOString()) errors.push({ path: 'receivedAt', message: 'may not be in the future' });
        if (body.receivedAt && body.receivedAt < decision.decidedAt) errors.push({ path: 'receivedAt', message: 'may not be before the decision was made' });
        if (errors.length) throw validationFailed(errors);
        receivedAt = new Date(body.receivedAt!);
        channel = body.channel!;
      } else {
        if (!isMember(user)) throw notFound(`No decision ${decisionId}.`);
        if (body.receivedAt || body.channel) {
          throw validationFailed([{ path: body.receivedAt ? 'receivedAt' : 'channel', message: 'only staff register objections received by phone or post' }]);
        }
        receivedAt = now;
        channel = 'portal';
      }
      const active = (await store.cases.listForDecision(decisionId)).find(isActive);
      if (active?.origin === 'objection') {
        throw conflict('case_already_open', `Decision ${decisionId} already has an open case.`, { caseId: active.id });
      }
      const due = dueDate(receivedAt).toISOString();
      const fields = {
        origin: 'objection' as const,
        channel,
        statement: body.statement,
        requestedOutcome: body.requestedOutcome ?? null,
        receivedAt: receivedAt.toISOString(),
        dueAt: due,
        originalDueAt: due,
      };
      // An open sample case takes the objection in: one case per decision, history kept.
      const next: StoredCase = active
        ? bump(active, fields)
        : {
            id: `case_${decision.id.slice(4)}_${head.seq + 1}`,
            decisionId,
            decisionType: decision.type,
            memberId: decision.subject?.memberId ?? null,
            status: 'open',
            resolution: null,
            extension: null,
            assignee: null,
            proposal: null,
            resolutionRationale: null,
            openedAt: now.toISOString(),
            closedAt: null,
            version: 1,
            ...fields,
          };
      try {
        await commitCaseChange(chainDeps, decision, head, active ?? null, actorOf(user), {
          action: 'objection_filed',
          next,
          visibility: 'member',
          text: body.statement,
          data: { channel, fromSample: !!active, dueDate: localDateString(new Date(due)) },
          notify: 'received',
        });
      } catch (error) {
        if (error instanceof AppError && error.code === 'version_conflict') {
          throw conflict('case_already_open', `Decision ${decisionId} already has an open case.`);
        }
        throw error;
      }
      return detail(user, next, decision);
    },

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

    claim: (user: User, caseId: string, expectedVersion: number) =>
      act(
        user,
        caseId,
        expectedVersion,
        {
          access: (c) => requireActingReviewer(user, c),
          state: (c) => {
            if (!(c.status === 'open' || (c.status === 'in_review' && !c.assignee))) {
              throw invalidState(c.status === 'in_review' ? 'Someone else is already reviewing this case.' : `A ${c.status} case cannot be claimed.`);
            }
          },
        },
        (c) => ({ action: 'assigned', next: bump(c, { status: 'in_review', assignee: user.id }), visibility: 'member', data: { assignee: user.id, claimed: true } }),
      ),

    async assign(user: User, caseId: string, userId: string, expectedVersion: number) {
      const target = await store.users.byId(userId);
      return act(
        user,
        caseId,
        expectedVersion,
        {
          access: (c) => {
            requireActingReviewer(user, c);
            if (!isApprover(user)) throw forbidden('forbidden', 'Only approvers assign cases to others.');
          },
          state: (c) => {
            if (!target || !target.roles.some((r) => r === 'reviewer' || r === 'approver') || !target.scopes.includes(c.decisionType)) {
              throw validationFailed([{ path: 'userId', message: 'not a reviewer for this kind of decision' }]);
            }
            if (!(c.status === 'open' || c.status === 'in_review')) throw invalidState(`A ${c.status} case cannot be reassigned.`);
          },
        },
        (c) => ({ action: 'assigned', next: bump(c, { status: 'in_review', assignee: userId }), visibility: 'member', data: { assignee: userId } }),
      );
    },

    comment: (user: User, caseId: string, body: { text: string; visibility: 'internal' | 'member'; expectedVersion: number }) =>
      act(
        user,
        caseId,
        body.expectedVersion,
        { access: (c) => requireActingReviewer(user, c), state: requireOpen },
        (c) => ({ action: 'comment', next: bump(c, {}), visibility: body.visibility, text: body.text }),
      ),

    resolve: (user: User, caseId: string, body: ResolveCase) =>
      act(
        user,
        caseId,
        body.expectedVersion,
        {
          access: (c) => requireActingReviewer(user, c),
          state: (c) => {
            if (c.status !== 'in_review') throw invalidState(c.status === 'open' ? 'Claim the case before resolving it.' : `A ${c.status} case cannot be resolved.`);
            if (c.assignee !== user.id && !isApprover(user)) throw forbidden('forbidden', 'Only the assigned reviewer resolves this case.');
          },
        },
        (c, decision, now) => {
          if (body.outcome === 'confirm') {
            return {
              action: 'resolved',
              next: bump(c, { status: 'resolved', resolution: 'confirmed', resolutionRationale: body.rationale, closedAt: now.toISOString(), proposal: null }),
              visibility: 'member',
              text: body.rationale,
              data: { outcome: 'confirmed' },
              notify: memberNotice(c, 'resolved'),
            };
          }
          const override = parseOrThrow(overrideSchemas[decision.type], body.override, 'override') as Record<string, unknown>;
          requireInRange(overrideRange(decision, policies.overrides), override, policies.overrides);
          const effective = { ...decision.effectiveOutcome, ...override } as DecisionOutput;
          if (JSON.stringify(effective) === JSON.stringify(decision.effectiveOutcome)) {
            throw validationFailed([{ path: 'override', message: 'the override does not change the outcome' }]);
          }
          if (!needsSecondPerson(decision, effective)) {
            return {
              action: 'resolved',
              next: bump(c, { status: 'resolved', resolution: 'overridden', resolutionRationale: body.rationale, closedAt: now.toISOString(), proposal: null }),
              visibility: 'member',
              text: body.rationale,
              data: { outcome: 'overridden', before: publicOutcome(decision.type, decision.effectiveOutcome), after: publicOutcome(decision.type, effective) },
              notify: outcomeChangedNotice(c),
              effectiveOutcome: effective,
            };
          }
          return {
            action: 'resolution_proposed',
            next: bump(c, { status: 'pending_approval', proposal: { outcome: 'override', override, rationale: body.rationale, proposedBy: user.id, proposedAt: now.toISOString() } }),
            visibility: 'internal',
            text: body.rationale,
            data: { outcome: 'override', before: publicOutcome(decision.type, decision.effectiveOutcome), after: publicOutcome(decision.type, effective) },
          };
        },
      ),

    approve: (user: User, caseId: string, body: { approve: boolean; rationale: string; expectedVersion: number }) =>
      act(
        user,
        caseId,
        body.expectedVersion,
        {
          access: (c) => {
            requireActingReviewer(user, c);
            // Four-eyes: the proposer can never approve (or reject) their own override.
            if (c.proposal?.proposedBy === user.id) {
              throw forbidden('four_eyes_violation', 'A second person must approve this override; you proposed it.');
            }
            if (!isApprover(user)) throw forbidden('forbidden', 'Only approvers approve overrides.');
          },
          state: (c) => {
            if (c.status !== 'pending_approval' || !c.proposal) throw invalidState('There is no override waiting for approval.');
          },
        },
        (c, decision, now) => {
          const proposal = c.proposal!;
          if (!body.approve) {
            return {
              action: 'rejected',
              next: bump(c, { status: 'in_review', proposal: null }),
              visibility: 'internal',
              text: body.rationale,
              data: { proposedBy: proposal.proposedBy },
            };
          }
          const effective = { ...decision.effectiveOutcome, ...proposal.override } as DecisionOutput;
          return {
            action: 'approved',
            next: bump(c, { status: 'resolved', resolution: 'overridden', resolutionRationale: proposal.rationale, closedAt: now.toISOString() }),
            visibility: 'member',
            text: proposal.rationale,
            note: body.rationale,
            data: { outcome: 'overridden', proposedBy: proposal.proposedBy, before: publicOutcome(decision.type, decision.effectiveOutcome), after: publicOutcome(decision.type, effective) },
            notify: outcomeChangedNotice(c),
            effectiveOutcome: effective,
          };
        },
      ),

    extend: (user: User, caseId: string, body: { months: number; reason: string; expectedVersion: number }) =>
      act(
        user,
        caseId,
        body.expectedVersion,
        {
          access: (c) => requireActingReviewer(user, c),
          state: (c) => {
            requireOpen(c);
            if (c.extension) throw invalidState('The deadline was already extended once.');
            // Art. 12(3): the extension must be announced within the first month.
            if (clock.now().toISOString() >= c.originalDueAt) {
              throw conflict('deadline_passed', `The original deadline (${localDateString(new Date(c.originalDueAt))}) has passed; it can no longer be extended.`);
            }
          },
        },
        (c, _decision, now) => {
          const dueAt = extendedDueDate(new Date(c.originalDueAt), body.months).toISOString();
          return {
            action: 'extended',
            next: bump(c, { dueAt, extension: { months: body.months, reason: body.reason, at: now.toISOString() } }),
            visibility: 'member',
            text: body.reason,
            data: { months: body.months, fromDueAt: c.dueAt, toDueAt: dueAt, dueDate: localDateString(new Date(dueAt)) },
            notify: memberNotice(c, 'extended'),
          };
        },
      ),

    withdraw: (user: User, caseId: string, expectedVersion: number | undefined) =>
      act(
        user,
        caseId,
        expectedVersion,
        {
          access: (c) => {
            if (isStaff(user) || c.origin !== 'objection') throw forbidden('forbidden', 'Only the member who objected can withdraw it.');
          },
          state: (c) => {
            if (!isActive(c)) throw invalidState(`A ${c.status} case cannot be withdrawn.`);
          },
        },
        (c, _decision, now) => ({ action: 'withdrawn', next: bump(c, { status: 'withdrawn', closedAt: now.toISOString() }), visibility: 'member', notify: 'withdrawn' }),
      ),

    /** Every case of a decision, for the decision page. */
    async casesForDecision(user: User, decisionId: string) {
      const cases = await store.cases.listForDecision(decisionId);
      return cases.filter((c) => isStaff(user) || c.origin === 'objection').map((c) => toWireCase(c, clock.now(), user));
    },
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
