import { queryOptions, useQuery } from '@tanstack/react-query';
import { getDecision as route } from '@shared/contract/decisions';
import { DecisionIdParams } from '@shared/schemas/decision';
import { call } from '../../../lib/call';

const send = call(route);

/** A well-formed decision id; anything else cannot exist, so it is not worth a request. */
export const isDecisionId = (id: string | undefined): id is string => DecisionIdParams.shape.id.safeParse(id).success;

/** The decision with its original output, its effective outcome and its review cases. */
export const getDecision = (id: string, signal?: AbortSignal) => send({ params: { id } }, { signal });

export const decisionQuery = (id: string) =>
  queryOptions({
    queryKey: ['decisions', 'detail', id],
    queryFn: ({ signal }) => getDecision(id, signal),
  });

export const useDecision = (id: string) => useQuery(decisionQuery(id));
