import { useMutation } from '@tanstack/react-query';
import { fileObjection as route } from '@shared/contract/cases';
import type { CaseDetail, NewObjection } from '@shared/schemas/case';
import { call } from '../../../lib/call';

const send = call(route);

/**
 * A member contesting their own decision, or a reviewer registering an objection that came in
 * by phone or post (then with `channel` and the real `receivedAt`, which starts the deadline).
 */
export const fileObjection = (decisionId: string, objection: NewObjection) => send({ params: { id: decisionId }, body: objection });

/**
 * `onFiled` is the hook's own callback, not `mutate`'s: the refreshed decision (now with an open
 * case) may replace the form before a `mutate` callback would run, and the filer must still be
 * told and taken on.
 */
export const useFileObjection = (decisionId: string, onFiled: (detail: CaseDetail) => void) =>
  useMutation({ mutationFn: (objection: NewObjection) => fileObjection(decisionId, objection), onSuccess: onFiled });
