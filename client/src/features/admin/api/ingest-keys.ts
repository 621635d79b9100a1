import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { createIngestKey, listIngestKeys, revokeIngestKey, rotateIngestKey } from '@shared/contract/admin';
import type { CreateIngestKey } from '@shared/schemas/admin';
import type { z } from 'zod';
import { call } from '../../../lib/call';

const fetchList = call(listIngestKeys);
const sendCreate = call(createIngestKey);
const sendRotate = call(rotateIngestKey);
const sendRevoke = call(revokeIngestKey);

/** The scoring services' keys kept in the store (never a key itself). */
export const ingestKeysQuery = () => queryOptions({ queryKey: ['admin', 'ingest-keys'], queryFn: ({ signal }) => fetchList({}, { signal }) });
export const useIngestKeys = () => useQuery(ingestKeysQuery());

export const useCreateIngestKey = () => useMutation({ mutationFn: (body: z.input<typeof CreateIngestKey>) => sendCreate({ body }) });
export const useRotateIngestKey = () => useMutation({ mutationFn: (id: string) => sendRotate({ params: { id } }) });
export const useRevokeIngestKey = () => useMutation({ mutationFn: (id: string) => sendRevoke({ params: { id } }) });
