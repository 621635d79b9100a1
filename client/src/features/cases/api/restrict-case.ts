import { restrictCase as route } from '@shared/contract/cases';
import type { RestrictCase } from '@shared/schemas/case';
import type { z } from 'zod';
import { call } from '../../../lib/call';
import { useCaseMutation, type CaseMutationEvents } from './case-mutation';

type Restriction = z.input<typeof RestrictCase>;
const send = call(route);

/** Art. 18: the member asks that the contested price not be applied until their objection is decided. */
export const restrictCase = (caseId: string, body: Restriction) => send({ params: { id: caseId }, body });

export const useRestrictCase = (caseId: string, events?: CaseMutationEvents<Restriction>) => useCaseMutation(caseId, restrictCase, events);
