import { queryOptions, useQuery } from '@tanstack/react-query';
import { listStaffLog as route } from '@shared/contract/audit';
import { call } from '../../../lib/call';

const send = call(route);

/** What staff did outside the decision chains (admin changes, exports, erasures, holds), newest first. */
export const staffLogQuery = (limit = 100) =>
  queryOptions({
    queryKey: ['audit', 'staff-log', limit],
    queryFn: ({ signal }) => send({ query: { limit } }, { signal }),
  });

export const useStaffLog = (limit = 100) => useQuery(staffLogQuery(limit));
