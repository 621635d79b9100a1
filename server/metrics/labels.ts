import type { ReviewedLabelsVersion } from '@shared/schemas/reviewed-labels';
import type { RollupCounters } from '../storage/store';
import { COUNTER, PREFIX } from './rollups';
import { wilsonInterval } from './statistics';

const get = (counters: RollupCounters, name: string) => counters[name] ?? 0;
const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** The case origins, in the order they are listed: member objections first, then samples. */
const ORIGINS = ['objection', 'sample'] as const;

/**
 * One model version's reviewed cases as labels, from its decision-level counters: override rates
 * per origin (objections and samples are different populations: mixing them hides both),
 * rejected four-eyes proposals and, for fraud checks, precision and false-positive rate as reviewed.
 */
export function reviewedLabels(key: Pick<ReviewedLabelsVersion, 'type' | 'modelId' | 'modelVersion'>, c: RollupCounters): ReviewedLabelsVersion {
  const origins = new Set<string>(ORIGINS);
  for (const name of Object.keys(c)) if (name.startsWith(PREFIX.resolvedOrigin)) origins.add(name.slice(PREFIX.resolvedOrigin.length));
  const byOrigin = [...origins].map((origin) => {
    const resolved = get(c, PREFIX.resolvedOrigin + origin);
    const overridden = get(c, PREFIX.overriddenOrigin + origin);
    return { origin, resolved, overridden, overrideRate: share(overridden, resolved) };
  });
  const reviewed = get(c, COUNTER.reviewedFlags);
  const upheld = get(c, COUNTER.reviewedUpheld);
  const negatives = get(c, COUNTER.reviewedNegatives);
  const falsePositives = get(c, COUNTER.reviewedFalsePositives);
  return {
    ...key,
    resolved: get(c, COUNTER.resolved),
    overridden: get(c, COUNTER.overridden),
    byOrigin,
    rejectedProposals: get(c, COUNTER.rejectedProposals),
    flags:
      key.type === 'fraud_flag'
        ? {
            reviewed,
            upheld,
            precision: share(upheld, reviewed),
            precisionCi: wilsonInterval(upheld, reviewed),
            falsePositives,
            negatives,
            falsePositiveRate: share(falsePositives, negatives),
            falsePositiveRateCi: wilsonInterval(falsePositives, negatives),
          }
        : null,
  };
}
