import { CaseDetail } from '@shared/schemas/case';
import { api } from '../../../lib/api-client';
import { useCaseMutation, type CaseMutationEvents } from './case-mutation';

/** The wire body of POST /resolve; `override` is the type's own shape (RenewalOverride, FraudOverride, RiskOverride). */
export interface CaseResolution {
  outcome: 'confirm' | 'override';
  rationale: string;
  override?: Record<string, unknown>;
  expectedVersion: number;
}

/** Confirm (→ resolved) or propose an override (→ pending_approval under the four-eyes policy). */
export const resolveCase = (caseId: string, body: CaseResolution) =>
  api.post(`/api/cases/${encodeURIComponent(caseId)}/resolve`, body, CaseDetail);

export const useResolveCase = (caseId: string, events?: CaseMutationEvents<CaseResolution>) => useCaseMutation(caseId, resolveCase, events);
