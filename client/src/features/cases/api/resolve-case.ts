import { resolveCase as route } from '@shared/contract/cases';
import type { ResolveCase } from '@shared/schemas/case';
import type { z } from 'zod';
import { call } from '../../../lib/call';
import { useCaseMutation, type CaseMutationEvents } from './case-mutation';

/** The wire body of POST /resolve; `override` is the type's own shape (RenewalOverride, FraudOverride, RiskOverride). */
export type CaseResolution = z.input<typeof ResolveCase>;
const send = call(route);

/** Confirm (→ resolved) or propose an override (→ pending_approval under the four-eyes policy). */
export const resolveCase = (caseId: string, body: CaseResolution) => send({ params: { id: caseId }, body });

export const useResolveCase = (caseId: string, events?: CaseMutationEvents<CaseResolution>) => useCaseMutation(caseId, resolveCase, events);
