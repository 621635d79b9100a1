import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { listStaffLog } from '@shared/contract/audit';
import { eraseMember, liftLegalHold, listLegalHolds, setLegalHold } from '@shared/contract/members';
import { getPolicies } from '@shared/contract/system';
import { call } from '../../../lib/call';

const fetchHolds = call(listLegalHolds);
const fetchErasures = call(listStaffLog);
const fetchPolicies = call(getPolicies);
const sendHold = call(setLegalHold);
const sendLift = call(liftLegalHold);
const sendErase = call(eraseMember);

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
