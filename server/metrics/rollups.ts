import { ACTIVE_STATUSES, type CaseStatus } from '@shared/schemas/case';
import type { DecisionType } from '@shared/schemas/common';
import type { FraudFlagOutput, RenewalPriceOutput, RiskScoreOutput } from '@shared/schemas/decision';
import { dueDate, extendedDueDate } from '../domain/deadlines';
import { scoreBinOf } from './bins';
import { bucketOf } from './feature-buckets';
import { mergeRollups } from '../domain/rollup-sums';
import type { ChainEvent, Rollup, RollupCounters, RollupKey, StoredDecision } from '../storage/store';

/**
 * What the rollups count, and under which key. Pure functions: the live hooks and the rebuild
 * use the same ones, so a rebuild reproduces exactly what the hooks wrote.
 *
 * Keys: the UTC day of the decision's `decidedAt` × type × model id × version. Everything that
 * later happens to a decision (an objection, a resolution) is counted on the decision's own key,
 * so a rate compares like with like: the objections against the decisions they contest.
 * For each monitored attribute (an input of the decision, default `age_band` and `region`)
 * a second, smaller document per group carries the counts fairness needs. A decision touches
 * 1 + (monitored attributes) documents; a batch sums per key first.
 *
 * Attributes starting with '@' are reserved for documents that are not per-day decision counts
 * (the open-case gauge DUE_ATTRIBUTE, resolution times per month MONTH_ATTRIBUTE), so neither the decision-level ('') nor the fairness queries
 * (one monitored attribute each) ever read them.
 */

export const DEFAULT_MONITORED_ATTRIBUTES = ['age_band', 'region'] as const;

/**
 * The open-case gauge: how many cases are active (ACTIVE_STATUSES) now, on documents keyed by
 * the UTC day of their dueAt × type × model version. Unlike the other counters it goes down as
 * well as up, so open and overdue counts cost a few documents per due day, never a case scan.
 */
export const DUE_ATTRIBUTE = '@due';

/**
 * Resolution times once more, per month (day = YYYY-MM) of the decision: the overview's
 * histogram of a long period then reads one document per month instead of one per day, whose
 * number of counters keeps growing with volume as more distinct durations occur.
 */
export const MONTH_ATTRIBUTE = '@month';

/**
 * The open-restriction gauge (Art. 18): +1 when a restriction is imposed, −1 when it is lifted,
 * on the decision's own key, so governance reads restrictions in force from a few documents.
 */
export const RESTRICTED_ATTRIBUTE = '@restricted';

/** The group of a decision without the attribute among its inputs. */
export const MISSING_GROUP = '(missing)';
export const MAX_GROUP_LENGTH = 100;

/** Relative changes are summed in millionths, so sums stay integers and exact in any order. */
export const PPM = 1_000_000;
/** A change beyond +1000% (a premium from almost nothing) is counted as +1000% in the mean. */
export const MAX_RELATIVE_CHANGE = 10;
/** Resolution times at or above this many days share the last bucket. */
export const MAX_RESOLUTION_DAYS = 366;
const DAY_MS = 86_400_000;

/** Counter names. Prefixed ones carry a free-text suffix (a reason code, a user id, a bucket). */
export const COUNTER = {
  decisions: 'decisions',
  flagged: 'flagged',
  favourable: 'favourable',
  premiumChangePpm: 'premiumChangePpm',
  objections: 'objections',
  resolved: 'resolved',
  overridden: 'overridden',
  /** Mandatory review cases opened at ingest because the member asked for a person or withdrew consent (issue 18). */
  humanReviewCases: 'humanReviewCases',
  /**
   * How an override moved the decision's favourable count on its final (effective) outcome: +1
   * when it made an unfavourable outcome favourable, −1 the other way. The favourable count after
   * overrides is `favourable + favourableShift`: fairness on the final outcome (issue 19).
   */
  favourableShift: 'favourableShift',
  /** A four-eyes approver sent a proposed override back (no other metric counts these). */
  rejectedProposals: 'rejectedProposals',
  /*
   * Reviewed fraud checks as labels (every resolved case, objection or sample, is one): the model
   * flagged it and the review kept the flag (upheld) or cleared it (a false positive as reviewed);
   * negatives are reviewed checks that end up not flagged, the denominator of the false-positive rate.
   */
  reviewedFlags: 'reviewedFlags',
  reviewedUpheld: 'reviewedUpheld',
  reviewedFalsePositives: 'reviewedFalsePositives',
  reviewedNegatives: 'reviewedNegatives',
  /** The gauge under DUE_ATTRIBUTE: active cases due that day. */
  active: 'active',
  /** Restrictions asked (Art. 18), on the decision's key like objections. */
  restrictions: 'restrictions',
  /** The gauge under RESTRICTED_ATTRIBUTE: restrictions in force. */
  restricted: 'restricted',
} as const;

export const PREFIX = {
  score: 'score:',
  resolutionDays: 'resolutionDays:',
  resolvedByReason: 'resolvedByReason:',
  overriddenByReason: 'overriddenByReason:',
  resolvedBy: 'resolvedBy:',
  overriddenBy: 'overriddenBy:',
  /** Resolved and overridden cases by the case's origin (objection, sample): override rates apart. */
  resolvedOrigin: 'resolvedOrigin:',
  overriddenOrigin: 'overriddenOrigin:',
  approvedBy: 'approvedBy:',
  finding: 'finding:',
  /** Decisions that used this input feature / reason code: what explanation coverage is measured on. */
  feature: 'feature:',
  reasonCode: 'reasonCode:',
  /** Rectification, per input feature: corrections claimed, accepted and rejected (a data-quality signal per source). */
  correctionClaimed: 'correctionClaimed:',
  correctionAccepted: 'correctionAccepted:',
  correctionRejected: 'correctionRejected:',
  /** A numeric input's value by its bucket (feature-buckets.ts): `num:<feature>:<bucket>`, for PSI per feature. */
  numeric: 'num:',
  /** A text or boolean input's value: `cat:<feature>:<value>`, for PSI per feature. */
  category: 'cat:',
} as const;

/** A category longer than this is counted as OTHER_CATEGORY: free text is no category. */
export const MAX_CATEGORY_LENGTH = 40;
export const OTHER_CATEGORY = '(other)';

/**
 * The counters of the decision's input values, for PSI per feature: a numeric input by its
 * fixed log-scale bucket, a text or boolean input by its value (null inputs are not counted).
 * They go on the decision-level document, so a decision still touches the same documents.
 */
export function inputValueCounters(inputs: StoredDecision['inputs']): RollupCounters {
  const counters: RollupCounters = {};
  for (const [feature, value] of Object.entries(inputs)) {
    if (typeof value === 'number') counters[`${PREFIX.numeric}${feature}:${bucketOf(value)}`] = 1;
    else if (typeof value === 'boolean') counters[`${PREFIX.category}${feature}:${String(value)}`] = 1;
    else if (typeof value === 'string') {
      const category = value === '' ? MISSING_GROUP : value.length > MAX_CATEGORY_LENGTH ? OTHER_CATEGORY : value;
      counters[`${PREFIX.category}${feature}:${category}`] = 1;
    }
  }
  return counters;
}

/** What counts as favourable per type, for the fairness ratios (shown to governance as is). */
export const FAVOURABLE: Record<DecisionType, string> = {
  renewal_price: 'no premium increase (new premium at or below the previous one)',
  fraud_flag: 'not flagged for fraud',
  risk_score: 'a low or medium risk band',
};

/** The time zone whose calendar days key the rollups (dayOf), as the metric definitions publish it. */
export const ROLLUP_TIME_ZONE = 'UTC';

/** The UTC day. Stored instants are already normalised (toISOString), so most need no Date. */
export const dayOf = (instant: string) =>
  instant.length === 24 && instant.endsWith('Z') && instant[10] === 'T' ? instant.slice(0, 10) : new Date(instant).toISOString().slice(0, 10);

/**
 * The group of a decision for one monitored attribute, as text, bounded: from the decision's
 * monitoring attributes first (kept apart from what the model used), else from its inputs.
 */
export function groupOf(d: Pick<StoredDecision, 'inputs' | 'monitoring'>, attribute: string): string {
  const monitoring = d.monitoring ?? {};
  const inputs = d.inputs ?? {};
  const value = Object.hasOwn(monitoring, attribute) ? monitoring[attribute] : Object.hasOwn(inputs, attribute) ? inputs[attribute] : undefined;
  if (value === undefined || value === null || value === '') return MISSING_GROUP;
  return String(value).slice(0, MAX_GROUP_LENGTH);
}

/** (new − previous) ÷ previous; 0 when both are zero; a premium from nothing counts as the cap. */
export function relativePremiumChange(output: RenewalPriceOutput): number {
  const { previousPremiumCents: before, newPremiumCents: after } = output;
  if (before === 0) return after === 0 ? 0 : MAX_RELATIVE_CHANGE;
  return Math.min(MAX_RELATIVE_CHANGE, (after - before) / before);
}

export function isFavourable(decision: Pick<StoredDecision, 'type' | 'output'>): boolean {
  switch (decision.type) {
    case 'renewal_price': {
      const o = decision.output as RenewalPriceOutput;
      return o.newPremiumCents <= o.previousPremiumCents;
    }
    case 'fraud_flag':
      return !(decision.output as FraudFlagOutput).flagged;
    case 'risk_score': {
      const band = (decision.output as RiskScoreOutput).band;
      return band === 'low' || band === 'medium';
    }
  }
}

/**
 * +1, −1 or 0: what an override from `before` to `after` (the public outcomes its chain event
 * records) did to the decision's favourability. Outcomes the event lacks (chains from before the
 * event recorded them) count as no change.
 */
function favourableShift(d: StoredDecision, before: unknown, after: unknown): number {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return 0;
  const was = isFavourable({ type: d.type, output: { ...d.output, ...before } as StoredDecision['output'] });
  const is = isFavourable({ type: d.type, output: { ...d.output, ...after } as StoredDecision['output'] });
  return Number(is) - Number(was);
}

/**
 * A resolved fraud check as a label. The model's flag is the prediction; the review's verdict is
 * the outcome after it: a confirmation upholds the model's output, an override says what it became
 * (`after`, which its chain event records). Other types carry no fraud label.
 */
function reviewedLabel(d: StoredDecision, overridden: boolean, after: unknown): RollupCounters {
  if (d.type !== 'fraud_flag') return {};
  const predicted = (d.output as FraudFlagOutput).flagged;
  const overriddenFlag = overridden && after && typeof after === 'object' ? (after as { flagged?: unknown }).flagged : undefined;
  const verdict = typeof overriddenFlag === 'boolean' ? overriddenFlag : predicted;
  const label: RollupCounters = {};
  if (predicted) {
    label[COUNTER.reviewedFlags] = 1;
    label[verdict ? COUNTER.reviewedUpheld : COUNTER.reviewedFalsePositives] = 1;
  }
  if (!verdict) label[COUNTER.reviewedNegatives] = 1;
  return label;
}

const baseKey = (d: StoredDecision): RollupKey => ({
  day: dayOf(d.decidedAt),
  type: d.type,
  modelId: d.model.id,
  modelVersion: d.model.version,
  attribute: '',
  group: '',
});

/** The base document plus one per monitored attribute, each with the same counters. */
function withGroups(d: StoredDecision, attributes: readonly string[], base: RollupCounters, perGroup: RollupCounters): Rollup[] {
  const key = baseKey(d);
  return [{ ...key, counters: base }, ...attributes.map((attribute) => ({ ...key, attribute, group: groupOf(d, attribute), counters: { ...perGroup } }))];
}

/**
 * What recording a decision adds. Measured on the model's original output (the effective outcome
 * may change later by override; the override counters show that).
 */
export function decisionRollups(d: StoredDecision, attributes: readonly string[]): Rollup[] {
  const common: RollupCounters = { [COUNTER.decisions]: 1 };
  if (d.type === 'fraud_flag' && (d.output as FraudFlagOutput).flagged) common[COUNTER.flagged] = 1;
  if (isFavourable(d)) common[COUNTER.favourable] = 1;
  if (d.type === 'renewal_price') common[COUNTER.premiumChangePpm] = Math.round(relativePremiumChange(d.output as RenewalPriceOutput) * PPM);
  const base: RollupCounters = { ...common, [PREFIX.score + scoreBinOf(d)]: 1 };
  for (const finding of d.findings ?? []) base[PREFIX.finding + finding.code] = (base[PREFIX.finding + finding.code] ?? 0) + 1;
  for (const feature of Object.keys(d.inputs)) base[PREFIX.feature + feature] = 1;
  for (const { code } of d.rationale.reasonCodes) base[PREFIX.reasonCode + code] = 1;
  Object.assign(base, inputValueCounters(d.inputs));
  return withGroups(d, attributes, base, common);
}

/** What eventRollups reads of the case snapshot a case event carries (see case-chain.ts). */
interface CaseSnapshot {
  receivedAt?: string;
  closedAt?: string | null;
  dueAt?: string;
  extension?: { months: number } | null;
}

/** Whole days from receipt to resolution, floored, capped at the last bucket. */
export function resolutionDays(receivedAt: string, closedAt: string): number {
  const days = Math.floor((Date.parse(closedAt) - Date.parse(receivedAt)) / DAY_MS);
  return Math.min(MAX_RESOLUTION_DAYS, Math.max(0, days));
}

/**
 * What one chain event adds, on the key of the decision it belongs to:
 * - objection filed: objections + 1 (sample cases are not contests);
 * - resolved (confirmed, or an override that needed no second person) and approved (an
 *   override with the second person's approval): resolved + 1, overridden + 1 for an override,
 *   the days from receipt to resolution, per reason code of the decision and per reviewer
 *   (who decided: the proposer of an approved override, the resolver otherwise), and who approved;
 * - any case event that opens, closes or moves an active case: the open-case gauge.
 */
export function eventRollups(event: ChainEvent, d: StoredDecision, attributes: readonly string[]): Rollup[] {
  return [...outcomeRollups(event, d, attributes), ...gaugeRollups(event, d), ...restrictionRollups(event, d)];
}

/** A restriction asked counts once on the decision's key and moves the gauge; its lift moves the gauge back. */
function restrictionRollups(event: ChainEvent, d: StoredDecision): Rollup[] {
  const gauge = (n: number): Rollup => ({ ...baseKey(d), attribute: RESTRICTED_ATTRIBUTE, counters: { [COUNTER.restricted]: n } });
  if (event.data.restriction === 'imposed') return [{ ...baseKey(d), counters: { [COUNTER.restrictions]: 1 } }, gauge(1)];
  if (event.data.restriction === 'lifted') return [gauge(-1)];
  return [];
}

/** The decision-level and per-group counts of an objection or a resolution. */
function outcomeRollups(event: ChainEvent, d: StoredDecision, attributes: readonly string[]): Rollup[] {
  if (event.action === 'objection_filed') {
    const claimed = Array.isArray(event.data.correctedFeatures) ? (event.data.correctedFeatures as string[]) : [];
    const base: RollupCounters = { [COUNTER.objections]: 1, ...Object.fromEntries(claimed.map((f) => [PREFIX.correctionClaimed + f, 1])) };
    return withGroups(d, attributes, base, { [COUNTER.objections]: 1 });
  }
  if (event.action === 'correction_decided' && typeof event.data.feature === 'string') {
    const prefix = event.data.accepted === true ? PREFIX.correctionAccepted : PREFIX.correctionRejected;
    return [{ ...baseKey(d), counters: { [prefix + event.data.feature]: 1 } }];
  }
  if (event.action === 'human_review_opened') return [{ ...baseKey(d), counters: { [COUNTER.humanReviewCases]: 1 } }];
  if (event.action === 'rejected') return [{ ...baseKey(d), counters: { [COUNTER.rejectedProposals]: 1 } }];
  let overridden: boolean;
  let reviewer: string;
  if (event.action === 'approved') {
    overridden = true;
    reviewer = typeof event.data.proposedBy === 'string' ? event.data.proposedBy : event.actor.id;
  } else if (event.action === 'resolved') {
    overridden = event.data.outcome === 'overridden';
    reviewer = event.actor.id;
  } else {
    return [];
  }
  const outcome: RollupCounters = { [COUNTER.resolved]: 1, ...(overridden ? { [COUNTER.overridden]: 1 } : {}) };
  const shift = overridden ? favourableShift(d, event.data.before, event.data.after) : 0;
  if (shift !== 0) outcome[COUNTER.favourableShift] = shift;
  Object.assign(outcome, reviewedLabel(d, overridden, event.data.after));
  const origin = (event.data.case as { origin?: unknown } | undefined)?.origin;
  const base: RollupCounters = { ...outcome, [PREFIX.resolvedBy + reviewer]: 1 };
  if (typeof origin === 'string') {
    base[PREFIX.resolvedOrigin + origin] = 1;
    if (overridden) base[PREFIX.overriddenOrigin + origin] = 1;
  }
  if (overridden) base[PREFIX.overriddenBy + reviewer] = 1;
  if (event.action === 'approved') base[PREFIX.approvedBy + event.actor.id] = 1;
  const snapshot = (event.data.case ?? {}) as CaseSnapshot;
  const took = snapshot.receivedAt && snapshot.closedAt ? PREFIX.resolutionDays + resolutionDays(snapshot.receivedAt, snapshot.closedAt) : null;
  if (took) base[took] = 1;
  for (const code of new Set((d.rationale?.reasonCodes ?? []).map((r) => r.code))) {
    base[PREFIX.resolvedByReason + code] = 1;
    if (overridden) base[PREFIX.overriddenByReason + code] = 1;
  }
  const rollups = withGroups(d, attributes, base, outcome);
  if (took) rollups.push({ ...baseKey(d), day: baseKey(d).day.slice(0, 7), attribute: MONTH_ATTRIBUTE, counters: { [took]: 1 } });
  return rollups;
}

const isActiveStatus = (status: unknown) => ACTIVE_STATUSES.includes(status as CaseStatus);

/** One case counted (+1) or no longer counted (−1) on the gauge of its due day. */
const dueGauge = (d: StoredDecision, dueAt: string, n: number): Rollup => ({
  ...baseKey(d),
  day: dayOf(dueAt),
  attribute: DUE_ATTRIBUTE,
  counters: { [COUNTER.active]: n },
});

/**
 * The case's due date before the event. Events record `fromDueAt` when the due date moves
 * (an extension; since the gauge, any change). An objection that took in a sample case before
 * that moved it from the sample's own due date, which follows from the decision: one month from
 * its recording (sampleCase in cases.service.ts), or the extension the sample had, which the case carries over.
 */
function dueAtBefore(event: ChainEvent, d: StoredDecision, snapshot: CaseSnapshot, dueAt: string): string {
  if (typeof event.data.fromDueAt === 'string') return event.data.fromDueAt;
  if (event.action === 'objection_filed' && event.data.fromSample === true) {
    const sampleDue = dueDate(new Date(d.recordedAt));
    return (snapshot.extension ? extendedDueDate(sampleDue, snapshot.extension.months) : sampleDue).toISOString();
  }
  return dueAt;
}

/**
 * How one case event moves the open-case gauge (DUE_ATTRIBUTE): −1 on the old due day if the
 * case was active, +1 on the new one if it is. Judged by the event's fromStatus and toStatus
 * (an override awaiting approval stays active; a rejection sends it back to review), so every
 * action, present or future, is covered. Nothing when the case stays on the same day.
 */
function gaugeRollups(event: ChainEvent, d: StoredDecision): Rollup[] {
  const snapshot = event.data.case as CaseSnapshot | undefined;
  // Events without a case snapshot ('erased', decision-level events) change no case.
  if (!snapshot?.dueAt) return [];
  const moves: Rollup[] = [];
  if (isActiveStatus(event.data.fromStatus)) moves.push(dueGauge(d, dueAtBefore(event, d, snapshot, snapshot.dueAt), -1));
  if (isActiveStatus(event.data.toStatus)) moves.push(dueGauge(d, snapshot.dueAt, 1));
  return mergeRollups(moves).filter((r) => Object.keys(r.counters).length > 0);
}

// Summing rollups is shared with the storage adapters (ingest follow-ups), so it lives in the domain.
export { addInto, mergeRollups, rollupId } from '../domain/rollup-sums';

const negate = (rollups: Rollup[]): Rollup[] =>
  rollups.map((r) => ({ ...r, counters: Object.fromEntries(Object.entries(r.counters).map(([k, n]) => [k, -n])) }));

/**
 * What erasing a decision's personal data changes. The inputs (and with them the groups) and
 * the reason codes are gone afterwards, so a rebuild can only count the decision under
 * MISSING_GROUP and without reason codes; applying this adjustment at erasure keeps the live
 * rollups equal to what a rebuild finds. The erasure must call it with the record before and
 * after, and the decision's events.
 */
export function erasureAdjustment(before: StoredDecision, after: StoredDecision, events: ChainEvent[], attributes: readonly string[]): Rollup[] {
  const contribution = (d: StoredDecision) => [...decisionRollups(d, attributes), ...events.flatMap((e) => eventRollups(e, d, attributes))];
  return mergeRollups([...contribution(after), ...negate(contribution(before))]).filter((r) => Object.keys(r.counters).length > 0);
}
