import { queryOptions, useQuery } from '@tanstack/react-query';
import { listAnchors as route } from '@shared/contract/audit';
import { call } from '../../../lib/call';

const send = call(route);

/** The anchors: Merkle roots over all chain heads, themselves chained, oldest first. */
export const listAnchors = (signal?: AbortSignal) => send({}, { signal });

export const anchorsQuery = () =>
  queryOptions({
    queryKey: ['audit', 'anchors'],
    queryFn: ({ signal }) => listAnchors(signal),
  });

export const useAnchors = () => useQuery(anchorsQuery());
