import { addCaseMessage as route } from '@shared/contract/case-information';
import type { MemberMessage } from '@shared/schemas/case-information';
import type { z } from 'zod';
import { call } from '../../../lib/call';
import { useCaseMutation, type CaseMutationEvents } from './case-mutation';

type Message = z.input<typeof MemberMessage>;
const send = call(route);

/** The member adds information to their open case; the reviewers read it on the timeline. */
export const addCaseMessage = (caseId: string, body: Message) => send({ params: { id: caseId }, body });

export const useAddCaseMessage = (caseId: string, events?: CaseMutationEvents<Message>) => useCaseMutation(caseId, addCaseMessage, events);
