import { queryOptions, useQuery } from '@tanstack/react-query';
import { verifyAudit as route } from '@shared/contract/audit';
import { call } from '../../../lib/call';

const send = call(route);

/** Recomputes every hash chain and anchor on the server: costly, so only when asked. */
export const verifyChains = (signal?: AbortSignal) => send({}, { signal });

export const verifyQuery = () =>
  queryOptions({
    queryKey: ['audit', 'verify'],
    queryFn: ({ signal }) => verifyChains(signal),
    // A result is a statement about one moment; the page says when it was checked.
    staleTime: Infinity,
    retry: false,
  });

/** Runs on `refetch()` only (the Verify button), never on its own. */
export const useVerifyChains = () => useQuery({ ...verifyQuery(), enabled: false });
