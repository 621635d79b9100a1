import { DEFAULT_DRIFT_MIN_SAMPLE, DRIFT_CONFIDENCE, PSI_MAJOR, PSI_MODERATE } from '@shared/metrics/drift';
import type { DriftFigure, DriftQuery, DriftReport, DriftWeek, FeatureDrift } from '@shared/schemas/drift';
import type { User } from '@shared/schemas/session';
import { can } from '@shared/auth/permissions';
import type { Clock } from '../clock';
import { forbidden } from '../domain/errors';
import type { Rollup, RollupCounters, Store } from '../storage/store';
import { SCORE_BINS } from './bins';
import { driftVerdict } from './drift-rule';
import { bucketRange } from './feature-buckets';
import { countOnBins, psi, quantileStarts } from './psi';
import { COUNTER, OTHER_CATEGORY, PREFIX } from './rollups';
import { compareVersions } from './version-order';

const DAY_MS = 86_400_000;
/** Categories per feature compared one by one (by baseline count, then current count); the rest are OTHER_CATEGORY. */
export const MAX_CATEGORIES = 50;
/** The weekly series lists every week of the period (zeros included) up to this many; only weeks with decisions beyond. */
export const MAX_FILLED_WEEKS = 160;

function sum(rollups: Iterable<Rollup>): RollupCounters {
  const total: RollupCounters = {};
  for (const r of rollups) for (const [name, n] of Object.entries(r.counters)) total[name] = (total[name] ?? 0) + n;
  return total;
}

const scoreCounts = (c: RollupCounters) => Array.from({ length: SCORE_BINS }, (_, i) => c[PREFIX.score + i] ?? 0);

/** The Monday of a UTC day's ISO week, and the week's name (2026-W46: the year of its Thursday). */
export function isoWeekOf(day: string): { week: string; monday: string } {
  const t = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(t).getUTCDay() + 6) % 7;
  const monday = t - weekday * DAY_MS;
  const thursday = new Date(monday + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return { week: `${year}-W${String(week).padStart(2, '0')}`, monday: new Date(monday).toISOString().slice(0, 10) };
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** Per feature, its numeric buckets and its categories, from the `num:` and `cat:` counters. */
function featureValues(c: RollupCounters) {
  const numeric = new Map<string, Map<number, number>>();
  const categorical = new Map<string, Map<string, number>>();
  for (const [name, n] of Object.entries(c)) {
    if (n === 0) continue;
    const isNumeric = name.startsWith(PREFIX.numeric);
    if (!isNumeric && !name.startsWith(PREFIX.category)) continue;
    const rest = name.slice((isNumeric ? PREFIX.numeric : PREFIX.category).length);
    // Feature names hold no ':'; a category may.
    const colon = rest.indexOf(':');
    const feature = rest.slice(0, colon);
    const value = rest.slice(colon + 1);
    if (isNumeric) {
      const m = numeric.get(feature) ?? new Map<number, number>();
      m.set(Number(value), (m.get(Number(value)) ?? 0) + n);
      numeric.set(feature, m);
    } else {
      const m = categorical.get(feature) ?? new Map<string, number>();
      m.set(value, (m.get(value) ?? 0) + n);
      categorical.set(feature, m);
    }
  }
  return { numeric, categorical };
}

/**
 * Drift of one model, from the decision-level rollups alone: the score histogram against a fixed
 * baseline and against the previous version, the same week by week, and PSI per input feature
 * (numeric inputs on the baseline's deciles, categorical ones by category share).
 */
export function createDriftService(deps: { store: Store; clock: Clock; minSample?: number }) {
  const { store } = deps;
  const minSample = deps.minSample ?? DEFAULT_DRIFT_MIN_SAMPLE;

  const figure = (expected: number[], actual: number[]): DriftFigure => {
    const value = psi(expected, actual);
    const { pValue, level } = driftVerdict(value, expected, actual, minSample);
    return { psi: value, pValue, level, expected: expected.reduce((s, n) => s + n, 0), actual: actual.reduce((s, n) => s + n, 0) };
  };

  /** The version before `version`: the registry's predecessor, or else the one whose first decision came before. */
  async function previousVersion(q: DriftQuery & { modelVersion: string }): Promise<{ version: string; rollups: Rollup[] } | null> {
    const all = await store.rollups.list({ type: q.type, modelId: q.modelId, attribute: '', counters: [COUNTER.decisions, PREFIX.score] });
    const firstDay = new Map<string, string>();
    for (const r of all) if (!firstDay.has(r.modelVersion) || r.day < firstDay.get(r.modelVersion)!) firstDay.set(r.modelVersion, r.day);
    const named = (await store.models.get(q.modelId, q.modelVersion))?.predecessor ?? null;
    let previous = named;
    if (previous === null) {
      const ordered = [...firstDay].sort(([a, da], [b, db]) => da.localeCompare(db) || compareVersions(a, b)).map(([v]) => v);
      const at = ordered.indexOf(q.modelVersion);
      previous = at > 0 ? ordered[at - 1]! : null;
    }
    if (previous === null || !firstDay.has(previous)) return null;
    return { version: previous, rollups: all.filter((r) => r.modelVersion === previous) };
  }

  function weekly(q: DriftQuery, current: Rollup[], baseline: number[]): DriftWeek[] {
    const byWeek = new Map<string, { monday: string; rollups: Rollup[] }>();
    for (const r of current) {
      const { week, monday } = isoWeekOf(r.day);
      const entry = byWeek.get(week) ?? { monday, rollups: [] };
      entry.rollups.push(r);
      byWeek.set(week, entry);
    }
    const days = current.map((r) => r.day).sort();
    const from = q.from ?? days[0];
    const to = q.to ?? days[days.length - 1];
    if (from && to) {
      const first = isoWeekOf(from).monday;
      const weeks = Math.floor((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / (7 * DAY_MS)) + 1;
      if (weeks <= MAX_FILLED_WEEKS) {
        for (let i = 0; i < weeks; i++) {
          const monday = addDays(first, 7 * i);
          const { week } = isoWeekOf(monday);
          if (!byWeek.has(week)) byWeek.set(week, { monday, rollups: [] });
        }
      }
    }
    return [...byWeek]
      .sort(([, a], [, b]) => a.monday.localeCompare(b.monday))
      .map(([week, { monday, rollups }]) => {
        const sunday = addDays(monday, 6);
        return {
          week,
          from: from && monday < from ? from : monday,
          to: to && sunday > to ? to : sunday,
          ...figure(baseline, scoreCounts(sum(rollups))),
        };
      });
  }

  function features(baseline: RollupCounters, current: RollupCounters): FeatureDrift[] {
    const b = featureValues(baseline);
    const c = featureValues(current);
    const out: FeatureDrift[] = [];
    for (const feature of new Set([...b.numeric.keys(), ...c.numeric.keys()])) {
      const base = b.numeric.get(feature) ?? new Map<number, number>();
      const now = c.numeric.get(feature) ?? new Map<number, number>();
      const starts = quantileStarts(base);
      const e = countOnBins(base, starts);
      const a = countOnBins(now, starts);
      const bins = e.map((baselineCount, i) => ({
        from: i === 0 ? null : bucketRange(starts[i - 1]!).from,
        to: i === starts.length ? null : bucketRange(starts[i]!).from,
        category: null,
        baseline: baselineCount,
        current: a[i]!,
      }));
      out.push({ feature, kind: 'numeric', ...figure(e, a), bins });
    }
    for (const feature of new Set([...b.categorical.keys(), ...c.categorical.keys()])) {
      const base = b.categorical.get(feature) ?? new Map<string, number>();
      const now = c.categorical.get(feature) ?? new Map<string, number>();
      const ranked = [...new Set([...base.keys(), ...now.keys()])].sort(
        (x, y) => (base.get(y) ?? 0) - (base.get(x) ?? 0) || (now.get(y) ?? 0) - (now.get(x) ?? 0) || x.localeCompare(y),
      );
      const kept = ranked.slice(0, MAX_CATEGORIES);
      const rest = ranked.slice(MAX_CATEGORIES);
      const restCount = (m: Map<string, number>) => rest.reduce((s, k) => s + (m.get(k) ?? 0), 0);
      const bins = [
        ...kept.map((category) => ({ from: null, to: null, category, baseline: base.get(category) ?? 0, current: now.get(category) ?? 0 })),
        ...(rest.length ? [{ from: null, to: null, category: OTHER_CATEGORY, baseline: restCount(base), current: restCount(now) }] : []),
      ];
      out.push({
        feature,
        kind: 'categorical',
        ...figure(
          bins.map((x) => x.baseline),
          bins.map((x) => x.current),
        ),
        bins,
      });
    }
    return out.sort((x, y) => (y.psi ?? -1) - (x.psi ?? -1) || x.feature.localeCompare(y.feature) || x.kind.localeCompare(y.kind));
  }

  return {
    async drift(user: User, q: DriftQuery): Promise<DriftReport> {
      if (!can(user, 'metrics.read')) throw forbidden('forbidden', 'Only governance reads the metrics.');
      // The score bins and the input values, nothing else of the decision-level documents.
      const model = { type: q.type, modelId: q.modelId, attribute: '', counters: [COUNTER.decisions, PREFIX.score, PREFIX.numeric, PREFIX.category] };
      const [current, baseline, previous] = await Promise.all([
        store.rollups.list({ ...model, modelVersion: q.modelVersion, from: q.from, to: q.to }),
        store.rollups.list({ ...model, modelVersion: q.baselineVersion, from: q.baselineFrom, to: q.baselineTo }),
        q.modelVersion ? previousVersion({ ...q, modelVersion: q.modelVersion }) : Promise.resolve(null),
      ]);
      const currentTotal = sum(current);
      const baselineTotal = sum(baseline);
      const baselineScores = scoreCounts(baselineTotal);
      const currentScores = scoreCounts(currentTotal);
      return {
        type: q.type,
        modelId: q.modelId,
        modelVersion: q.modelVersion ?? null,
        from: q.from ?? null,
        to: q.to ?? null,
        decisions: currentTotal[COUNTER.decisions] ?? 0,
        baseline: {
          modelVersion: q.baselineVersion ?? null,
          from: q.baselineFrom ?? null,
          to: q.baselineTo ?? null,
          decisions: baselineTotal[COUNTER.decisions] ?? 0,
        },
        rule: { moderate: PSI_MODERATE, major: PSI_MAJOR, minSample, alpha: Number((1 - DRIFT_CONFIDENCE).toFixed(10)) },
        vsBaseline: figure(baselineScores, currentScores),
        vsPrevious: previous ? { against: previous.version, ...figure(scoreCounts(sum(previous.rollups)), currentScores) } : null,
        weekly: weekly(q, current, baselineScores),
        features: features(baselineTotal, currentTotal),
      };
    },
  };
}

export type DriftService = ReturnType<typeof createDriftService>;
