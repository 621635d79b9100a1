import { queryOptions, useQuery } from '@tanstack/react-query';
import { OverrideReport } from '@shared/schemas/metrics';
import { api, withQuery } from '../../../lib/api-client';
import { metricsCsvUrl, metricsQueryString, type MetricsFilter } from './metrics-filter';

const PATH = '/api/metrics/overrides';

/** Resolutions and overrides per reason code and per reviewer (Art. 14 oversight in practice). */
export const getOverrides = (filter: MetricsFilter, signal?: AbortSignal) =>
  api.get(withQuery(PATH, metricsQueryString(filter)), OverrideReport, { signal });

export const overridesQuery = (filter: MetricsFilter) =>
  queryOptions({
    queryKey: ['metrics', 'overrides', filter],
    queryFn: ({ signal }) => getOverrides(filter, signal),
  });

export const useOverrides = (filter: MetricsFilter) => useQuery(overridesQuery(filter));

export const overridesCsvUrl = (filter: MetricsFilter) => metricsCsvUrl(PATH, filter);
