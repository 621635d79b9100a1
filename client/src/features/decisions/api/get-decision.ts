import { queryOptions, useQuery } from '@tanstack/react-query';
import { DecisionDetail } from '@shared/schemas/case';
import { DecisionIdParams } from '@shared/schemas/decision';
import { api } from '../../../lib/api-client';

/** A well-formed decision id; anything else cannot exist, so it is not worth a request. */
export const isDecisionId = (id: string | undefined): id is string => DecisionIdParams.shape.id.safeParse(id).success;

/** The decision with its original output, its effective outcome and its review cases. */
export const getDecision = (id: string, signal?: AbortSignal) =>
  api.get(`/api/decisions/${encodeURIComponent(id)}`, DecisionDetail, { signal });

export const decisionQuery = (id: string) =>
  queryOptions({
    queryKey: ['decisions', 'detail', id],
    queryFn: ({ signal }) => getDecision(id, signal),
  });

export const useDecision = (id: string) => useQuery(decisionQuery(id));
