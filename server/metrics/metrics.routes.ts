import { Router, type Request, type Response } from 'express';
import {
  metricsCorrections,
  metricsCoverage,
  metricsDeliveries,
  metricsFairness,
  metricsLabels,
  metricsFindings,
  metricsModels,
  metricsOverrides,
  metricsOverview,
} from '@shared/contract/metrics';
import type { LabelsReport } from '@shared/schemas/reviewed-labels';
import type { CoverageReport, FairnessReport, FindingsReport, MetricsOverview, MetricsQuery, ModelMetricsList, OverrideReport } from '@shared/schemas/metrics';
import { serve } from '../http/serve';
import type { CsvValue } from '../domain/csv';
import { streamCsv } from '../http/csv';
import type { MetricsService } from './metrics.service';

/** A metrics report as a CSV table (also the tables of a frozen report's CSV, server/reports). */
export interface CsvTable<T> {
  name: string;
  columns: string[];
  rows: (result: T) => Iterable<CsvValue[]>;
}

export const overviewCsv: CsvTable<MetricsOverview> = {
  name: 'overview',
  columns: ['day', 'decisions', 'contested', 'resolved', 'overridden'],
  rows: (o) => [
    ...o.byDay.map((d): CsvValue[] => [d.day, d.decisions, d.contested, d.resolved, d.overridden]),
    ['total', o.decisions, o.contested, o.resolved, o.overridden],
  ],
};

export const modelsCsv: CsvTable<ModelMetricsList> = {
  name: 'models',
  columns: [
    'modelId',
    'modelVersion',
    'type',
    'firstDay',
    'decisions',
    'contested',
    'contestRate',
    'resolved',
    'overridden',
    'overrideRate',
    'psi',
    'psiAgainst',
    'psiPValue',
    'drift',
    'histogramUnit',
    'histogram',
  ],
  rows: (m) =>
    m.items.map((i) => [
      i.modelId,
      i.modelVersion,
      i.type,
      i.firstDay,
      i.decisions,
      i.contested,
      i.contestRate,
      i.resolved,
      i.overridden,
      i.overrideRate,
      i.psi,
      i.psiAgainst,
      i.psiPValue,
      i.drift,
      i.histogram.unit,
      i.histogram.bins.map((b) => b.count).join(' '),
    ]),
};

export const fairnessCsv: CsvTable<FairnessReport> = {
  name: 'fairness',
  columns: [
    'attribute',
    'basis',
    'type',
    'modelId',
    'reference',
    'group',
    'n',
    'favourable',
    'rate',
    'ciLow',
    'ciHigh',
    'ratio',
    'pValue',
    'test',
    'status',
    'flagRate',
    'meanPremiumChange',
    'overrideRate',
  ],
  rows: (f) =>
    f.sections.flatMap((s) =>
      s.groups.map((g): CsvValue[] => [
        f.attribute,
        f.basis,
        s.type,
        s.modelId,
        s.reference,
        g.group,
        g.n,
        g.favourable,
        g.rate,
        g.ci?.[0] ?? null,
        g.ci?.[1] ?? null,
        g.ratio,
        g.pValue,
        g.test,
        g.status,
        g.flagRate,
        g.meanPremiumChange,
        g.overrideRate,
      ]),
    ),
};

export const overridesCsv: CsvTable<OverrideReport> = {
  name: 'overrides',
  columns: ['dimension', 'key', 'username', 'resolved', 'overridden', 'overrideRate', 'approved'],
  rows: (o) => [
    ...o.byReasonCode.map((r): CsvValue[] => ['reason_code', r.code, null, r.resolved, r.overridden, r.overrideRate, null]),
    ...o.byReviewer.map((r): CsvValue[] => ['reviewer', r.reviewerId, r.username, r.resolved, r.overridden, r.overrideRate, r.approved]),
  ],
};

export const findingsCsv: CsvTable<FindingsReport> = {
  name: 'findings',
  columns: ['code', 'type', 'modelId', 'modelVersion', 'count'],
  rows: (f) => f.items.map((i) => [i.code, i.type, i.modelId, i.modelVersion, i.count]),
};

export const coverageCsv: CsvTable<CoverageReport> = {
  name: 'explanation-coverage',
  columns: ['modelId', 'modelVersion', 'kind', 'key', 'decisions'],
  rows: (c) => c.gaps.map((g) => [g.modelId, g.modelVersion, g.kind, g.key, g.decisions]),
};

export const labelsCsv: CsvTable<LabelsReport> = {
  name: 'labels',
  columns: ['dimension', 'type', 'modelId', 'modelVersion', 'key', 'count', 'of', 'rate', 'ciLow', 'ciHigh'],
  rows: (l) => [
    ...l.items.flatMap((v): CsvValue[][] => [
      ...v.byOrigin.map((o): CsvValue[] => [
        'overrides_by_origin',
        v.type,
        v.modelId,
        v.modelVersion,
        o.origin,
        o.overridden,
        o.resolved,
        o.overrideRate,
        null,
        null,
      ]),
      ['rejected_proposals', v.type, v.modelId, v.modelVersion, null, v.rejectedProposals, null, null, null, null],
      ...(v.flags
        ? [
            [
              'precision_as_reviewed',
              v.type,
              v.modelId,
              v.modelVersion,
              null,
              v.flags.upheld,
              v.flags.reviewed,
              v.flags.precision,
              v.flags.precisionCi?.[0] ?? null,
              v.flags.precisionCi?.[1] ?? null,
            ] as CsvValue[],
            [
              'false_positive_rate',
              v.type,
              v.modelId,
              v.modelVersion,
              null,
              v.flags.falsePositives,
              v.flags.negatives,
              v.flags.falsePositiveRate,
              v.flags.falsePositiveRateCi?.[0] ?? null,
              v.flags.falsePositiveRateCi?.[1] ?? null,
            ] as CsvValue[],
          ]
        : []),
    ]),
    ...l.errorRateParity.flatMap((m) =>
      m.groups.map((g): CsvValue[] => [
        `false_positive_rate_by_${l.attribute}`,
        'fraud_flag',
        m.modelId,
        null,
        g.group,
        g.falsePositives,
        g.negatives,
        g.falsePositiveRate,
        g.ci?.[0] ?? null,
        g.ci?.[1] ?? null,
      ]),
    ),
  ],
};

/** `?format=csv`, or `Accept: text/csv` preferred over JSON. */
function wantsCsv(req: Request, format: MetricsQuery['format']): boolean {
  if (format) return format === 'csv';
  return req.accepts(['application/json', 'text/csv']) === 'text/csv';
}

/** JSON, or the same figures as a CSV download. */
async function send<T>(req: Request, res: Response, format: MetricsQuery['format'], result: T, table: CsvTable<T>): Promise<T | void> {
  res.vary('Accept');
  if (!wantsCsv(req, format)) return result;
  await streamCsv(res, `recourse-${table.name}.csv`, table.columns, table.rows(result));
}

export function metricsRouter(metrics: MetricsService): Router {
  const router = Router();
  serve(router, metricsOverview, async ({ user, query, req, res }) => send(req, res, query.format, await metrics.overview(user, query), overviewCsv));
  serve(router, metricsModels, async ({ user, query, req, res }) => send(req, res, query.format, await metrics.models(user, query), modelsCsv));
  serve(router, metricsFairness, async ({ user, query, req, res }) => send(req, res, query.format, await metrics.fairness(user, query), fairnessCsv));
  serve(router, metricsOverrides, async ({ user, query, req, res }) => send(req, res, query.format, await metrics.overrides(user, query), overridesCsv));
  serve(router, metricsFindings, async ({ user, query, req, res }) => send(req, res, query.format, await metrics.findings(user, query), findingsCsv));
  serve(router, metricsCoverage, async ({ user, query, req, res }) => send(req, res, query.format, await metrics.coverage(user, query), coverageCsv));
  serve(router, metricsDeliveries, ({ user }) => metrics.deliveries(user));
  serve(router, metricsCorrections, ({ user, query }) => metrics.corrections(user, query));
  serve(router, metricsLabels, async ({ user, query, req, res }) => send(req, res, query.format, await metrics.labels(user, query), labelsCsv));
  return router;
}
