import type { Response } from 'express';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * One field, RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled.
 * Text that a spreadsheet would run as a formula (= + - @, tab, carriage return first) gets a
 * leading apostrophe: group names come from scoring services' inputs. Numbers are written as is.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (values: readonly CsvValue[]) => values.map(csvField).join(',') + '\r\n';

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
