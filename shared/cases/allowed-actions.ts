import { ACTIVE_STATUSES, type Case } from '../schemas/case';
import { isApprover, isReviewer, isStaff } from '../auth/permissions';
import type { User } from '../schemas/session';

/** Everything a person can do to a case once they have it open. `approve` answers a proposal either way (approve or reject). */
export const CASE_ACTIONS = ['addInformation', 'requestInformation', 'claim', 'assign', 'comment', 'resolve', 'approve', 'extend', 'withdraw'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** What of a case the rules read: its state, never its texts. */
export type CaseState = Pick<Case, 'decisionType' | 'origin' | 'status' | 'assignee' | 'extension' | 'originalDueAt'> & {
  proposal: { proposedBy: string } | null;
};

/** Who acts: their id, roles and the decision types they review. */
export type Actor = Pick<User, 'id' | 'roles' | 'scopes'>;

/**
 * The actions `user` may take on a case they can see, in its present state: the one rule the case
 * service enforces and the workbench's buttons follow. Reviewers and approvers act on cases of the
 * types they review; governance and admin read but never change a case; a member may only
 * withdraw their own objection while it is active. Claiming takes a case nobody reviews; the
 * assignee (or an approver) resolves it; a second person, an approver, answers a proposed
 * override (four eyes); the deadline is extended once, and only before the original one
 * (GDPR Art. 12(3): the extension is announced within the first month). The member adds
 * information (messages, documents) to their own active objection; a reviewer may ask them for it
 * on an active objection (a sample case's member is not involved in it).
 */
export function allowedActions(c: CaseState, user: Actor, now: Date): CaseAction[] {
  const active = ACTIVE_STATUSES.includes(c.status);
  const approves = isApprover(user);
  const reviews = isReviewer(user) && user.scopes.includes(c.decisionType);
  const staff = isStaff(user);
  const allowed: Record<CaseAction, boolean> = {
    addInformation: !staff && c.origin === 'objection' && active,
    requestInformation: reviews && c.origin === 'objection' && active,
    claim: reviews && (c.status === 'open' || (c.status === 'in_review' && !c.assignee)),
    assign: reviews && approves && (c.status === 'open' || c.status === 'in_review'),
    comment: reviews && active,
    resolve: reviews && c.status === 'in_review' && (c.assignee === user.id || approves),
    approve: reviews && approves && c.status === 'pending_approval' && c.proposal !== null && c.proposal.proposedBy !== user.id,
    extend: reviews && active && !c.extension && now.toISOString() < c.originalDueAt,
    withdraw: !staff && c.origin === 'objection' && active,
  };
  return CASE_ACTIONS.filter((action) => allowed[action]);
}
