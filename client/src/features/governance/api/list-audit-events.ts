import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { listAuditEvents as route } from '@shared/contract/audit';
import type { EventAction } from '@shared/schemas/audit';
import type { z } from 'zod';
import { call } from '../../../lib/call';

const send = call(route);

export interface AuditEventFilter {
  decisionId?: string;
  caseId?: string;
  /** A user name ("fraud.reviewer") or a user id (`u_…`). */
  actor?: string;
  action?: z.infer<typeof EventAction>;
  from?: string;
  to?: string;
}

const PAGE_SIZE = 25;

/** One page of chain events, newest first. */
export const listAuditEvents = (filter: AuditEventFilter, cursor: string | undefined, signal?: AbortSignal) =>
  send({ query: { ...filter, limit: PAGE_SIZE, cursor } }, { signal });

export const auditEventsQuery = (filter: AuditEventFilter) =>
  infiniteQueryOptions({
    queryKey: ['audit', 'events', filter],
    queryFn: ({ pageParam, signal }) => listAuditEvents(filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useAuditEvents = (filter: AuditEventFilter, enabled = true) => useInfiniteQuery({ ...auditEventsQuery(filter), enabled });
