import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { decideDisclosure, listCaseDisclosures, proposeDisclosure } from '@shared/contract/disclosures';
import type { ApproveDisclosure, NewDisclosure } from '@shared/schemas/disclosure';
import type { z } from 'zod';
import { call } from '../../../lib/call';

const fetchList = call(listCaseDisclosures);
const sendProposal = call(proposeDisclosure);
const sendDecision = call(decideDisclosure);

/** A fraud case's disclosures, newest first (staff in scope). */
export const caseDisclosuresQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['cases', caseId, 'disclosures'],
    queryFn: ({ signal }) => fetchList({ params: { id: caseId } }, { signal }),
  });

export const useCaseDisclosures = (caseId: string, enabled = true) => useQuery({ ...caseDisclosuresQuery(caseId), enabled });

/** A discloser proposes: pending until a second person approves it. */
export function useProposeDisclosure(caseId: string, events: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof NewDisclosure>) => sendProposal({ params: { id: caseId }, body }),
    meta: { invalidates: false },
    onSuccess: () => {
      events.onSuccess?.();
      void queryClient.invalidateQueries({ queryKey: caseDisclosuresQuery(caseId).queryKey });
    },
  });
}

/** An approver in scope, not the proposer, approves or rejects. */
export function useDecideDisclosure(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ApproveDisclosure }) => sendDecision({ params: { id }, body }),
    meta: { invalidates: false },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: caseDisclosuresQuery(caseId).queryKey }),
  });
}
