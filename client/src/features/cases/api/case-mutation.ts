import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CaseDetail } from '@shared/schemas/case';
import { isApiError } from '../../../lib/api-client';
import { caseQuery } from './get-case';

export interface CaseMutationEvents<Body> {
  onSuccess?: (detail: CaseDetail, body: Body) => void;
  onError?: (error: unknown) => void;
}

/**
 * The common shape of a case command. Success shows the case as the server now has it. A stale
 * view (409 version_conflict, or a state that moved on) reloads the case, so the reviewer sees
 * what changed and decides again: the action is never silently replayed over someone else's work.
 *
 * The events are the hook's, not `mutate`'s: the form that sent a command often leaves the page
 * with the case's new state (no claim button on a claimed case), and must still be heard.
 */
export function useCaseMutation<Body>(caseId: string, send: (caseId: string, body: Body) => Promise<CaseDetail>, events: CaseMutationEvents<Body> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => send(caseId, body),
    onSuccess: (detail, body) => {
      queryClient.setQueryData(caseQuery(caseId).queryKey, detail);
      events.onSuccess?.(detail, body);
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 409) void queryClient.invalidateQueries({ queryKey: caseQuery(caseId).queryKey });
      events.onError?.(error);
    },
  });
}
