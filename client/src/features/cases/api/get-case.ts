import { queryOptions, useQuery } from '@tanstack/react-query';
import { getCase as route } from '@shared/contract/cases';
import { CaseIdParams } from '@shared/schemas/case';
import { call } from '../../../lib/call';

const send = call(route);

/** A well-formed case id; anything else cannot exist, so it is not worth a request. */
export const isCaseId = (id: string | undefined): id is string => CaseIdParams.shape.id.safeParse(id).success;

/** The case with its decision and the timeline the reader may see (a member sees only what is meant for them). */
export const getCase = (id: string, signal?: AbortSignal) => send({ params: { id } }, { signal });

export const caseQuery = (id: string) =>
  queryOptions({
    queryKey: ['cases', 'detail', id],
    queryFn: ({ signal }) => getCase(id, signal),
  });

export const useCase = (id: string) => useQuery(caseQuery(id));
