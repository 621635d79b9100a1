import { queryOptions, useQuery } from '@tanstack/react-query';
import { metricsFairness as route } from '@shared/contract/metrics';
import type { FairnessBasis } from '@shared/schemas/metrics';
import { call, urlOf } from '../../../lib/call';
import { metricsCsvQuery, metricsQueryString, type MetricsFilter } from './metrics-filter';

const send = call(route);

/** Without an attribute the server takes the first monitored one (MONITORING_ATTRIBUTES); the report names it and the others. */
const fairnessParams = (attribute: string | undefined, basis: FairnessBasis, pooled: boolean) => ({
  ...(attribute ? { attribute } : {}),
  basis,
  ...(pooled ? { pooled: 'true' as const } : {}),
});

/** Per type and model (or pooled): each group of one attribute against the reference group, on one basis. */
export const getFairness = (filter: MetricsFilter, attribute: string | undefined, basis: FairnessBasis, pooled: boolean, signal?: AbortSignal) =>
  send({ query: { ...metricsQueryString(filter), ...fairnessParams(attribute, basis, pooled) } }, { signal });

export const fairnessQuery = (filter: MetricsFilter, attribute: string | undefined, basis: FairnessBasis, pooled: boolean) =>
  queryOptions({
    queryKey: ['metrics', 'fairness', filter, attribute ?? null, basis, pooled],
    queryFn: ({ signal }) => getFairness(filter, attribute, basis, pooled, signal),
  });

export const useFairness = (filter: MetricsFilter, attribute: string | undefined, basis: FairnessBasis, pooled: boolean) =>
  useQuery(fairnessQuery(filter, attribute, basis, pooled));

export const fairnessCsvUrl = (filter: MetricsFilter, attribute: string | undefined, basis: FairnessBasis, pooled: boolean) =>
  urlOf(route, { query: { ...metricsCsvQuery(filter), ...fairnessParams(attribute, basis, pooled) } });
