import { FraudOverride, RenewalOverride, RiskOverride, type DecideCorrection, type ResolveCase } from '@shared/schemas/case';
import type { DecisionOutput } from '@shared/schemas/decision';
import type { User } from '@shared/schemas/session';
import { isApprover, isReviewer, isStaff } from '@shared/auth/permissions';
import { conflict, forbidden, notFound, validationFailed } from '../domain/errors';
import { parseOrThrow } from '../domain/parse';
import type { OutboxMessage, StoredCase, StoredDecision } from '../storage/store';
import { publicOutcome } from '../domain/public-outcome';
import { bump, invalidState, requireActingReviewer, type CaseContext } from './case-context';
import { extendedDueDate, localDateString } from '../domain/deadlines';
import { overrideRange, requireInRange } from './override-range';
import { allowedActions, type CaseAction } from '@shared/cases/allowed-actions';
import { allows, nextStatus } from './transitions';

/**
 * What the member hears of a case step. They follow their objection's case; a sample case is
 * oversight they never see, so of it they hear only a changed outcome, never a confirmation,
 * an extension or a deadline.
 */
const memberNotice = (c: StoredCase, kind: OutboxMessage['kind']): OutboxMessage['kind'] | undefined => (c.origin === 'objection' ? kind : undefined);
const outcomeChangedNotice = (c: StoredCase): OutboxMessage['kind'] => (c.origin === 'objection' ? 'resolved' : 'outcome_changed');

const overrideSchemas = { renewal_price: RenewalOverride, fraud_flag: FraudOverride, risk_score: RiskOverride };

/**
 * What reviewers, approvers and members do to a case. Each command checks who may act, then the
 * version, then whether the case's status allows it (transitions.ts), and commits the change.
 */
export function createCaseCommands(ctx: CaseContext) {
  const { store, clock, policies, act } = ctx;

  /** The one rule of who may do what to a case in which state, shared with the workbench's buttons. */
  const may = (user: User, c: StoredCase, action: CaseAction) => allowedActions(c, user, clock.now()).includes(action);

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

  return {
    claim: (user: User, caseId: string, expectedVersion: number) =>
      act(
        user,
        caseId,
        expectedVersion,
        {
          access: (c) => requireActingReviewer(user, c),
          state: (c) => {
            if (!may(user, c, 'claim')) {
              throw invalidState(c.status === 'in_review' ? 'Someone else is already reviewing this case.' : `A ${c.status} case cannot be claimed.`);
            }
          },
        },
        (c) => ({
          action: 'assigned',
          next: bump(c, { status: nextStatus(c.status, 'claim')!, assignee: user.id }),
          visibility: 'member',
          data: { assignee: user.id, claimed: true },
        }),
      ),

    /** Gives the case to a reviewer in scope, or with `userId` null back to the queue (in review, nobody's: anyone in scope claims it). */
    async assign(user: User, caseId: string, userId: string | null, expectedVersion: number) {
      const target = userId === null ? null : await store.users.byId(userId);
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
            if (userId !== null && (!target || !isReviewer(target) || !target.scopes.includes(c.decisionType))) {
              throw validationFailed([{ path: 'userId', message: 'not a reviewer for this kind of decision' }]);
            }
            if (!may(user, c, 'assign')) throw invalidState(`A ${c.status} case cannot be reassigned.`);
            if (userId === null && !c.assignee) throw invalidState('Nobody has this case.');
          },
        },
        (c) => ({
          action: 'assigned',
          next: bump(c, { status: nextStatus(c.status, 'assign')!, assignee: userId }),
          // The member hears that someone works on their case; giving it back is internal.
          visibility: userId === null ? 'internal' : 'member',
          data: { assignee: userId },
        }),
      );
    },

    comment: (user: User, caseId: string, body: { text: string; visibility: 'internal' | 'member'; expectedVersion: number }) =>
      act(
        user,
        caseId,
        body.expectedVersion,
        {
          access: (c) => requireActingReviewer(user, c),
          state: (c) => {
            if (!may(user, c, 'comment')) throw invalidState('This case is closed.');
          },
        },
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
            if (may(user, c, 'resolve')) {
              // Every correction the member claimed gets its answer before the case's outcome.
              if (c.corrections?.some((x) => x.state === 'pending'))
                throw invalidState('Decide every correction the member claimed before resolving the case.');
              return;
            }
            // Refused: say why, the case's state first, then who holds it.
            if (!allows(c.status, 'resolve'))
              throw invalidState(c.status === 'open' ? 'Claim the case before resolving it.' : `A ${c.status} case cannot be resolved.`);
            throw forbidden('forbidden', 'Only the assigned reviewer resolves this case.');
          },
        },
        (c, decision, now) => {
          if (body.outcome === 'confirm') {
            return {
              action: 'resolved',
              next: bump(c, {
                status: nextStatus(c.status, 'resolve')!,
                resolution: 'confirmed',
                resolutionRationale: body.rationale,
                closedAt: now.toISOString(),
                proposal: null,
              }),
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
              next: bump(c, {
                status: nextStatus(c.status, 'resolve')!,
                resolution: 'overridden',
                resolutionRationale: body.rationale,
                closedAt: now.toISOString(),
                proposal: null,
              }),
              visibility: 'member',
              text: body.rationale,
              data: { outcome: 'overridden', before: publicOutcome(decision.type, decision.effectiveOutcome), after: publicOutcome(decision.type, effective) },
              notify: outcomeChangedNotice(c),
              effectiveOutcome: effective,
            };
          }
          return {
            action: 'resolution_proposed',
            next: bump(c, {
              status: nextStatus(c.status, 'propose')!,
              proposal: { outcome: 'override', override, rationale: body.rationale, proposedBy: user.id, proposedAt: now.toISOString() },
            }),
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
            if (!may(user, c, 'approve')) throw invalidState('There is no override waiting for approval.');
          },
        },
        (c, decision, now) => {
          const proposal = c.proposal!;
          if (!body.approve) {
            return {
              action: 'rejected',
              next: bump(c, { status: nextStatus(c.status, 'reject')!, proposal: null }),
              visibility: 'internal',
              text: body.rationale,
              data: { proposedBy: proposal.proposedBy },
            };
          }
          const effective = { ...decision.effectiveOutcome, ...proposal.override } as DecisionOutput;
          return {
            action: 'approved',
            next: bump(c, {
              status: nextStatus(c.status, 'approve')!,
              resolution: 'overridden',
              resolutionRationale: proposal.rationale,
              closedAt: now.toISOString(),
            }),
            visibility: 'member',
            text: proposal.rationale,
            note: body.rationale,
            data: {
              outcome: 'overridden',
              proposedBy: proposal.proposedBy,
              before: publicOutcome(decision.type, decision.effectiveOutcome),
              after: publicOutcome(decision.type, effective),
            },
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
            if (may(user, c, 'extend')) return;
            if (!allows(c.status, 'extend')) throw invalidState('This case is closed.');
            if (c.extension) throw invalidState('The deadline was already extended once.');
            // Art. 12(3): the extension must be announced within the first month.
            throw conflict(
              'deadline_passed',
              `The original deadline (${localDateString(new Date(c.originalDueAt))}) has passed; it can no longer be extended.`,
            );
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

    /**
     * Rectification (GDPR Art. 16): the reviewer who may resolve the case accepts or rejects one
     * claimed correction, with a reason the member reads. Once: a decided correction stays decided.
     * An accepted one asks the scoring service to decide again (decision.redecision_requested,
     * through the outbox written with the change).
     */
    decideCorrection: (user: User, caseId: string, feature: string, body: DecideCorrection) =>
      act(
        user,
        caseId,
        body.expectedVersion,
        {
          access: (c) => {
            requireActingReviewer(user, c);
            if (!c.corrections?.some((x) => x.feature === feature)) throw notFound(`No correction of "${feature}" on case ${c.id}.`);
          },
          state: (c) => {
            const correction = c.corrections!.find((x) => x.feature === feature)!;
            if (correction.state !== 'pending') throw invalidState(`The correction of "${feature}" was already ${correction.state}.`);
            if (may(user, c, 'resolve')) return;
            if (!allows(c.status, 'resolve'))
              throw invalidState(
                c.status === 'open' ? 'Claim the case before deciding its corrections.' : `A ${c.status} case's corrections cannot be decided.`,
              );
            throw forbidden('forbidden', "Only the assigned reviewer decides this case's corrections.");
          },
        },
        (c, _decision, now) => {
          const state = body.accept ? 'accepted' : 'rejected';
          const corrections = c.corrections!.map((x) =>
            x.feature === feature ? { ...x, state, decisionReason: body.reason, decidedBy: user.id, decidedAt: now.toISOString() } : x,
          ) as NonNullable<StoredCase['corrections']>;
          return {
            action: 'correction_decided',
            next: bump(c, { corrections }),
            visibility: 'member',
            text: body.reason,
            data: { feature, accepted: body.accept },
          };
        },
      ),

    /**
     * Art. 18(1)(a) on an open objection: the member (or a reviewer who heard it by phone or post)
     * asks that the contested price not be applied until the case is resolved. On the chain, and
     * to billing as decision.restricted through the same entry.
     */
    restrict: (user: User, caseId: string, expectedVersion: number | undefined) =>
      act(
        user,
        caseId,
        expectedVersion,
        {
          access: (c) => {
            if (isStaff(user)) requireActingReviewer(user, c);
          },
          state: (c) => {
            if (c.origin !== 'objection' || c.decisionType !== 'renewal_price') {
              throw invalidState('A restriction can be asked only on an objection to a renewal price.');
            }
            if (!allows(c.status, 'withdraw')) throw invalidState('This case is closed.');
            if (c.restriction && !c.restriction.liftedAt) throw invalidState(`The price is already restricted since ${c.restriction.since}.`);
          },
        },
        (c, _decision, now) => ({
          action: 'restricted',
          next: bump(c, { restriction: { since: now.toISOString() } }),
          visibility: 'member',
          data: { restriction: 'imposed' },
        }),
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
            if (!may(user, c, 'withdraw')) throw invalidState(`A ${c.status} case cannot be withdrawn.`);
          },
        },
        (c, _decision, now) => ({
          action: 'withdrawn',
          next: bump(c, { status: nextStatus(c.status, 'withdraw')!, closedAt: now.toISOString() }),
          visibility: 'member',
          notify: 'withdrawn',
        }),
      ),
  };
}
