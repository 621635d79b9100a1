import { CaseDetail } from '@shared/schemas/case';
import { api } from '../../../lib/api-client';
import { useCaseMutation, type CaseMutationEvents } from './case-mutation';

/** GDPR Art. 12(3): one extension by one or two months, announced before the original deadline, with a reason the member reads. */
export const extendCase = (caseId: string, body: { months: 1 | 2; reason: string; expectedVersion: number }) =>
  api.post(`/api/cases/${encodeURIComponent(caseId)}/extend`, body, CaseDetail);

export const useExtendCase = (caseId: string, events?: CaseMutationEvents<{ months: 1 | 2; reason: string; expectedVersion: number }>) => useCaseMutation(caseId, extendCase, events);
