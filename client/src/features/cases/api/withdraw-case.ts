import { CaseDetail } from '@shared/schemas/case';
import { api } from '../../../lib/api-client';
import { useCaseMutation, type CaseMutationEvents } from './case-mutation';

/** The member takes their objection back; the decision stands as it is. */
export const withdrawCase = (caseId: string, body: { expectedVersion: number }) =>
  api.post(`/api/cases/${encodeURIComponent(caseId)}/withdraw`, body, CaseDetail);

export const useWithdrawCase = (caseId: string, events?: CaseMutationEvents<{ expectedVersion: number }>) => useCaseMutation(caseId, withdrawCase, events);
