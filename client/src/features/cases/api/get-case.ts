import { queryOptions, useQuery } from '@tanstack/react-query';
import { CaseDetail, CaseIdParams } from '@shared/schemas/case';
import { api } from '../../../lib/api-client';

/** A well-formed case id; anything else cannot exist, so it is not worth a request. */
export const isCaseId = (id: string | undefined): id is string => CaseIdParams.shape.id.safeParse(id).success;

/** The case with its decision and the timeline the reader may see (a member sees only what is meant for them). */
export const getCase = (id: string, signal?: AbortSignal) => api.get(`/api/cases/${encodeURIComponent(id)}`, CaseDetail, { signal });

export const caseQuery = (id: string) =>
  queryOptions({
    queryKey: ['cases', 'detail', id],
    queryFn: ({ signal }) => getCase(id, signal),
  });

export const useCase = (id: string) => useQuery(caseQuery(id));
