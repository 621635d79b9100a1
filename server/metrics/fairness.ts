import type { FairnessGroup } from '@shared/schemas/metrics';
import { PPM } from './rollups';

/** The four-fifths rule: a group whose favourable rate is below 0.8 of the best group's is flagged. */
export const FAIRNESS_THRESHOLD = 0.8;

/** A group's counts summed over the selected rollups. */
export interface GroupCounts {
  group: string;
  decisions: number;
  favourable: number;
  fraudDecisions: number;
  flagged: number;
  renewalDecisions: number;
  premiumChangePpm: number;
  resolved: number;
  overridden: number;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * Per group: flag rate (of its fraud checks), mean relative premium change (of its renewals),
 * override rate (of its resolved cases), favourable-outcome rate, and that rate's ratio to the
 * most favoured group's. With no favourable outcome anywhere there is nothing to compare against:
 * ratios are null and nothing is flagged.
 */
export function fairnessGroups(counts: GroupCounts[]): FairnessGroup[] {
  const rates = counts.map((c) => share(c.favourable, c.decisions));
  const best = Math.max(0, ...rates.map((r) => r ?? 0));
  return counts
    .map((c, i): FairnessGroup => {
      const favourableRate = rates[i]!;
      const ratio = best > 0 && favourableRate !== null ? favourableRate / best : null;
      return {
        group: c.group,
        decisions: c.decisions,
        flagRate: share(c.flagged, c.fraudDecisions),
        meanPremiumChange: c.renewalDecisions > 0 ? c.premiumChangePpm / PPM / c.renewalDecisions : null,
        overrideRate: share(c.overridden, c.resolved),
        favourableRate,
        ratio,
        flagged: ratio !== null && ratio < FAIRNESS_THRESHOLD,
      };
    })
    .sort((a, b) => a.group.localeCompare(b.group));
}
