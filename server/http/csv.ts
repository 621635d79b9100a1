import type { Response } from 'express';
import { csvLine, type CsvValue } from '../domain/csv';

/** Streams a table row by row, waiting for the socket to drain when its buffer is full. */
export async function streamCsv(res: Response, filename: string, columns: readonly string[], rows: Iterable<readonly CsvValue[]>): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.write(csvLine(columns));
  for (const row of rows) {
    if (!res.write(csvLine(row))) await new Promise<void>((resolve) => res.once('drain', resolve));
  }
  res.end();
}
