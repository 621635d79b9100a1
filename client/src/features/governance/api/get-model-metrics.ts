import { queryOptions, useQuery } from '@tanstack/react-query';
import { metricsModels as route } from '@shared/contract/metrics';
import { call, urlOf } from '../../../lib/call';
import { metricsCsvQuery, metricsQueryString, type MetricsFilter } from './metrics-filter';

const send = call(route);

/** Per model version: rates, score histogram and PSI against the version before it. */
export const getModelMetrics = (filter: MetricsFilter, signal?: AbortSignal) => send({ query: metricsQueryString(filter) }, { signal });

export const modelMetricsQuery = (filter: MetricsFilter) =>
  queryOptions({
    queryKey: ['metrics', 'models', filter],
    queryFn: ({ signal }) => getModelMetrics(filter, signal),
  });

export const useModelMetrics = (filter: MetricsFilter) => useQuery(modelMetricsQuery(filter));

export const modelMetricsCsvUrl = (filter: MetricsFilter) => urlOf(route, { query: metricsCsvQuery(filter) });
