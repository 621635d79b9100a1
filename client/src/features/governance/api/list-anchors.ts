import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { Anchor } from '@shared/schemas/audit';
import { api } from '../../../lib/api-client';

export const AnchorList = z.object({ items: z.array(Anchor) });

/** The anchors: Merkle roots over all chain heads, themselves chained, oldest first. */
export const listAnchors = (signal?: AbortSignal) => api.get('/api/audit/anchors', AnchorList, { signal });

export const anchorsQuery = () =>
  queryOptions({
    queryKey: ['audit', 'anchors'],
    queryFn: ({ signal }) => listAnchors(signal),
  });

export const useAnchors = () => useQuery(anchorsQuery());
