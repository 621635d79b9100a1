import { decideCorrection as route } from '@shared/contract/cases';
import type { DecideCorrection } from '@shared/schemas/case';
import { call } from '../../../lib/call';
import { useCaseMutation, type CaseMutationEvents } from './case-mutation';

type Decision = DecideCorrection & { feature: string };
const send = call(route);

/** GDPR Art. 16: accept or reject one correction the member claimed, with a reason the member reads. */
export const decideCorrection = (caseId: string, { feature, ...body }: Decision) => send({ params: { id: caseId, feature }, body });

export const useDecideCorrection = (caseId: string, events?: CaseMutationEvents<Decision>) => useCaseMutation(caseId, decideCorrection, events);
