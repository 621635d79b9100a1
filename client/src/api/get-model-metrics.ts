import { queryOptions, useQuery } from '@tanstack/react-query';
import { ModelMetricsList } from '@shared/schemas/metrics';
import type { ModelRef } from '@shared/schemas/decision';
import { api, withQuery } from '../lib/api-client';

/** Per model version statistics from the rollups, with the outcome histogram (governance today). */
export const getModelMetrics = (ref: ModelRef, signal?: AbortSignal) =>
  api.get(withQuery('/api/metrics/models', { modelId: ref.id, modelVersion: ref.version }), ModelMetricsList, { signal });

export const modelMetricsQuery = (ref: ModelRef) =>
  queryOptions({
    queryKey: ['metrics', 'models', ref.id, ref.version],
    queryFn: ({ signal }) => getModelMetrics(ref, signal),
    staleTime: 5 * 60_000,
  });

export const useModelMetrics = (ref: ModelRef, enabled: boolean) => useQuery({ ...modelMetricsQuery(ref), enabled });
