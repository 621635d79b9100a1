import { Monitor, MonitorAlertList, MonitorAlertQuery, MonitorIdParams, MonitorList, NewMonitor, UpdateMonitor } from '../schemas/monitors';
import { json, route } from './route';

const notFound = { 404: 'not_found: no such monitor' } as const;

export const listMonitors = route({
  operationId: 'listMonitors',
  method: 'get',
  path: '/monitors',
  summary: 'Monitors: thresholds per model on PSI, fairness ratios and override rates (governance)',
  caller: 'person',
  permissions: ['monitors.manage'],
  responses: { 200: json(MonitorList) },
});

export const createMonitor = route({
  operationId: 'createMonitor',
  method: 'post',
  path: '/monitors',
  summary: 'Add a monitor (governance); the evaluation job compares it with the figures from then on',
  description:
    'PSI and override rate alert above the threshold, a fairness ratio below it. A ratio alerts only for a group with at least FAIRNESS_MIN_GROUP decisions whose difference from the reference group is significant (the same rules as the dashboard, with the monitor’s threshold in place of 0.8): never on a group too small to judge.',
  caller: 'person',
  permissions: ['monitors.manage'],
  body: NewMonitor,
  responses: { 201: json(Monitor, 'The monitor') },
});

export const updateMonitor = route({
  operationId: 'updateMonitor',
  method: 'patch',
  path: '/monitors/:id',
  summary: 'Change a monitor’s threshold, window or fairness settings, or switch it on or off (governance)',
  caller: 'person',
  permissions: ['monitors.manage'],
  params: MonitorIdParams,
  body: UpdateMonitor,
  responses: { 200: json(Monitor, 'The monitor as changed') },
  problems: { ...notFound, 409: 'version_conflict (with currentVersion): someone changed the monitor meanwhile' },
});

export const deleteMonitor = route({
  operationId: 'deleteMonitor',
  method: 'delete',
  path: '/monitors/:id',
  summary: 'Remove a monitor (governance); its alerts stay in the list',
  caller: 'person',
  permissions: ['monitors.manage'],
  params: MonitorIdParams,
  responses: { 204: { description: 'Removed' } },
  problems: notFound,
});

export const listMonitorAlerts = route({
  operationId: 'listMonitorAlerts',
  method: 'get',
  path: '/monitors/alerts',
  summary: 'Alerts raised by the monitors, newest first, open and resolved (governance)',
  caller: 'person',
  permissions: ['monitors.manage'],
  query: MonitorAlertQuery,
  responses: { 200: json(MonitorAlertList) },
});

export const monitorRoutes = [listMonitors, createMonitor, listMonitorAlerts, updateMonitor, deleteMonitor];
