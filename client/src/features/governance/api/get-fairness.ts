import { queryOptions, useQuery } from '@tanstack/react-query';
import { metricsFairness as route } from '@shared/contract/metrics';
import { call, urlOf } from '../../../lib/call';
import { metricsCsvQuery, metricsQueryString, type MetricsFilter } from './metrics-filter';

const send = call(route);

/** The attributes the rollups monitor; the server keeps per-group counts for these. */
export const MONITORED_ATTRIBUTES = ['age_band', 'region'] as const;
export type MonitoredAttribute = (typeof MONITORED_ATTRIBUTES)[number];

/** Per group of one attribute: outcomes and the ratio to the most favoured group (four-fifths rule). */
export const getFairness = (filter: MetricsFilter, attribute: MonitoredAttribute, signal?: AbortSignal) =>
  send({ query: { ...metricsQueryString(filter), attribute } }, { signal });

export const fairnessQuery = (filter: MetricsFilter, attribute: MonitoredAttribute) =>
  queryOptions({
    queryKey: ['metrics', 'fairness', filter, attribute],
    queryFn: ({ signal }) => getFairness(filter, attribute, signal),
  });

export const useFairness = (filter: MetricsFilter, attribute: MonitoredAttribute) => useQuery(fairnessQuery(filter, attribute));

export const fairnessCsvUrl = (filter: MetricsFilter, attribute: MonitoredAttribute) => urlOf(route, { query: { ...metricsCsvQuery(filter), attribute } });
