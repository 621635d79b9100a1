import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { AuditEventPage, type EventAction } from '@shared/schemas/audit';
import type { z } from 'zod';
import { api, withQuery } from '../../../lib/api-client';

export interface AuditEventFilter {
  decisionId?: string;
  caseId?: string;
  /** A user id (`u_…`), as the events record it. */
  actor?: string;
  action?: z.infer<typeof EventAction>;
  from?: string;
  to?: string;
}

const PAGE_SIZE = 25;

/** One page of chain events, newest first. */
export const listAuditEvents = (filter: AuditEventFilter, cursor: string | undefined, signal?: AbortSignal) =>
  api.get(withQuery('/api/audit/events', { ...filter, limit: PAGE_SIZE, cursor }), AuditEventPage, { signal });

export const auditEventsQuery = (filter: AuditEventFilter) =>
  infiniteQueryOptions({
    queryKey: ['audit', 'events', filter],
    queryFn: ({ pageParam, signal }) => listAuditEvents(filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useAuditEvents = (filter: AuditEventFilter, enabled = true) => useInfiniteQuery({ ...auditEventsQuery(filter), enabled });
