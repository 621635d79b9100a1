import { queryOptions, useQuery } from '@tanstack/react-query';
import { listDisclosures as route } from '@shared/contract/disclosures';
import { call, urlOf } from '../../../lib/call';

const send = call(route);

/** The disclosure register, newest proposal first, with the approved ones counted per recipient kind. */
export const disclosuresQuery = (limit = 100) =>
  queryOptions({
    queryKey: ['disclosures', limit],
    queryFn: ({ signal }) => send({ query: { limit } }, { signal }),
  });

export const useDisclosures = (limit = 100) => useQuery(disclosuresQuery(limit));

export const disclosuresCsvHref = (limit = 500) => urlOf(route, { query: { format: 'csv', limit } });
