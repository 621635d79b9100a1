import { z } from 'zod';
import { LabelsReport } from './reviewed-labels';
import { Cursor, DecisionType, pageOf, withOrderedPeriod } from './common';
import { CoverageReport, FairnessReport, FindingsReport, MetricsDay, MetricsFormat, MetricsOverview, ModelMetricsList, OverrideReport } from './metrics';

/** What a governance lead freezes: a period (both days inclusive, as in /api/metrics), optionally one decision type. */
export const NewReport = withOrderedPeriod(
  z.strictObject({
    from: MetricsDay,
    to: MetricsDay,
    type: DecisionType.optional(),
  }),
);
export type NewReport = z.infer<typeof NewReport>;

export const ReportIdParams = z.strictObject({ id: z.string().regex(/^rep_[0-9a-f]{24}$/, 'not a report id') });

export const ReportsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: Cursor.optional(),
});
export type ReportsQuery = z.infer<typeof ReportsQuery>;

/**
 * `json`: the frozen document itself, byte for byte as hashed (a download); `csv`: its tables as
 * one CSV. Without a format: the report with its verification (this API's JSON).
 */
export const ReportQuery = z.strictObject({ format: MetricsFormat.optional() });
export type ReportQuery = z.infer<typeof ReportQuery>;

/**
 * The media type of the frozen document as downloaded (`?format=json`): JSON, named apart from this
 * API's own JSON answers, since it is the stored document itself rather than the report with its verification.
 */
export const FROZEN_REPORT_MEDIA = 'application/vnd.recourse.frozen-report+json';

/** The version of the frozen document's shape; a reader checks it before trusting a field. */
export const FROZEN_REPORT_FORMAT = 'recourse.frozen-report/1';

/**
 * The frozen document: the figures of the period as governance saw them at `frozenAt`, with what
 * it takes to read them later (the query, the definitions and constants, the app version) and its
 * place in the report chain (`seq`, `prevHash`). Stored as its RFC 8785 canonical JSON; its
 * SHA-256 is the report's hash.
 */
export const FrozenReport = z.object({
  format: z.literal(FROZEN_REPORT_FORMAT),
  seq: z.number().int().min(1),
  prevHash: z.string(),
  frozenAt: z.string(),
  frozenBy: z.object({ id: z.string() }),
  query: z.object({ from: z.string(), to: z.string(), type: DecisionType.nullable() }),
  app: z.object({ name: z.string(), version: z.string() }),
  definitions: z.object({
    /** SHA-256 of the canonical JSON of `metrics` (the x-metric-definitions of the OpenAPI document). */
    digest: z.string(),
    monitoredAttributes: z.array(z.string()),
    fairness: z.object({ threshold: z.number(), alpha: z.number(), minGroup: z.number(), references: z.record(z.string(), z.string()) }),
    psi: z.object({ epsilon: z.number(), moderate: z.number(), major: z.number() }),
    metrics: z.record(z.string(), z.unknown()),
  }),
  figures: z.object({
    overview: MetricsOverview,
    models: ModelMetricsList,
    /** Per monitored attribute, on the model's output and on the final outcome. */
    fairness: z.array(FairnessReport),
    overrides: OverrideReport,
    findings: FindingsReport,
    coverage: CoverageReport,
    /** Reviewed cases as labels, with the error-rate parity per monitored attribute. */
    labels: z.array(LabelsReport),
  }),
});
export type FrozenReport = z.infer<typeof FrozenReport>;

export const ReportVerification = z.object({
  /** The SHA-256 of the stored document equals the report's hash. */
  hashMatches: z.boolean(),
  /** The document's seq and prevHash are the report's, and prevHash is the hash of report seq − 1 as stored. */
  linked: z.boolean(),
  ok: z.boolean(),
});
export type ReportVerification = z.infer<typeof ReportVerification>;

export const ReportSummary = z.object({
  id: z.string(),
  seq: z.number(),
  from: z.string(),
  to: z.string(),
  type: DecisionType.nullable(),
  frozenAt: z.string(),
  frozenBy: z.object({ id: z.string(), username: z.string().nullable() }),
  hash: z.string().meta({ description: 'SHA-256 (hex) of the frozen document, its canonical JSON (RFC 8785) as stored and downloaded.' }),
  prevHash: z.string().meta({ description: 'The hash of the report frozen before it; empty for the first.' }),
  verification: ReportVerification,
});
export type ReportSummary = z.infer<typeof ReportSummary>;

export const ReportPage = pageOf(ReportSummary);
export type ReportPage = z.infer<typeof ReportPage>;

export const ReportDetail = ReportSummary.extend({
  /** The frozen document; null only when what is stored is no longer JSON (altered: the verification fails). */
  report: FrozenReport.nullable(),
});
export type ReportDetail = z.infer<typeof ReportDetail>;
