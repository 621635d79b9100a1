import { requestCaseInformation as route } from '@shared/contract/case-information';
import type { RequestInformation } from '@shared/schemas/case-information';
import type { z } from 'zod';
import { call } from '../../../lib/call';
import { useCaseMutation, type CaseMutationEvents } from './case-mutation';

type Request = z.input<typeof RequestInformation>;
const send = call(route);

/** A reviewer asks the member for information: shown on the case for both, the member e-mailed; no clock stops. */
export const requestCaseInformation = (caseId: string, body: Request) => send({ params: { id: caseId }, body });

export const useRequestCaseInformation = (caseId: string, events?: CaseMutationEvents<Request>) => useCaseMutation(caseId, requestCaseInformation, events);
