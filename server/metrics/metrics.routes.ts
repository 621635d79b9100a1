import { Router, type Request, type Response } from 'express';
import { FairnessQuery, MetricsQuery } from '@shared/schemas/metrics';
import type { CoverageReport, FairnessReport, FindingsReport, MetricsOverview, ModelMetricsList, OverrideReport } from '@shared/schemas/metrics';
import { requireUser } from '../http/auth';
import { validate } from '../http/validate';
import type { CsvValue } from '../domain/csv';
import { streamCsv } from '../http/csv';
import type { MetricsService } from './metrics.service';

interface CsvTable<T> {
  name: string;
  columns: string[];
  rows: (result: T) => Iterable<CsvValue[]>;
}

const overviewCsv: CsvTable<MetricsOverview> = {
  name: 'overview',
  columns: ['day', 'decisions', 'contested', 'resolved', 'overridden'],
  rows: (o) => [
    ...o.byDay.map((d): CsvValue[] => [d.day, d.decisions, d.contested, d.resolved, d.overridden]),
    ['total', o.decisions, o.contested, o.resolved, o.overridden],
  ],
};

const modelsCsv: CsvTable<ModelMetricsList> = {
  name: 'models',
  columns: ['modelId', 'modelVersion', 'type', 'firstDay', 'decisions', 'contested', 'contestRate', 'resolved', 'overridden', 'overrideRate', 'psi', 'psiAgainst', 'histogramUnit', 'histogram'],
  rows: (m) =>
    m.items.map((i) => [
      i.modelId, i.modelVersion, i.type, i.firstDay, i.decisions, i.contested, i.contestRate, i.resolved, i.overridden, i.overrideRate, i.psi, i.psiAgainst,
      i.histogram.unit, i.histogram.bins.map((b) => b.count).join(' '),
    ]),
};

const fairnessCsv: CsvTable<FairnessReport> = {
  name: 'fairness',
  columns: ['attribute', 'group', 'decisions', 'flagRate', 'meanPremiumChange', 'overrideRate', 'favourableRate', 'ratio', 'flagged'],
  rows: (f) => f.groups.map((g) => [f.attribute, g.group, g.decisions, g.flagRate, g.meanPremiumChange, g.overrideRate, g.favourableRate, g.ratio, g.flagged]),
};

const overridesCsv: CsvTable<OverrideReport> = {
  name: 'overrides',
  columns: ['dimension', 'key', 'username', 'resolved', 'overridden', 'overrideRate', 'approved'],
  rows: (o) => [
    ...o.byReasonCode.map((r): CsvValue[] => ['reason_code', r.code, null, r.resolved, r.overridden, r.overrideRate, null]),
    ...o.byReviewer.map((r): CsvValue[] => ['reviewer', r.reviewerId, r.username, r.resolved, r.overridden, r.overrideRate, r.approved]),
  ],
};

const findingsCsv: CsvTable<FindingsReport> = {
  name: 'findings',
  columns: ['code', 'type', 'modelId', 'modelVersion', 'count'],
  rows: (f) => f.items.map((i) => [i.code, i.type, i.modelId, i.modelVersion, i.count]),
};

const coverageCsv: CsvTable<CoverageReport> = {
  name: 'explanation-coverage',
  columns: ['modelId', 'modelVersion', 'kind', 'key', 'decisions'],
  rows: (c) => c.gaps.map((g) => [g.modelId, g.modelVersion, g.kind, g.key, g.decisions]),
};

/** `?format=csv`, or `Accept: text/csv` preferred over JSON. */
function wantsCsv(req: Request): boolean {
  const format = (req.query as { format?: string }).format;
  if (format) return format === 'csv';
  return req.accepts(['application/json', 'text/csv']) === 'text/csv';
}

function send<T>(req: Request, res: Response, result: T, table: CsvTable<T>) {
  res.vary('Accept');
  if (!wantsCsv(req)) return void res.json(result);
  return streamCsv(res, `recourse-${table.name}.csv`, table.columns, table.rows(result));
}

export function metricsRouter(metrics: MetricsService): Router {
  const router = Router();
  const query = <T>(req: Request) => req.query as unknown as T;

  router.get('/metrics/overview', requireUser, validate({ query: MetricsQuery }), async (req, res) =>
    send(req, res, await metrics.overview(req.user!, query<MetricsQuery>(req)), overviewCsv));

  router.get('/metrics/models', requireUser, validate({ query: MetricsQuery }), async (req, res) =>
    send(req, res, await metrics.models(req.user!, query<MetricsQuery>(req)), modelsCsv));

  router.get('/metrics/fairness', requireUser, validate({ query: FairnessQuery }), async (req, res) =>
    send(req, res, await metrics.fairness(req.user!, query<FairnessQuery>(req)), fairnessCsv));

  router.get('/metrics/overrides', requireUser, validate({ query: MetricsQuery }), async (req, res) =>
    send(req, res, await metrics.overrides(req.user!, query<MetricsQuery>(req)), overridesCsv));

  router.get('/metrics/findings', requireUser, validate({ query: MetricsQuery }), async (req, res) =>
    send(req, res, await metrics.findings(req.user!, query<MetricsQuery>(req)), findingsCsv));

  router.get('/metrics/coverage', requireUser, validate({ query: MetricsQuery }), async (req, res) =>
    send(req, res, await metrics.coverage(req.user!, query<MetricsQuery>(req)), coverageCsv));

  return router;
}
