import { queryOptions, useQuery } from '@tanstack/react-query';
import { MetricsOverview } from '@shared/schemas/metrics';
import { api, withQuery } from '../../../lib/api-client';
import { metricsCsvUrl, metricsQueryString, type MetricsFilter } from './metrics-filter';

const PATH = '/api/metrics/overview';

/** Decisions, contest and override rates, open and overdue cases, resolution times, per day. */
export const getOverview = (filter: MetricsFilter, signal?: AbortSignal) =>
  api.get(withQuery(PATH, metricsQueryString(filter)), MetricsOverview, { signal });

export const overviewQuery = (filter: MetricsFilter) =>
  queryOptions({
    queryKey: ['metrics', 'overview', filter],
    queryFn: ({ signal }) => getOverview(filter, signal),
  });

export const useOverview = (filter: MetricsFilter, enabled = true) => useQuery({ ...overviewQuery(filter), enabled });

export const overviewCsvUrl = (filter: MetricsFilter) => metricsCsvUrl(PATH, filter);
