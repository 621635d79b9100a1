import { queryOptions, useQuery } from '@tanstack/react-query';
import { metricsOverrides as route } from '@shared/contract/metrics';
import { call, urlOf } from '../../../lib/call';
import { metricsCsvQuery, metricsQueryString, type MetricsFilter } from './metrics-filter';

const send = call(route);

/** Resolutions and overrides per reason code and per reviewer (Art. 14 oversight in practice). */
export const getOverrides = (filter: MetricsFilter, signal?: AbortSignal) => send({ query: metricsQueryString(filter) }, { signal });

export const overridesQuery = (filter: MetricsFilter) =>
  queryOptions({
    queryKey: ['metrics', 'overrides', filter],
    queryFn: ({ signal }) => getOverrides(filter, signal),
  });

export const useOverrides = (filter: MetricsFilter) => useQuery(overridesQuery(filter));

export const overridesCsvUrl = (filter: MetricsFilter) => urlOf(route, { query: metricsCsvQuery(filter) });
