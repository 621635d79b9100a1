import { FROZEN_REPORT_MEDIA, FrozenReport, NewReport, ReportDetail, ReportIdParams, ReportPage, ReportQuery, ReportsQuery } from '../schemas/reports';
import { json, route } from './route';

/**
 * Frozen reports (issue 19, item 7): late objections and resolutions change a past period's
 * figures, so governance freezes them as of now, hashed and chained like the decisions.
 */
export const freezeReport = route({
  operationId: 'freezeReport',
  method: 'post',
  path: '/reports',
  summary: 'Freeze the governance figures of a period as of now: stored as canonical JSON, hashed (SHA-256) and chained to the report before it',
  description:
    'The report holds the figures of every /api/metrics report for the period (fairness per monitored attribute on both bases), the query, ' +
    'the metric definitions and constants used, who froze it and when. Its hash is the SHA-256 of the stored document (RFC 8785 canonical JSON), ' +
    'which names the hash of the report before it (seq, prevHash); the periodic anchor seals the head of this chain with the decision chains, ' +
    'so GET /api/audit/verify detects an altered or deleted report.',
  caller: 'person',
  permissions: ['reports.freeze'],
  body: NewReport,
  responses: { 201: json(ReportDetail, 'The frozen report') },
  problems: { 409: 'conflict: other reports were frozen at the same moment, again and again; try again' },
});

export const listReports = route({
  operationId: 'listReports',
  method: 'get',
  path: '/reports',
  summary: 'The frozen reports, newest first, each with its verification',
  caller: 'person',
  permissions: ['reports.read'],
  query: ReportsQuery,
  responses: { 200: json(ReportPage) },
  problems: { 400: 'validation_failed, invalid_cursor' },
});

export const getReport = route({
  operationId: 'getReport',
  method: 'get',
  path: '/reports/:id',
  summary: 'A frozen report, its hash recomputed; ?format=json the document byte for byte as hashed, ?format=csv its tables',
  caller: 'person',
  permissions: ['reports.read'],
  params: ReportIdParams,
  query: ReportQuery,
  responses: {
    200: {
      description: `The report with its verification. With ?format=json: the frozen document itself (${FROZEN_REPORT_MEDIA}, JSON, as a download), exactly the bytes whose SHA-256 is the hash; with ?format=csv: its tables as CSV, one line per cell (table, row, column, value).`,
      schema: ReportDetail,
      media: ['text/csv'],
      jsonMedia: { [FROZEN_REPORT_MEDIA]: FrozenReport },
      headers: {
        'Content-Disposition': { description: 'With a format: attachment; filename="recourse-report-<seq>.<json|csv>"', required: false },
      },
    },
  },
  problems: { 404: 'not_found: no such report, or not for this role' },
});

export const reportRoutes = [freezeReport, listReports, getReport];
