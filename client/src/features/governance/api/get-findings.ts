import { queryOptions, useQuery } from '@tanstack/react-query';
import { metricsFindings as route } from '@shared/contract/metrics';
import { call, urlOf } from '../../../lib/call';
import { metricsCsvQuery, metricsQueryString, type MetricsFilter } from './metrics-filter';

const send = call(route);

/** Compliance findings of the ingest checks (prohibited inputs, health data without consent). */
export const getFindings = (filter: MetricsFilter, signal?: AbortSignal) => send({ query: metricsQueryString(filter) }, { signal });

export const findingsQuery = (filter: MetricsFilter) =>
  queryOptions({
    queryKey: ['metrics', 'findings', filter],
    queryFn: ({ signal }) => getFindings(filter, signal),
  });

export const useFindings = (filter: MetricsFilter) => useQuery(findingsQuery(filter));

export const findingsCsvUrl = (filter: MetricsFilter) => urlOf(route, { query: metricsCsvQuery(filter) });
