import type { DecisionType } from '@shared/schemas/common';

/** What every metrics block is read for: a period of UTC days (inclusive) and, optionally, one type. */
export interface MetricsFilter {
  from: string;
  to: string;
  type?: DecisionType;
  modelId?: string;
  modelVersion?: string;
}

export const metricsQueryString = (filter: MetricsFilter) => ({
  from: filter.from,
  to: filter.to,
  type: filter.type,
  modelId: filter.modelId,
  modelVersion: filter.modelVersion,
});

/**
 * The same block as a CSV file. A plain same-origin link: the session cookie goes along and the
 * browser streams the file to disk, whatever its size.
 */
export const metricsCsvQuery = (filter: MetricsFilter) => ({ ...metricsQueryString(filter), format: 'csv' as const });
