import { assignCase as route } from '@shared/contract/cases';
import type { AssignCase } from '@shared/schemas/case';
import type { z } from 'zod';
import { call } from '../../../lib/call';
import { useCaseMutation, type CaseMutationEvents } from './case-mutation';

type Assign = z.input<typeof AssignCase>;
const send = call(route);

/** Give a case to a colleague, or back to the queue with `userId: null` (approvers). */
export const assignCase = (caseId: string, body: Assign) => send({ params: { id: caseId }, body });

export const useAssignCase = (caseId: string, events?: CaseMutationEvents<Assign>) => useCaseMutation(caseId, assignCase, events);
