import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fileMemberRequest, listMyRequests } from '@shared/contract/member-requests';
import type { NewMemberRequest } from '@shared/schemas/member-request';
import { call } from '../../../lib/call';

const fetchRequests = call(listMyRequests);
const sendRequest = call(fileMemberRequest);

/** The member's requests (erasure, rectification, …) and where each stands, newest first. */
export const myRequestsQuery = () =>
  queryOptions({
    queryKey: ['me', 'requests'],
    queryFn: ({ signal }) => fetchRequests({}, { signal }),
  });

export const useMyRequests = () => useQuery(myRequestsQuery());

export function useFileMemberRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewMemberRequest) => sendRequest({ body }),
    meta: { invalidates: false },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: myRequestsQuery().queryKey }),
  });
}
