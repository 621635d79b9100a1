import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { createMonitor, deleteMonitor, listMonitorAlerts, listMonitors, updateMonitor } from '@shared/contract/monitors';
import type { NewMonitor, UpdateMonitor } from '@shared/schemas/monitors';
import { call } from '../../../lib/call';

const fetchMonitors = call(listMonitors);
const fetchAlerts = call(listMonitorAlerts);
const sendCreate = call(createMonitor);
const sendUpdate = call(updateMonitor);
const sendDelete = call(deleteMonitor);

/** Governance's thresholds per model. */
export const monitorsQuery = () => queryOptions({ queryKey: ['monitors'], queryFn: ({ signal }) => fetchMonitors({}, { signal }) });

/** The alerts the monitors raised, newest first; refreshed every minute while the dashboard is open. */
export const monitorAlertsQuery = () =>
  queryOptions({ queryKey: ['monitors', 'alerts'], queryFn: ({ signal }) => fetchAlerts({ query: { limit: 100 } }, { signal }), refetchInterval: 60_000 });

export const useMonitors = () => useQuery(monitorsQuery());
export const useMonitorAlerts = () => useQuery(monitorAlertsQuery());

// The app's mutation cache refetches every read after a success, so the list and the alerts follow.
export const useCreateMonitor = () => useMutation({ mutationFn: (body: z.input<typeof NewMonitor>) => sendCreate({ body }) });
export const useUpdateMonitor = () =>
  useMutation({ mutationFn: ({ id, body }: { id: string; body: z.input<typeof UpdateMonitor> }) => sendUpdate({ params: { id }, body }) });
export const useDeleteMonitor = () => useMutation({ mutationFn: (id: string) => sendDelete({ params: { id } }) });
