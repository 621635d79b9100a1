import { queryOptions, useQuery } from '@tanstack/react-query';
import { metricsCorrections as route } from '@shared/contract/metrics';
import { call } from '../../../lib/call';
import { metricsQueryString, type MetricsFilter } from './metrics-filter';

const send = call(route);

/** Rectification per input feature: corrections claimed, accepted and rejected (a data-quality signal per source). */
export const getCorrections = (filter: MetricsFilter, signal?: AbortSignal) => send({ query: metricsQueryString(filter) }, { signal });

export const correctionsQuery = (filter: MetricsFilter) =>
  queryOptions({
    queryKey: ['metrics', 'corrections', filter],
    queryFn: ({ signal }) => getCorrections(filter, signal),
  });

export const useCorrections = (filter: MetricsFilter) => useQuery(correctionsQuery(filter));
