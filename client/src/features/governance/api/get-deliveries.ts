import { queryOptions, useQuery } from '@tanstack/react-query';
import { metricsDeliveries as route } from '@shared/contract/metrics';
import { call } from '../../../lib/call';

const send = call(route);

/** What leaves Recourse (webhooks, mail): how many wait, arrived or died, and how late the oldest is. */
export const deliveriesQuery = () => queryOptions({ queryKey: ['metrics', 'deliveries'], queryFn: ({ signal }) => send({}, { signal }) });

export const useDeliveries = () => useQuery(deliveriesQuery());
