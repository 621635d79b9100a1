import { queryOptions, useQuery } from '@tanstack/react-query';
import { FindingsReport } from '@shared/schemas/metrics';
import { api, withQuery } from '../../../lib/api-client';
import { metricsCsvUrl, metricsQueryString, type MetricsFilter } from './metrics-filter';

const PATH = '/api/metrics/findings';

/** Compliance findings of the ingest checks (prohibited inputs, health data without consent). */
export const getFindings = (filter: MetricsFilter, signal?: AbortSignal) =>
  api.get(withQuery(PATH, metricsQueryString(filter)), FindingsReport, { signal });

export const findingsQuery = (filter: MetricsFilter) =>
  queryOptions({
    queryKey: ['metrics', 'findings', filter],
    queryFn: ({ signal }) => getFindings(filter, signal),
  });

export const useFindings = (filter: MetricsFilter) => useQuery(findingsQuery(filter));

export const findingsCsvUrl = (filter: MetricsFilter) => metricsCsvUrl(PATH, filter);
