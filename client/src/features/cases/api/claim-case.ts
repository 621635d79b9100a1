import { claimCase as route } from '@shared/contract/cases';
import type { ClaimCase } from '@shared/schemas/case';
import type { z } from 'zod';
import { call } from '../../../lib/call';
import { useCaseMutation, type CaseMutationEvents } from './case-mutation';

type Claim = z.input<typeof ClaimCase>;
const send = call(route);

/** Take an open case (open → in_review, assigned to me). */
export const claimCase = (caseId: string, body: Claim) => send({ params: { id: caseId }, body });

export const useClaimCase = (caseId: string, events?: CaseMutationEvents<Claim>) => useCaseMutation(caseId, claimCase, events);
