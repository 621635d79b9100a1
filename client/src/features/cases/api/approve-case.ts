import { CaseDetail } from '@shared/schemas/case';
import { api } from '../../../lib/api-client';
import { useCaseMutation, type CaseMutationEvents } from './case-mutation';

/** Four-eyes: an approver other than the proposer approves (→ resolved, overridden) or rejects (→ in_review). */
export const approveCase = (caseId: string, body: { approve: boolean; rationale: string; expectedVersion: number }) =>
  api.post(`/api/cases/${encodeURIComponent(caseId)}/approve`, body, CaseDetail);

export const useApproveCase = (caseId: string, events?: CaseMutationEvents<{ approve: boolean; rationale: string; expectedVersion: number }>) => useCaseMutation(caseId, approveCase, events);
