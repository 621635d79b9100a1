import type { z } from 'zod';
import {
  CorrectionsReport,
  CoverageReport,
  DeliveryFigures,
  FairnessQuery,
  FairnessReport,
  FindingsReport,
  MetricsOverview,
  MetricsQuery,
  ModelMetricsList,
  OverrideReport,
} from '../schemas/metrics';
import { LabelsQuery, LabelsReport } from '../schemas/reviewed-labels';
import { json, route } from './route';

/** JSON, or CSV with `?format=csv` or `Accept: text/csv` (then as a download). */
const csvOrJson = <const S extends z.ZodType>(schema: S, name: string) =>
  ({
    description: 'OK (CSV with ?format=csv or Accept: text/csv)',
    schema,
    media: ['text/csv'],
    headers: {
      'Content-Disposition': { description: `With CSV: attachment; filename="recourse-${name}.csv"`, required: false },
      Vary: { description: 'Accept', required: true },
    },
  }) as const;

const metricsRoute = <const Id extends string, const Path extends `/${string}`>(operationId: Id, path: Path, summary: string) =>
  ({ operationId, method: 'get', path, summary, caller: 'person', query: MetricsQuery }) as const;

export const metricsOverview = route({
  ...metricsRoute('metricsOverview', '/metrics/overview', 'Decisions, contest and override rates, cases, resolution times'),
  permissions: ['metrics.read'],
  responses: { 200: csvOrJson(MetricsOverview, 'overview') },
});

export const metricsModels = route({
  ...metricsRoute('metricsModels', '/metrics/models', 'Per model version: rates, score histogram, PSI'),
  permissions: ['metrics.readModels'],
  responses: { 200: csvOrJson(ModelMetricsList, 'models') },
});

export const metricsFairness = route({
  ...metricsRoute('metricsFairness', '/metrics/fairness', 'Per group of a monitored attribute'),
  permissions: ['metrics.read'],
  query: FairnessQuery,
  responses: { 200: csvOrJson(FairnessReport, 'fairness') },
});

export const metricsOverrides = route({
  ...metricsRoute('metricsOverrides', '/metrics/overrides', 'Override rate per reason code and per reviewer'),
  permissions: ['metrics.read'],
  responses: { 200: csvOrJson(OverrideReport, 'overrides') },
});

export const metricsFindings = route({
  ...metricsRoute('metricsFindings', '/metrics/findings', 'Compliance findings'),
  permissions: ['metrics.read'],
  responses: { 200: csvOrJson(FindingsReport, 'findings') },
});

export const metricsCoverage = route({
  ...metricsRoute(
    'metricsCoverage',
    '/metrics/coverage',
    'Explanation coverage: the feature labels and reason-code texts the registry lacks (governance; admin, who fills them in)',
  ),
  permissions: ['metrics.read', 'models.manage'],
  responses: { 200: csvOrJson(CoverageReport, 'explanation-coverage') },
});

export const metricsDeliveries = route({
  operationId: 'metricsDeliveries',
  method: 'get',
  path: '/metrics/deliveries',
  summary: 'Outbound deliveries (webhooks, mail): how many wait, arrived or died, the success rate, the age of the oldest waiting one',
  caller: 'person',
  permissions: ['metrics.read'],
  responses: { 200: json(DeliveryFigures) },
});

export const metricsCorrections = route({
  ...metricsRoute(
    'metricsCorrections',
    '/metrics/corrections',
    'Rectification: corrections claimed, accepted and rejected per input feature, per decision type and model (a data-quality signal per source)',
  ),
  permissions: ['metrics.read'],
  responses: { 200: json(CorrectionsReport) },
});

export const metricsLabels = route({
  ...metricsRoute(
    'metricsLabels',
    '/metrics/labels',
    'Reviewed cases as labels: override rates by origin, precision and false-positive rates of fraud flags as reviewed, rejected four-eyes proposals',
  ),
  permissions: ['metrics.read'],
  query: LabelsQuery,
  responses: { 200: csvOrJson(LabelsReport, 'labels') },
});

export const metricsRoutes = [
  metricsOverview,
  metricsModels,
  metricsFairness,
  metricsOverrides,
  metricsFindings,
  metricsCoverage,
  metricsDeliveries,
  metricsCorrections,
  metricsLabels,
];
