import { queryOptions, useQuery } from '@tanstack/react-query';
import { metricsCoverage as route } from '@shared/contract/metrics';
import { call, urlOf } from '../../../lib/call';
import { metricsCsvQuery, metricsQueryString, type MetricsFilter } from './metrics-filter';

const send = call(route);

/** Explanation coverage: which decisions can be explained to members in en, nl and fr, and the gaps. */
export const getCoverage = (filter: MetricsFilter, signal?: AbortSignal) => send({ query: metricsQueryString(filter) }, { signal });

export const coverageQuery = (filter: MetricsFilter) =>
  queryOptions({
    queryKey: ['metrics', 'coverage', filter],
    queryFn: ({ signal }) => getCoverage(filter, signal),
  });

export const useCoverage = (filter: MetricsFilter) => useQuery(coverageQuery(filter));

export const coverageCsvUrl = (filter: MetricsFilter) => urlOf(route, { query: metricsCsvQuery(filter) });
