import { queryOptions, useQuery } from '@tanstack/react-query';
import { FairnessReport } from '@shared/schemas/metrics';
import { api, withQuery } from '../../../lib/api-client';
import { metricsCsvUrl, metricsQueryString, type MetricsFilter } from './metrics-filter';

const PATH = '/api/metrics/fairness';

/** The attributes the rollups monitor; the server keeps per-group counts for these. */
export const MONITORED_ATTRIBUTES = ['age_band', 'region'] as const;
export type MonitoredAttribute = (typeof MONITORED_ATTRIBUTES)[number];

/** Per group of one attribute: outcomes and the ratio to the most favoured group (four-fifths rule). */
export const getFairness = (filter: MetricsFilter, attribute: MonitoredAttribute, signal?: AbortSignal) =>
  api.get(withQuery(PATH, { ...metricsQueryString(filter), attribute }), FairnessReport, { signal });

export const fairnessQuery = (filter: MetricsFilter, attribute: MonitoredAttribute) =>
  queryOptions({
    queryKey: ['metrics', 'fairness', filter, attribute],
    queryFn: ({ signal }) => getFairness(filter, attribute, signal),
  });

export const useFairness = (filter: MetricsFilter, attribute: MonitoredAttribute) => useQuery(fairnessQuery(filter, attribute));

export const fairnessCsvUrl = (filter: MetricsFilter, attribute: MonitoredAttribute) => metricsCsvUrl(PATH, filter, { attribute });
