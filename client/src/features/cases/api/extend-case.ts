import { extendCase as route } from '@shared/contract/cases';
import type { ExtendCase } from '@shared/schemas/case';
import type { z } from 'zod';
import { call } from '../../../lib/call';
import { useCaseMutation, type CaseMutationEvents } from './case-mutation';

type Extension = z.input<typeof ExtendCase>;
const send = call(route);

/** GDPR Art. 12(3): one extension by one or two months, announced before the original deadline, with a reason the member reads. */
export const extendCase = (caseId: string, body: Extension) => send({ params: { id: caseId }, body });

export const useExtendCase = (caseId: string, events?: CaseMutationEvents<Extension>) => useCaseMutation(caseId, extendCase, events);
