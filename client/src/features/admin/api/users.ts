import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { createUser, listUsers, resetUserPassword, updateUser } from '@shared/contract/admin';
import { liftSignInThrottle } from '@shared/contract/session';
import type { CreateUser, UpdateUser } from '@shared/schemas/admin';
import type { z } from 'zod';
import { call } from '../../../lib/call';

const fetchList = call(listUsers);
const sendCreate = call(createUser);
const sendUpdate = call(updateUser);
const sendReset = call(resetUserPassword);
const sendLift = call(liftSignInThrottle);

/** Every account, local and provisioned (never a password). */
export const usersQuery = () => queryOptions({ queryKey: ['admin', 'users'], queryFn: ({ signal }) => fetchList({}, { signal }) });
export const useUsers = () => useQuery(usersQuery());

// The app's mutation cache refetches every read after a success, so the list follows.
export const useCreateUser = () => useMutation({ mutationFn: (body: z.input<typeof CreateUser>) => sendCreate({ body }) });
export const useUpdateUser = () =>
  useMutation({ mutationFn: ({ id, body }: { id: string; body: z.input<typeof UpdateUser> }) => sendUpdate({ params: { id }, body }) });
export const useResetPassword = () => useMutation({ mutationFn: (id: string) => sendReset({ params: { id } }) });
export const useLiftThrottle = () => useMutation({ mutationFn: (username: string) => sendLift({ params: { username } }) });
