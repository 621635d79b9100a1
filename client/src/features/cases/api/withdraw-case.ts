import { withdrawCase as route } from '@shared/contract/cases';
import type { WithdrawCase } from '@shared/schemas/case';
import type { z } from 'zod';
import { call } from '../../../lib/call';
import { useCaseMutation, type CaseMutationEvents } from './case-mutation';

type Withdrawal = z.input<typeof WithdrawCase>;
const send = call(route);

/** The member takes their objection back; the decision stands as it is. */
export const withdrawCase = (caseId: string, body: Withdrawal) => send({ params: { id: caseId }, body });

export const useWithdrawCase = (caseId: string, events?: CaseMutationEvents<Withdrawal>) => useCaseMutation(caseId, withdrawCase, events);
