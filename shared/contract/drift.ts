import { DriftQuery, DriftReport } from '../schemas/drift';
import { json, route } from './route';

export const metricsDrift = route({
  operationId: 'metricsDrift',
  method: 'get',
  path: '/metrics/drift',
  summary: "A model's drift: PSI against a fixed baseline and the previous version, week by week, and per input feature",
  caller: 'person',
  permissions: ['metrics.read'],
  query: DriftQuery,
  responses: { 200: json(DriftReport) },
});

export const driftRoutes = [metricsDrift];
