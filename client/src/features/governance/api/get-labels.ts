import { queryOptions, useQuery } from '@tanstack/react-query';
import { metricsLabels as route } from '@shared/contract/metrics';
import { call, urlOf } from '../../../lib/call';
import { metricsCsvQuery, metricsQueryString, type MetricsFilter } from './metrics-filter';

const send = call(route);

const attributeParam = (attribute: string | undefined) => (attribute ? { attribute } : {});

/** Reviewed cases as labels per model version, and the false-positive rate per group of fraud models. */
export const getLabels = (filter: MetricsFilter, attribute: string | undefined, signal?: AbortSignal) =>
  send({ query: { ...metricsQueryString(filter), ...attributeParam(attribute) } }, { signal });

export const labelsQuery = (filter: MetricsFilter, attribute: string | undefined) =>
  queryOptions({
    queryKey: ['metrics', 'labels', filter, attribute ?? null],
    queryFn: ({ signal }) => getLabels(filter, attribute, signal),
  });

export const useLabels = (filter: MetricsFilter, attribute: string | undefined) => useQuery(labelsQuery(filter, attribute));

export const labelsCsvUrl = (filter: MetricsFilter, attribute: string | undefined) =>
  urlOf(route, { query: { ...metricsCsvQuery(filter), ...attributeParam(attribute) } });
