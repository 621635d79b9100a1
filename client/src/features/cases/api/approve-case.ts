import { approveCase as route } from '@shared/contract/cases';
import type { ApproveCase } from '@shared/schemas/case';
import type { z } from 'zod';
import { call } from '../../../lib/call';
import { useCaseMutation, type CaseMutationEvents } from './case-mutation';

type Approval = z.input<typeof ApproveCase>;
const send = call(route);

/** Four-eyes: an approver other than the proposer approves (→ resolved, overridden) or rejects (→ in_review). */
export const approveCase = (caseId: string, body: Approval) => send({ params: { id: caseId }, body });

export const useApproveCase = (caseId: string, events?: CaseMutationEvents<Approval>) => useCaseMutation(caseId, approveCase, events);
