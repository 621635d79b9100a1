import { queryOptions, useQuery } from '@tanstack/react-query';
import { getModel as route } from '@shared/contract/models';
import type { ModelRef } from '@shared/schemas/decision';
import { call } from '../lib/call';

const send = call(route);

/**
 * A model version from the registry (staff): its owner, description and the labels of its
 * features and reason codes in three languages. Shared by the features that show a decision's
 * evidence (a decision page and a case page), so it lives outside any one of them.
 */
export const getModel = (ref: ModelRef, signal?: AbortSignal) => send({ params: { modelId: ref.id, version: ref.version } }, { signal });

export const modelQuery = (ref: ModelRef) =>
  queryOptions({
    queryKey: ['models', ref.id, ref.version],
    queryFn: ({ signal }) => getModel(ref, signal),
    // The registry changes rarely; a missing entry is an answer (shown as raw names), not an outage.
    staleTime: 10 * 60_000,
  });

export const useModel = (ref: ModelRef) => useQuery(modelQuery(ref));
