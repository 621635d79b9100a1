import { queryOptions, useQuery } from '@tanstack/react-query';
import { metricsOverview as route } from '@shared/contract/metrics';
import { call, urlOf } from '../../../lib/call';
import { metricsCsvQuery, metricsQueryString, type MetricsFilter } from './metrics-filter';

const send = call(route);

/** Decisions, contest and override rates, open and overdue cases, resolution times, per day. */
export const getOverview = (filter: MetricsFilter, signal?: AbortSignal) => send({ query: metricsQueryString(filter) }, { signal });

export const overviewQuery = (filter: MetricsFilter) =>
  queryOptions({
    queryKey: ['metrics', 'overview', filter],
    queryFn: ({ signal }) => getOverview(filter, signal),
  });

export const useOverview = (filter: MetricsFilter, enabled = true) => useQuery({ ...overviewQuery(filter), enabled });

export const overviewCsvUrl = (filter: MetricsFilter) => urlOf(route, { query: metricsCsvQuery(filter) });
