import type { FairnessGroup, FairnessSection } from '@shared/schemas/metrics';
import { MISSING_GROUP, PPM } from './rollups';
import { compareProportions, wilsonInterval } from './statistics';

/** The four-fifths rule: a group whose favourable rate is below 0.8 of the reference's is a concern. */
export const FAIRNESS_THRESHOLD = 0.8;
/** A ratio below the threshold is flagged only when its difference from the reference is significant at this level. */
export const FAIRNESS_ALPHA = 0.05;
/** Groups with fewer decisions are too few to judge (FAIRNESS_MIN_GROUP overrides it). */
export const DEFAULT_FAIRNESS_MIN_GROUP = 30;

/** A group's counts summed over the selected rollups. */
export interface GroupCounts {
  group: string;
  decisions: number;
  /** Favourable on the basis asked for (the model's output, or the final outcome). */
  favourable: number;
  fraudDecisions: number;
  flagged: number;
  renewalDecisions: number;
  premiumChangePpm: number;
  resolved: number;
  overridden: number;
}

export interface FairnessRules {
  minGroup: number;
  /** Per attribute, the configured reference group (FAIRNESS_REFERENCE_GROUPS). */
  references: Readonly<Record<string, string>>;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * The group every other is compared with: the configured one if it has enough decisions, else the
 * most favoured group among those with enough (never the decisions without the attribute, whose
 * make-up nobody knows, and never a group too small to trust its rate). Ties go to the larger group.
 */
function referenceOf(counts: GroupCounts[], attribute: string, rules: FairnessRules): { group: GroupCounts; chosen: 'configured' | 'most_favoured' } | null {
  const eligible = counts.filter((c) => c.group !== MISSING_GROUP && c.decisions >= rules.minGroup);
  const configured = rules.references[attribute];
  const named = configured === undefined ? undefined : eligible.find((c) => c.group === configured);
  if (named) return { group: named, chosen: 'configured' };
  const best = [...eligible].sort(
    (a, b) => b.favourable / b.decisions - a.favourable / a.decisions || b.decisions - a.decisions || a.group.localeCompare(b.group),
  )[0];
  return best ? { group: best, chosen: 'most_favoured' } : null;
}

/**
 * One comparison (a type and model, or a pooled selection): per group n, rate, Wilson interval,
 * ratio to the reference and a test of the difference. A group is flagged only when its ratio is
 * below the threshold AND the difference is significant: a small group's low rate may be chance.
 */
export function fairnessSection(
  key: { type: FairnessSection['type']; modelId: string | null },
  counts: GroupCounts[],
  attribute: string,
  rules: FairnessRules,
): FairnessSection {
  const reference = referenceOf(counts, attribute, rules);
  const groups = counts
    .map((c): FairnessGroup => {
      const rate = share(c.favourable, c.decisions);
      const common = {
        group: c.group,
        n: c.decisions,
        favourable: c.favourable,
        rate,
        ci: wilsonInterval(c.favourable, c.decisions),
        flagRate: share(c.flagged, c.fraudDecisions),
        meanPremiumChange: c.renewalDecisions > 0 ? c.premiumChangePpm / PPM / c.renewalDecisions : null,
        overrideRate: share(c.overridden, c.resolved),
      };
      if (reference && c.group === reference.group.group) return { ...common, ratio: 1, pValue: null, test: null, status: 'reference' };
      if (c.decisions < rules.minGroup || rate === null) return { ...common, ratio: null, pValue: null, test: null, status: 'too_few' };
      // Enough decisions, but no group to compare with (only those without the attribute have enough).
      if (!reference) return { ...common, ratio: null, pValue: null, test: null, status: 'ok' };
      const referenceRate = reference.group.favourable / reference.group.decisions;
      const ratio = referenceRate > 0 ? rate / referenceRate : null;
      const tested = compareProportions(c.favourable, c.decisions, reference.group.favourable, reference.group.decisions);
      const flagged = ratio !== null && ratio < FAIRNESS_THRESHOLD && tested !== null && tested.pValue < FAIRNESS_ALPHA;
      return { ...common, ratio, pValue: tested?.pValue ?? null, test: tested?.test ?? null, status: flagged ? 'flagged' : 'ok' };
    })
    .sort((a, b) => a.group.localeCompare(b.group));
  return { ...key, reference: reference?.group.group ?? null, referenceChosen: reference?.chosen ?? null, groups };
}
