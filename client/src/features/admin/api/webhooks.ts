import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import {
  createWebhook,
  listWebhookDeliveries,
  listWebhooks,
  replayWebhookDeadLetters,
  replayWebhookDelivery,
  testWebhook,
  updateWebhook,
} from '@shared/contract/webhooks';
import type { CreateWebhook, UpdateWebhook } from '@shared/schemas/webhooks';
import type { z } from 'zod';
import { call } from '../../../lib/call';

const fetchList = call(listWebhooks);
const fetchDeliveries = call(listWebhookDeliveries);
const sendCreate = call(createWebhook);
const sendUpdate = call(updateWebhook);
const sendTest = call(testWebhook);
const sendReplay = call(replayWebhookDelivery);
const sendReplayAll = call(replayWebhookDeadLetters);

/** The insurer's systems that hear events by signed webhook (never their secrets). */
export const webhooksQuery = () => queryOptions({ queryKey: ['admin', 'webhooks'], queryFn: ({ signal }) => fetchList({}, { signal }) });

/** One subscription's deliveries, newest first, each with its attempts. */
export const webhookDeliveriesQuery = (id: string) =>
  queryOptions({ queryKey: ['admin', 'webhooks', id, 'deliveries'], queryFn: ({ signal }) => fetchDeliveries({ params: { id } }, { signal }) });

export const useWebhooks = () => useQuery(webhooksQuery());
export const useWebhookDeliveries = (id: string | null) => useQuery({ ...webhookDeliveriesQuery(id ?? ''), enabled: id !== null });

// The app's mutation cache refetches every read after a success, so lists and deliveries follow.
export const useCreateWebhook = () => useMutation({ mutationFn: (body: z.input<typeof CreateWebhook>) => sendCreate({ body }) });
export const useUpdateWebhook = () =>
  useMutation({ mutationFn: ({ id, body }: { id: string; body: z.input<typeof UpdateWebhook> }) => sendUpdate({ params: { id }, body }) });
export const useTestWebhook = () => useMutation({ mutationFn: (id: string) => sendTest({ params: { id } }) });
export const useReplayDelivery = () =>
  useMutation({ mutationFn: ({ id, deliveryId }: { id: string; deliveryId: string }) => sendReplay({ params: { id, deliveryId } }) });
export const useReplayDeadLetters = () => useMutation({ mutationFn: (id: string) => sendReplayAll({ params: { id } }) });
