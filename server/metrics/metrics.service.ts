import { ACTIVE_STATUSES, CaseOrigin } from '@shared/schemas/case';
import { DecisionType } from '@shared/schemas/common';
import type {
  FairnessBasis,
  FairnessQuery,
  FairnessReport,
  CorrectionsReport,
  CoverageReport,
  FindingsReport,
  MetricsOverview,
  MetricsQuery,
  ModelMetricsList,
  ModelVersionMetrics,
  OverrideReport,
  OverviewDay,
  DeliveryFigures,
} from '@shared/schemas/metrics';
import type { User } from '@shared/schemas/session';
import type { LabelsQuery, LabelsReport } from '@shared/schemas/reviewed-labels';
import { ownEntry } from '@shared/explain/labels';
import { can, canAny } from '@shared/auth/permissions';
import type { Clock } from '../clock';
import { forbidden, validationFailed } from '../domain/errors';
import type { Rollup, RollupCounters, RollupFilter, Store } from '../storage/store';
import { FAIRNESS_ALPHA, fairnessSection, FAIRNESS_THRESHOLD, DEFAULT_FAIRNESS_MIN_GROUP, type FairnessRules, type GroupCounts } from './fairness';
import { percentileOf } from './percentiles';
import { psi } from './psi';
import { reviewedLabels } from './labels';
import { wilsonInterval } from './statistics';
import { driftVerdict } from './drift-rule';
import { DEFAULT_DRIFT_MIN_SAMPLE } from '@shared/metrics/drift';
import { binEdges, SCORE_BINS } from './bins';
import { COUNTER, dayOf, DEFAULT_MONITORED_ATTRIBUTES, DUE_ATTRIBUTE, FAVOURABLE, MONTH_ATTRIBUTE, PREFIX, RESTRICTED_ATTRIBUTE } from './rollups';
import { compareVersions } from './version-order';
import { splitIntoWholeMonths } from './whole-months';

const DAY_MS = 86_400_000;
/** All the overview reads of a decision-level rollup per day; the rest stays in the store. */
const OVERVIEW_COUNTERS = [COUNTER.decisions, COUNTER.objections, COUNTER.resolved, COUNTER.overridden, COUNTER.restrictions];
/** byDay lists every day of the period (zeros included) up to this span; sparser beyond it. */
const MAX_FILLED_DAYS = 1100;

/** The score histogram's counters by name (a seek each, where a prefix would walk every counter). */
const SCORE_COUNTERS = Array.from({ length: SCORE_BINS }, (_, i) => PREFIX.score + i);

/** What the reviewed labels read of the decision-level rollups (labels.ts). */
const LABEL_COUNTERS = [
  COUNTER.resolved,
  COUNTER.overridden,
  COUNTER.rejectedProposals,
  COUNTER.reviewedFlags,
  COUNTER.reviewedUpheld,
  COUNTER.reviewedFalsePositives,
  COUNTER.reviewedNegatives,
  // By name, not by prefix: the store seeks exact names on its index, where a prefix range
  // would walk every counter of the documents (drift's input values among them).
  ...CaseOrigin.options.flatMap((origin) => [PREFIX.resolvedOrigin + origin, PREFIX.overriddenOrigin + origin]),
];

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function sum(rollups: Iterable<Rollup>): RollupCounters {
  const total: RollupCounters = {};
  for (const r of rollups) for (const [name, n] of Object.entries(r.counters)) total[name] = (total[name] ?? 0) + n;
  return total;
}

const get = (counters: RollupCounters, name: string) => counters[name] ?? 0;

/** The counters under one prefix, by their suffix. */
function byPrefix(counters: RollupCounters, prefix: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, n] of Object.entries(counters)) if (name.startsWith(prefix) && n !== 0) out.set(name.slice(prefix.length), n);
  return out;
}

function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}

function daysBetween(from: string, to: string): string[] | null {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  const span = (end - start) / DAY_MS;
  if (span < 0 || span > MAX_FILLED_DAYS) return null;
  return Array.from({ length: span + 1 }, (_, i) => new Date(start + i * DAY_MS).toISOString().slice(0, 10));
}

/** One group's counts over its rollups; favourable on the model's output or on the final outcome. */
function groupCounts(group: string, rollups: Rollup[], basis: FairnessBasis): GroupCounts {
  const c = sum(rollups);
  const ofType = (type: DecisionType) => sum(rollups.filter((r) => r.type === type));
  const favourable = get(c, COUNTER.favourable) + (basis === 'final' ? get(c, COUNTER.favourableShift) : 0);
  return {
    group,
    decisions: get(c, COUNTER.decisions),
    favourable,
    fraudDecisions: get(ofType('fraud_flag'), COUNTER.decisions),
    flagged: get(c, COUNTER.flagged),
    renewalDecisions: get(ofType('renewal_price'), COUNTER.decisions),
    premiumChangePpm: get(c, COUNTER.premiumChangePpm),
    resolved: get(c, COUNTER.resolved),
    overridden: get(c, COUNTER.overridden),
  };
}

/**
 * Governance metrics. Everything comes from the rollups, so the cost depends on the
 * number of days × model versions × groups selected, never on the number of decisions. The one
 * other read is an indexed count of the active cases due today (see openAndOverdue).
 */
export function createMetricsService(deps: { store: Store; clock: Clock; attributes?: readonly string[]; fairness?: FairnessRules; driftMinSample?: number }) {
  const { store, clock } = deps;
  const attributes = deps.attributes ?? DEFAULT_MONITORED_ATTRIBUTES;
  const fairnessRules = deps.fairness ?? { minGroup: DEFAULT_FAIRNESS_MIN_GROUP, references: {} };
  const driftMinSample = deps.driftMinSample ?? DEFAULT_DRIFT_MIN_SAMPLE;

  function requireGovernance(user: User) {
    if (!can(user, 'metrics.read')) throw forbidden('forbidden', 'Only governance reads the metrics.');
  }

  const selection = (q: MetricsQuery | FairnessQuery): RollupFilter => ({
    from: q.from,
    to: q.to,
    type: q.type,
    modelId: q.modelId,
    modelVersion: q.modelVersion,
  });

  /** The decision-level rollups of the selection. */
  /**
   * The decision-level rollups of the selection, with the counters the caller reads: those
   * documents also carry the input-value counters of drift (num:, cat:), whose number grows with
   * volume, so a figure that names its counters keeps a cost that does not.
   */
  const decisionLevel = (q: MetricsQuery, counters: readonly string[]) => store.rollups.list({ ...selection(q), attribute: '', counters });

  /**
   * The resolution-time histogram of the selection: whole months from the per-month documents
   * (MONTH_ATTRIBUTE), the days at the period's edges from the per-day ones. Per day, the number
   * of distinct durations (counters) grows with volume; per month there are ~30× fewer documents.
   */
  async function resolutionTimes(q: MetricsQuery): Promise<RollupCounters> {
    const { months, days } = splitIntoWholeMonths({ from: q.from, to: q.to });
    const counters = [PREFIX.resolutionDays];
    const parts = await Promise.all([
      ...(months ? [store.rollups.list({ ...selection(q), ...months, attribute: MONTH_ATTRIBUTE, counters })] : []),
      ...days.map((range) => store.rollups.list({ ...selection(q), ...range, attribute: '', counters })),
    ]);
    return sum(parts.flat());
  }

  /**
   * Active cases now, and those of them past their due date, from the open-case gauge (one
   * document per due day, see DUE_ATTRIBUTE). Every day before today is wholly overdue; today's
   * cases are overdue only once their dueAt has passed, so those few are counted exactly.
   * Only the type narrows them, not the period or model: a case is open now or not.
   */
  async function openAndOverdue(type: DecisionType | undefined) {
    const now = clock.now().toISOString();
    const today = dayOf(now);
    const ofType = type ? { type } : {};
    const [gauge, overdueToday] = await Promise.all([
      store.rollups.list({ ...ofType, attribute: DUE_ATTRIBUTE }),
      store.cases.count({ ...ofType, statuses: ACTIVE_STATUSES, dueFrom: `${today}T00:00:00.000Z`, dueBefore: now }),
    ]);
    let openCases = 0;
    let overdueCases = overdueToday;
    for (const r of gauge) {
      const active = get(r.counters, COUNTER.active);
      openCases += active;
      if (r.day < today) overdueCases += active;
    }
    return { openCases, overdueCases };
  }

  /** Art. 18 restrictions in force now, from their gauge (a few documents); only the type narrows it. */
  async function openRestrictions(type: DecisionType | undefined): Promise<number> {
    const gauge = await store.rollups.list({ ...(type ? { type } : {}), attribute: RESTRICTED_ATTRIBUTE });
    return gauge.reduce((n, r) => n + get(r.counters, COUNTER.restricted), 0);
  }

  /**
   * A model's versions in the order they went live: by the day of their first decision in the
   * selection; versions sharing that day (which daily rollups cannot tell apart) by the instant of
   * their first decision, one index read each; then, and when an instant is unknown (the decisions
   * deleted), in natural version order, '9' before '10'.
   */
  async function inReleaseOrder<V extends { modelId: string; modelVersion: string; firstDay: string }>(versions: V[]): Promise<V[]> {
    const firstAt = new Map<V, string>();
    for (const [day, sameDay] of groupBy(versions, (v) => v.firstDay)) {
      if (sameDay.length < 2) continue;
      const instants = await Promise.all(
        sameDay.map((v) => store.decisions.firstDecidedAt({ id: v.modelId, version: v.modelVersion }, `${day}T00:00:00.000Z`, `${day}T23:59:59.999Z`)),
      );
      if (instants.every((at) => at !== null)) sameDay.forEach((v, i) => firstAt.set(v, instants[i]!));
    }
    return [...versions].sort(
      (a, b) =>
        a.firstDay.localeCompare(b.firstDay) || (firstAt.get(a) ?? '').localeCompare(firstAt.get(b) ?? '') || compareVersions(a.modelVersion, b.modelVersion),
    );
  }

  /** The predecessor the model registry names per version (by [modelId, version]), where it names one. */
  async function registeredPredecessors(): Promise<Map<string, string>> {
    const named = new Map<string, string>();
    for (const entry of await store.models.list()) if (entry.predecessor) named.set(JSON.stringify([entry.modelId, entry.version]), entry.predecessor);
    return named;
  }

  return {
    /** How well what leaves Recourse arrives: counts per status, the success rate, the oldest wait. */
    async deliveries(user: User): Promise<DeliveryFigures> {
      requireGovernance(user);
      const { pending, delivered, dead, oldestPendingAt } = await store.deliveries.stats();
      const age = oldestPendingAt ? Math.max(0, (clock.now().getTime() - Date.parse(oldestPendingAt)) / 1000) : 0;
      return {
        pending,
        delivered,
        dead,
        successRate: delivered + dead === 0 ? null : delivered / (delivered + dead),
        oldestPendingAt,
        oldestPendingAgeSeconds: age,
      };
    },
    async overview(user: User, q: MetricsQuery): Promise<MetricsOverview> {
      requireGovernance(user);
      const rollups = await store.rollups.list({ ...selection(q), attribute: '', counters: OVERVIEW_COUNTERS });
      const total = sum(rollups);
      const perDay = new Map([...groupBy(rollups, (r) => r.day)].map(([day, rs]) => [day, sum(rs)]));
      const seen = [...perDay.keys()].sort();
      const from = q.from ?? seen[0];
      const to = q.to ?? seen[seen.length - 1];
      const days = (from && to && daysBetween(from, to)) || seen;
      const byDay = days.map((day): OverviewDay => {
        const c = perDay.get(day) ?? {};
        return {
          day,
          decisions: get(c, COUNTER.decisions),
          contested: get(c, COUNTER.objections),
          resolved: get(c, COUNTER.resolved),
          overridden: get(c, COUNTER.overridden),
        };
      });
      const resolutionDays = new Map([...byPrefix(await resolutionTimes(q), PREFIX.resolutionDays)].map(([days, n]) => [Number(days), n]));
      const { openCases, overdueCases } = await openAndOverdue(q.type);
      const restrictionsInForce = await openRestrictions(q.type);
      const decisions = get(total, COUNTER.decisions);
      const contested = get(total, COUNTER.objections);
      const resolved = get(total, COUNTER.resolved);
      const overridden = get(total, COUNTER.overridden);
      return {
        from: q.from ?? null,
        to: q.to ?? null,
        decisions,
        contested,
        contestRate: share(contested, decisions),
        resolved,
        overridden,
        overrideRate: share(overridden, resolved),
        openCases,
        overdueCases,
        restrictions: get(total, COUNTER.restrictions),
        openRestrictions: restrictionsInForce,
        medianResolutionDays: percentileOf(resolutionDays, 0.5),
        p90ResolutionDays: percentileOf(resolutionDays, 0.9),
        byDay,
      };
    },

    /**
     * Per model version; PSI against the predecessor the registry names for it, or else the
     * version of the same model that went live before it in the period (see inReleaseOrder).
     */
    async models(user: User, q: MetricsQuery): Promise<ModelMetricsList> {
      // Reviewers see the distributions of the models in their scopes: where an outcome sits
      // among the model's others is part of reviewing it. Aggregates only, no members.
      const scopes = can(user, 'metrics.read') ? null : can(user, 'metrics.readModels') ? user.scopes : [];
      if (scopes?.length === 0) requireGovernance(user);
      const inScope = (await decisionLevel(q, [COUNTER.decisions, COUNTER.objections, COUNTER.resolved, COUNTER.overridden, ...SCORE_COUNTERS])).filter(
        (r) => !scopes || scopes.includes(r.type),
      );
      const versions = [...groupBy(inScope, (r) => JSON.stringify([r.modelId, r.type, r.modelVersion])).values()].map((rs) => {
        const c = sum(rs);
        const first = rs[0]!;
        return {
          modelId: first.modelId,
          modelVersion: first.modelVersion,
          type: first.type,
          firstDay: rs.map((r) => r.day).sort()[0]!,
          counters: c,
          counts: Array.from({ length: SCORE_BINS }, (_, i) => get(c, PREFIX.score + i)),
        };
      });
      const items: ModelVersionMetrics[] = [];
      const models = groupBy(versions, (v) => JSON.stringify([v.modelId, v.type]));
      const predecessors = versions.length > 0 ? await registeredPredecessors() : new Map<string, string>();
      for (const key of [...models.keys()].sort()) {
        const ordered = await inReleaseOrder(models.get(key)!);
        ordered.forEach((v, i) => {
          const named = predecessors.get(JSON.stringify([v.modelId, v.modelVersion]));
          // A named predecessor without decisions in the selection leaves nothing to compare with.
          const previous = named !== undefined ? (ordered.find((o) => o.modelVersion === named) ?? null) : i > 0 ? ordered[i - 1]! : null;
          const decisions = get(v.counters, COUNTER.decisions);
          const contested = get(v.counters, COUNTER.objections);
          const resolved = get(v.counters, COUNTER.resolved);
          const overridden = get(v.counters, COUNTER.overridden);
          const value = previous ? psi(previous.counts, v.counts) : null;
          const verdict = driftVerdict(value, previous?.counts ?? [], v.counts, driftMinSample);
          items.push({
            modelId: v.modelId,
            modelVersion: v.modelVersion,
            type: v.type,
            firstDay: v.firstDay,
            decisions,
            contested,
            contestRate: share(contested, decisions),
            resolved,
            overridden,
            overrideRate: share(overridden, resolved),
            histogram: {
              unit: v.type === 'renewal_price' ? 'relative_premium_change' : 'score',
              bins: binEdges(v.type).map((edge, bin) => ({ ...edge, count: v.counts[bin]! })),
            },
            psi: value,
            psiAgainst: named ?? previous?.modelVersion ?? null,
            psiPValue: verdict.pValue,
            drift: verdict.level,
          });
        });
      }
      return { items };
    },

    /**
     * Reviewed cases as labels, per model version (labels.ts), and for fraud models the
     * false-positive rate among reviewed checks per group of a monitored attribute (error-rate parity).
     */
    async labels(user: User, q: LabelsQuery): Promise<LabelsReport> {
      requireGovernance(user);
      const attribute = q.attribute ?? attributes[0]!;
      if (!attributes.includes(attribute)) {
        throw validationFailed([{ path: 'attribute', message: `not a monitored attribute; monitored are ${attributes.join(', ')}` }]);
      }
      const versions = groupBy(await decisionLevel(q, LABEL_COUNTERS), (r) => JSON.stringify([r.type, r.modelId, r.modelVersion]));
      const items = [...versions.values()]
        .map((rs) => reviewedLabels({ type: rs[0]!.type, modelId: rs[0]!.modelId, modelVersion: rs[0]!.modelVersion }, sum(rs)))
        .filter((v) => v.resolved > 0 || v.rejectedProposals > 0)
        .sort((a, b) => a.type.localeCompare(b.type) || a.modelId.localeCompare(b.modelId) || compareVersions(a.modelVersion, b.modelVersion));
      const fraud =
        q.type && q.type !== 'fraud_flag'
          ? []
          : await store.rollups.list({ ...selection(q), type: 'fraud_flag', attribute, counters: [COUNTER.reviewedNegatives, COUNTER.reviewedFalsePositives] });
      const errorRateParity = [...groupBy(fraud, (r) => r.modelId)]
        .map(([modelId, rs]) => ({
          modelId,
          groups: [...groupBy(rs, (r) => r.group)]
            .map(([group, gs]) => {
              const c = sum(gs);
              const negatives = get(c, COUNTER.reviewedNegatives);
              const falsePositives = get(c, COUNTER.reviewedFalsePositives);
              return {
                group,
                negatives,
                falsePositives,
                falsePositiveRate: share(falsePositives, negatives),
                ci: wilsonInterval(falsePositives, negatives),
                tooFew: negatives < fairnessRules.minGroup,
              };
            })
            .filter((g) => g.negatives > 0)
            .sort((a, b) => a.group.localeCompare(b.group)),
        }))
        .filter((m) => m.groups.length > 0)
        .sort((a, b) => a.modelId.localeCompare(b.modelId));
      return { attribute, minGroup: fairnessRules.minGroup, items, errorRateParity };
    },

    /**
     * Per decision type and model unless pooled is asked for: one comparison per section, each
     * group with its size, rate, interval, ratio to the reference and a test (fairness.ts). On
     * `basis=final` a group's favourable count includes what overrides changed (favourableShift).
     */
    async fairness(user: User, q: FairnessQuery): Promise<FairnessReport> {
      requireGovernance(user);
      const attribute = q.attribute ?? attributes[0]!;
      if (!attributes.includes(attribute)) {
        throw validationFailed([{ path: 'attribute', message: `not a monitored attribute; monitored are ${attributes.join(', ')}` }]);
      }
      const pooled = q.pooled ?? false;
      const rollups = await store.rollups.list({ ...selection(q), attribute });
      const sectionKey = (r: Rollup) => (pooled ? '' : `${r.type}\u0000${r.modelId}`);
      const sections = [...groupBy(rollups, sectionKey)]
        .map(([, inSection]) => {
          const first = inSection[0]!;
          // A group whose decisions all moved away (erased: counted under "(missing)" since) is no group.
          const counts = [...groupBy(inSection, (r) => r.group)].map(([group, rs]) => groupCounts(group, rs, q.basis)).filter((c) => c.decisions > 0);
          return fairnessSection({ type: pooled ? null : first.type, modelId: pooled ? null : first.modelId }, counts, attribute, fairnessRules);
        })
        .filter((s) => s.groups.length > 0)
        .sort((a, b) => (a.type ?? '').localeCompare(b.type ?? '') || (a.modelId ?? '').localeCompare(b.modelId ?? ''));
      return {
        attribute,
        attributes: [...attributes],
        basis: q.basis,
        pooled,
        threshold: FAIRNESS_THRESHOLD,
        alpha: FAIRNESS_ALPHA,
        minGroup: fairnessRules.minGroup,
        favourable: FAVOURABLE,
        sections,
        groups: sections.length === 1 ? sections[0]!.groups : null,
      };
    },

    async overrides(user: User, q: MetricsQuery): Promise<OverrideReport> {
      requireGovernance(user);
      const total = sum(
        await decisionLevel(q, [
          COUNTER.resolved,
          COUNTER.overridden,
          PREFIX.resolvedByReason,
          PREFIX.overriddenByReason,
          PREFIX.resolvedBy,
          PREFIX.overriddenBy,
          PREFIX.approvedBy,
        ]),
      );
      const resolvedByReason = byPrefix(total, PREFIX.resolvedByReason);
      const overriddenByReason = byPrefix(total, PREFIX.overriddenByReason);
      const resolvedBy = byPrefix(total, PREFIX.resolvedBy);
      const overriddenBy = byPrefix(total, PREFIX.overriddenBy);
      const approvedBy = byPrefix(total, PREFIX.approvedBy);
      const reviewerIds = [...new Set([...resolvedBy.keys(), ...approvedBy.keys()])].sort();
      const names = new Map(await Promise.all(reviewerIds.map(async (id) => [id, (await store.users.byId(id))?.username ?? null] as const)));
      const resolved = get(total, COUNTER.resolved);
      const overridden = get(total, COUNTER.overridden);
      return {
        resolved,
        overridden,
        overrideRate: share(overridden, resolved),
        byReasonCode: [...resolvedByReason.keys()].sort().map((code) => {
          const r = resolvedByReason.get(code) ?? 0;
          const o = overriddenByReason.get(code) ?? 0;
          return { code, resolved: r, overridden: o, overrideRate: share(o, r) };
        }),
        byReviewer: reviewerIds.map((reviewerId) => {
          const r = resolvedBy.get(reviewerId) ?? 0;
          const o = overriddenBy.get(reviewerId) ?? 0;
          return {
            reviewerId,
            username: names.get(reviewerId) ?? null,
            resolved: r,
            overridden: o,
            overrideRate: share(o, r),
            approved: approvedBy.get(reviewerId) ?? 0,
          };
        }),
      };
    },

    async findings(user: User, q: MetricsQuery): Promise<FindingsReport> {
      requireGovernance(user);
      const rollups = await decisionLevel(q, [COUNTER.decisions, COUNTER.humanReviewCases, PREFIX.finding]);
      const items: FindingsReport['items'] = [];
      for (const rs of groupBy(rollups, (r) => JSON.stringify([r.type, r.modelId, r.modelVersion])).values()) {
        const first = rs[0]!;
        for (const [code, count] of byPrefix(sum(rs), PREFIX.finding)) {
          items.push({ code, type: first.type, modelId: first.modelId, modelVersion: first.modelVersion, count });
        }
      }
      items.sort(
        (a, b) =>
          a.code.localeCompare(b.code) || a.type.localeCompare(b.type) || a.modelId.localeCompare(b.modelId) || a.modelVersion.localeCompare(b.modelVersion),
      );
      const counts = await store.memberPreferences.counts();
      const cases = Object.fromEntries(
        DecisionType.options.map((t) => [t, get(sum(rollups.filter((r) => r.type === t)), COUNTER.humanReviewCases)]),
      ) as FindingsReport['memberRequests']['humanReviewCases'];
      return {
        decisions: get(sum(rollups), COUNTER.decisions),
        total: items.reduce((n, i) => n + i.count, 0),
        items,
        memberRequests: { humanReview: counts.humanReview, consentWithdrawn: counts.consentWithdrawn, humanReviewCases: cases },
      };
    },

    /** Rectification per input feature, from the rollups the correction events keep (never the log). */
    async corrections(user: User, q: MetricsQuery): Promise<CorrectionsReport> {
      requireGovernance(user);
      const rollups = await store.rollups.list({
        ...selection(q),
        attribute: '',
        counters: [PREFIX.correctionClaimed, PREFIX.correctionAccepted, PREFIX.correctionRejected],
      });
      const items: CorrectionsReport['items'] = [];
      for (const rs of groupBy(rollups, (r) => JSON.stringify([r.type, r.modelId])).values()) {
        const { type, modelId } = rs[0]!;
        const totals = sum(rs);
        const claimed = byPrefix(totals, PREFIX.correctionClaimed);
        const accepted = byPrefix(totals, PREFIX.correctionAccepted);
        const rejected = byPrefix(totals, PREFIX.correctionRejected);
        for (const feature of new Set([...claimed.keys(), ...accepted.keys(), ...rejected.keys()])) {
          const a = accepted.get(feature) ?? 0;
          const r = rejected.get(feature) ?? 0;
          items.push({ type, modelId, feature, claimed: claimed.get(feature) ?? 0, accepted: a, rejected: r, acceptedRate: share(a, a + r) });
        }
      }
      items.sort((a, b) => b.accepted - a.accepted || b.claimed - a.claimed || a.feature.localeCompare(b.feature) || a.modelId.localeCompare(b.modelId));
      const total = (k: 'claimed' | 'accepted' | 'rejected') => items.reduce((n, i) => n + i[k], 0);
      return { claimed: total('claimed'), accepted: total('accepted'), rejected: total('rejected'), items };
    },

    /**
     * Explanation coverage from the rollups: every feature and reason code a model version used
     * in the period, against its registry entry. A gap is a text a member would miss.
     */
    async coverage(user: User, q: MetricsQuery): Promise<CoverageReport> {
      // The admin fills the gaps in the registry; the report holds aggregates only.
      if (!canAny(user, ['metrics.read', 'models.manage'])) throw forbidden('forbidden', 'Only governance and admin read the explanation coverage.');
      const rollups = await decisionLevel(q, [COUNTER.decisions, PREFIX.feature, PREFIX.reasonCode]);
      const models: CoverageReport['models'] = [];
      const gaps: CoverageReport['gaps'] = [];
      let decisions = 0;
      let unexplained = 0;
      for (const rs of groupBy(rollups, (r) => JSON.stringify([r.modelId, r.modelVersion])).values()) {
        const { modelId, modelVersion } = rs[0]!;
        const totals = sum(rs);
        const count = get(totals, COUNTER.decisions);
        const entry = await store.models.get(modelId, modelVersion);
        const modelGaps: CoverageReport['gaps'] = [];
        if (!entry) modelGaps.push({ modelId, modelVersion, kind: 'model', key: `${modelId}@${modelVersion}`, decisions: count });
        else {
          for (const [feature, n] of byPrefix(totals, PREFIX.feature)) {
            if (!ownEntry(entry.features, feature)) modelGaps.push({ modelId, modelVersion, kind: 'feature_label', key: feature, decisions: n });
          }
          for (const [code, n] of byPrefix(totals, PREFIX.reasonCode)) {
            if (!ownEntry(entry.reasonCodes, code)) modelGaps.push({ modelId, modelVersion, kind: 'reason_code', key: code, decisions: n });
          }
        }
        decisions += count;
        // An upper bound per version: the gap touching most decisions decides how many lack a text.
        unexplained += Math.min(count, Math.max(0, ...modelGaps.map((g) => g.decisions)));
        models.push({ modelId, modelVersion, decisions: count, registered: !!entry, gaps: modelGaps.length });
        gaps.push(...modelGaps);
      }
      models.sort((a, b) => a.modelId.localeCompare(b.modelId) || a.modelVersion.localeCompare(b.modelVersion));
      return { decisions, fullyExplainedShare: share(decisions - unexplained, decisions), models, gaps };
    },
  };
}

export type MetricsService = ReturnType<typeof createMetricsService>;
