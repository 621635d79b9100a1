import { queryOptions, useQuery } from '@tanstack/react-query';
import { ModelMetricsList } from '@shared/schemas/metrics';
import { api, withQuery } from '../../../lib/api-client';
import { metricsCsvUrl, metricsQueryString, type MetricsFilter } from './metrics-filter';

const PATH = '/api/metrics/models';

/** Per model version: rates, score histogram and PSI against the version before it. */
export const getModelMetrics = (filter: MetricsFilter, signal?: AbortSignal) =>
  api.get(withQuery(PATH, metricsQueryString(filter)), ModelMetricsList, { signal });

export const modelMetricsQuery = (filter: MetricsFilter) =>
  queryOptions({
    queryKey: ['metrics', 'models', filter],
    queryFn: ({ signal }) => getModelMetrics(filter, signal),
  });

export const useModelMetrics = (filter: MetricsFilter) => useQuery(modelMetricsQuery(filter));

export const modelMetricsCsvUrl = (filter: MetricsFilter) => metricsCsvUrl(PATH, filter);
