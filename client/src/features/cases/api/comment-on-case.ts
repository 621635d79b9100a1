import { CaseDetail } from '@shared/schemas/case';
import { api } from '../../../lib/api-client';
import { useCaseMutation, type CaseMutationEvents } from './case-mutation';

export interface CaseComment {
  text: string;
  /** `member`: the member reads it in their timeline; `internal`: staff only. */
  visibility: 'internal' | 'member';
  expectedVersion: number;
}

export const commentOnCase = (caseId: string, body: CaseComment) =>
  api.post(`/api/cases/${encodeURIComponent(caseId)}/comments`, body, CaseDetail);

export const useCommentOnCase = (caseId: string, events?: CaseMutationEvents<CaseComment>) => useCaseMutation(caseId, commentOnCase, events);
