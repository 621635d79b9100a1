import { queryOptions, useQuery } from '@tanstack/react-query';
import { ModelEntry } from '@shared/schemas/model';
import type { ModelRef } from '@shared/schemas/decision';
import { api } from '../lib/api-client';

/**
 * A model version from the registry (staff): its owner, description and the labels of its
 * features and reason codes in three languages. Shared by the features that show a decision's
 * evidence (a decision page and a case page), so it lives outside any one of them.
 */
export const getModel = (ref: ModelRef, signal?: AbortSignal) =>
  api.get(`/api/models/${encodeURIComponent(ref.id)}/${encodeURIComponent(ref.version)}`, ModelEntry, { signal });

export const modelQuery = (ref: ModelRef) =>
  queryOptions({
    queryKey: ['models', ref.id, ref.version],
    queryFn: ({ signal }) => getModel(ref, signal),
    // The registry changes rarely; a missing entry is an answer (shown as raw names), not an outage.
    staleTime: 10 * 60_000,
  });

export const useModel = (ref: ModelRef) => useQuery(modelQuery(ref));
