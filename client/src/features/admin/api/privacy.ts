import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { listStaffLog } from '@shared/contract/audit';
import { eraseMember, liftLegalHold, listLegalHolds, setLegalHold } from '@shared/contract/members';
import { decideMemberRequest, extendMemberRequest, listMemberRequests, updateMemberRequest } from '@shared/contract/member-requests';
import { getPolicies } from '@shared/contract/system';
import type { MemberRequestDecision, MemberRequestExtension, MemberRequestStatus } from '@shared/schemas/member-request';
import { call } from '../../../lib/call';

const fetchHolds = call(listLegalHolds);
const fetchErasures = call(listStaffLog);
const fetchPolicies = call(getPolicies);
const sendHold = call(setLegalHold);
const sendLift = call(liftLegalHold);
const sendErase = call(eraseMember);
const fetchRequests = call(listMemberRequests);
const sendRequestStatus = call(updateMemberRequest);
const sendRequestDecision = call(decideMemberRequest);
const sendRequestExtension = call(extendMemberRequest);

/** Members whose data is kept from erasure, with the reason. */
export const legalHoldsQuery = () => queryOptions({ queryKey: ['admin', 'legal-holds'], queryFn: ({ signal }) => fetchHolds({}, { signal }) });
export const useLegalHolds = () => useQuery(legalHoldsQuery());

/** The erasures done, from the staff log (which holds counts, never the member). */
export const erasuresQuery = () =>
  queryOptions({ queryKey: ['admin', 'erasures'], queryFn: ({ signal }) => fetchErasures({ query: { action: 'erasure', limit: 50 } }, { signal }) });
export const useErasures = () => useQuery(erasuresQuery());

/** The policies in force; the retention periods are shown read-only (they are configuration). */
export const policiesQuery = () => queryOptions({ queryKey: ['admin', 'policies'], queryFn: ({ signal }) => fetchPolicies({}, { signal }) });
export const usePolicies = () => useQuery(policiesQuery());

export const useSetLegalHold = () =>
  useMutation({ mutationFn: ({ memberId, reason }: { memberId: string; reason: string }) => sendHold({ params: { memberId }, body: { reason } }) });
export const useLiftLegalHold = () => useMutation({ mutationFn: (memberId: string) => sendLift({ params: { memberId } }) });
export const useEraseMember = () => useMutation({ mutationFn: (memberId: string) => sendErase({ body: { memberId } }) });

/** Members' requests (erasure, rectification, …) and where each stands. */
export const memberRequestsQuery = () => queryOptions({ queryKey: ['admin', 'member-requests'], queryFn: ({ signal }) => fetchRequests({}, { signal }) });
export const useMemberRequests = () => useQuery(memberRequestsQuery());
export const useUpdateMemberRequest = () =>
  useMutation({ mutationFn: ({ id, status }: { id: string; status: MemberRequestStatus }) => sendRequestStatus({ params: { id }, body: { status } }) });

/** Art. 17: erase the member, or refuse on a ground the member reads (the member is mailed either way). */
export const useDecideMemberRequest = () =>
  useMutation({ mutationFn: ({ id, body }: { id: string; body: MemberRequestDecision }) => sendRequestDecision({ params: { id }, body }) });
/** Art. 12(3): once, before the original due date, with a reason the member reads. */
export const useExtendMemberRequest = () =>
  useMutation({ mutationFn: ({ id, body }: { id: string; body: MemberRequestExtension }) => sendRequestExtension({ params: { id }, body }) });
