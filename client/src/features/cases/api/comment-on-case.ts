import { commentOnCase as route } from '@shared/contract/cases';
import type { CommentOnCase } from '@shared/schemas/case';
import type { z } from 'zod';
import { call } from '../../../lib/call';
import { useCaseMutation, type CaseMutationEvents } from './case-mutation';

/** `visibility` `member`: the member reads it in their timeline; `internal`: staff only. */
export type CaseComment = z.input<typeof CommentOnCase>;
const send = call(route);

export const commentOnCase = (caseId: string, body: CaseComment) => send({ params: { id: caseId }, body });

export const useCommentOnCase = (caseId: string, events?: CaseMutationEvents<CaseComment>) => useCaseMutation(caseId, commentOnCase, events);
