import type { CaseStatus } from '@shared/schemas/case';

/** What a reviewer, approver or member can do to a case. */
export type CaseCommand = 'claim' | 'assign' | 'comment' | 'resolve' | 'propose' | 'approve' | 'reject' | 'extend' | 'withdraw';

/**
 * Status × command → the status the case moves to; a missing entry means the command is refused
 * in that status. Guards that look beyond the status (who holds the case, whether the deadline
 * was already extended) stay with the command.
 */
const TRANSITIONS: Record<CaseCommand, Partial<Record<CaseStatus, CaseStatus>>> = {
  claim: { open: 'in_review', in_review: 'in_review' },
  assign: { open: 'in_review', in_review: 'in_review' },
  comment: { open: 'open', in_review: 'in_review', pending_approval: 'pending_approval' },
  // Resolved directly, or proposed for a second person's approval (four-eyes).
  resolve: { in_review: 'resolved' },
  propose: { in_review: 'pending_approval' },
  approve: { pending_approval: 'resolved' },
  reject: { pending_approval: 'in_review' },
  extend: { open: 'open', in_review: 'in_review', pending_approval: 'pending_approval' },
  withdraw: { open: 'withdrawn', in_review: 'withdrawn', pending_approval: 'withdrawn' },
};

/** The status a command moves a case to, or null when the case's status refuses it. */
export const nextStatus = (status: CaseStatus, command: CaseCommand): CaseStatus | null => TRANSITIONS[command][status] ?? null;

/** Whether the command is allowed in this status at all. */
export const allows = (status: CaseStatus, command: CaseCommand): boolean => nextStatus(status, command) !== null;
