import { queryOptions, useQuery } from '@tanstack/react-query';
import { metricsDrift as route } from '@shared/contract/drift';
import type { DecisionType } from '@shared/schemas/common';
import { call } from '../../../lib/call';
import type { MetricsFilter } from './metrics-filter';

const send = call(route);

/** The model examined and the baseline it is compared with; the period is the dashboard's, for both. */
export interface DriftSelection {
  type: DecisionType;
  modelId: string;
  modelVersion?: string;
  baselineVersion?: string;
}

const driftParams = (filter: MetricsFilter, s: DriftSelection) => ({
  type: s.type,
  modelId: s.modelId,
  modelVersion: s.modelVersion,
  from: filter.from,
  to: filter.to,
  baselineVersion: s.baselineVersion,
  baselineFrom: filter.from,
  baselineTo: filter.to,
});

/** One model's PSI against the baseline and the previous version, per week and per input. */
export const getDrift = (filter: MetricsFilter, s: DriftSelection, signal?: AbortSignal) => send({ query: driftParams(filter, s) }, { signal });

export const driftQuery = (filter: MetricsFilter, s: DriftSelection | null) =>
  queryOptions({
    queryKey: ['metrics', 'drift', filter, s],
    queryFn: ({ signal }) => getDrift(filter, s!, signal),
    enabled: s !== null,
  });

export const useDrift = (filter: MetricsFilter, s: DriftSelection | null) => useQuery(driftQuery(filter, s));
