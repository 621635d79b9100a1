import { queryOptions, useQuery } from '@tanstack/react-query';
import { getReport as route } from '@shared/contract/reports';
import { call, urlOf } from '../../../lib/call';

const send = call(route);

/** A frozen report, its hash recomputed by the server as it is read. */
export const getReport = (id: string, signal?: AbortSignal) => send({ params: { id } }, { signal });

export const reportQuery = (id: string) =>
  queryOptions({
    queryKey: ['reports', id],
    queryFn: ({ signal }) => getReport(id, signal),
  });

export const useReport = (id: string) => useQuery(reportQuery(id));

/** The downloads: the frozen document byte for byte (its SHA-256 is the hash), or its tables as CSV. */
export const reportDownloadUrl = (id: string, format: 'json' | 'csv') => urlOf(route, { params: { id }, query: { format } });
