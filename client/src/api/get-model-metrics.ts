import { queryOptions, useQuery } from '@tanstack/react-query';
import { metricsModels } from '@shared/contract/metrics';
import type { ModelRef } from '@shared/schemas/decision';
import { call } from '../lib/call';

const send = call(metricsModels);

/** Per model version statistics from the rollups, with the outcome histogram (governance today). */
export const getModelMetrics = (ref: ModelRef, signal?: AbortSignal) => send({ query: { modelId: ref.id, modelVersion: ref.version } }, { signal });

export const modelMetricsQuery = (ref: ModelRef) =>
  queryOptions({
    queryKey: ['metrics', 'models', ref.id, ref.version],
    queryFn: ({ signal }) => getModelMetrics(ref, signal),
    staleTime: 5 * 60_000,
  });

export const useModelMetrics = (ref: ModelRef, enabled: boolean) => useQuery({ ...modelMetricsQuery(ref), enabled });
