import { queryOptions, useQuery } from '@tanstack/react-query';
import { CoverageReport } from '@shared/schemas/metrics';
import { api, withQuery } from '../../../lib/api-client';
import { metricsCsvUrl, metricsQueryString, type MetricsFilter } from './metrics-filter';

const PATH = '/api/metrics/coverage';

/** Explanation coverage: which decisions can be explained to members in en, nl and fr, and the gaps. */
export const getCoverage = (filter: MetricsFilter, signal?: AbortSignal) =>
  api.get(withQuery(PATH, metricsQueryString(filter)), CoverageReport, { signal });

export const coverageQuery = (filter: MetricsFilter) =>
  queryOptions({
    queryKey: ['metrics', 'coverage', filter],
    queryFn: ({ signal }) => getCoverage(filter, signal),
  });

export const useCoverage = (filter: MetricsFilter) => useQuery(coverageQuery(filter));

export const coverageCsvUrl = (filter: MetricsFilter) => metricsCsvUrl(PATH, filter);
