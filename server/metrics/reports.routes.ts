import { Router } from 'express';
import { freezeReport, getReport, listReports } from '@shared/contract/reports';
import { FROZEN_REPORT_MEDIA, type FrozenReport } from '@shared/schemas/reports';
import { serve } from '../http/serve';
import { streamCsv } from '../http/csv';
import type { CsvValue } from '../domain/csv';
import { coverageCsv, fairnessCsv, findingsCsv, labelsCsv, modelsCsv, overridesCsv, overviewCsv, type CsvTable } from './metrics.routes';
import type { ReportService } from './reports.service';

const CSV_COLUMNS = ['table', 'row', 'column', 'value'];

/** Each cell of a metrics table as one line (table, row, column, value): one rectangular CSV for tables of different columns. */
function* cells<T>(table: CsvTable<T>, result: T, startRow = 1): Generator<CsvValue[]> {
  let row = startRow;
  for (const values of table.rows(result)) {
    for (const [i, column] of table.columns.entries()) yield [table.name, row, column, values[i] ?? null];
    row++;
  }
}

/** The frozen report's tables in the metrics CSVs' columns, after a first table saying which report it is. */
function* reportCells(seq: number, hash: string, r: FrozenReport): Generator<CsvValue[]> {
  const about: [string, CsvValue][] = [
    ['seq', seq],
    ['hash', hash],
    ['prevHash', r.prevHash],
    ['frozenAt', r.frozenAt],
    ['frozenBy', r.frozenBy.id],
    ['from', r.query.from],
    ['to', r.query.to],
    ['type', r.query.type],
    ['appVersion', r.app.version],
    ['definitionsDigest', r.definitions.digest],
  ];
  for (const [column, value] of about) yield ['report', 1, column, value];
  yield* cells(overviewCsv, r.figures.overview);
  yield* cells(modelsCsv, r.figures.models);
  // One fairness table: every attribute on both bases, the rows numbered on through them.
  let row = 1;
  for (const fairness of r.figures.fairness) {
    const before = row;
    for (const line of cells(fairnessCsv, fairness, before)) {
      row = Math.max(row, (line[1] as number) + 1);
      yield line;
    }
  }
  yield* cells(overridesCsv, r.figures.overrides);
  yield* cells(findingsCsv, r.figures.findings);
  yield* cells(coverageCsv, r.figures.coverage);
  row = 1;
  for (const labels of r.figures.labels) {
    for (const line of cells(labelsCsv, labels, row)) {
      row = Math.max(row, (line[1] as number) + 1);
      yield line;
    }
  }
}

export function reportsRouter(reports: ReportService): Router {
  const router = Router();
  serve(router, freezeReport, ({ user, body }) => reports.freeze(user, body));
  serve(router, listReports, ({ user, query }) => reports.list(user, query));
  serve(router, getReport, async ({ user, params, query, res }) => {
    if (query.format === 'json') {
      // The stored bytes as they were hashed: never parsed and serialised again.
      const { seq, content } = await reports.document(user, params.id);
      res.status(200).type(FROZEN_REPORT_MEDIA).setHeader('Content-Disposition', `attachment; filename="recourse-report-${seq}.json"`);
      res.send(content);
      return;
    }
    if (query.format === 'csv') {
      const { seq, hash, report } = await reports.parsed(user, params.id);
      await streamCsv(res, `recourse-report-${seq}.csv`, CSV_COLUMNS, reportCells(seq, hash, report));
      return;
    }
    return reports.get(user, params.id);
  });
  return router;
}
