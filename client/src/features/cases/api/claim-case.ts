import { CaseDetail } from '@shared/schemas/case';
import { api } from '../../../lib/api-client';
import { useCaseMutation, type CaseMutationEvents } from './case-mutation';

/** Take an open case (open → in_review, assigned to me). */
export const claimCase = (caseId: string, body: { expectedVersion: number }) =>
  api.post(`/api/cases/${encodeURIComponent(caseId)}/claim`, body, CaseDetail);

export const useClaimCase = (caseId: string, events?: CaseMutationEvents<{ expectedVersion: number }>) => useCaseMutation(caseId, claimCase, events);
