import type { DecisionType } from '@shared/schemas/common';
import type { ChainEvent, Rollup, RollupKey, Store, StoredDecision } from '../storage/store';
import { addInto, DEFAULT_MONITORED_ATTRIBUTES, decisionRollups, eventRollups, rollupId } from './rollups';

/**
 * What the rollups hold, stamped on them by every rebuild. Format 2 added the open-case gauge
 * (DUE_ATTRIBUTE); rollups written before it lack the gauge and carry no stamp (format 1).
 * Format 3 added resolution times per decision month (MONTH_ATTRIBUTE). Format 4 bins a value
 * equal to a bin edge in the bin that edge opens (see bins.ts); before, some such decisions
 * (a renewal at exactly −45 % or −40 %) were counted in the bin below. Format 5 counts how
 * overrides moved favourable outcomes (favourableShift), for fairness on the final outcome, and
 * reviewed cases as labels (by origin, fraud flags upheld or cleared, rejected proposals).
 * Format 6 counts the decisions' input values (num:, cat:), for PSI per input feature.
 */
export const ROLLUP_FORMAT = 6;

/** The stamp: a document of its own under a reserved attribute, of no day, type or model. */
const FORMAT_KEY: RollupKey = { day: '', type: '' as DecisionType, modelId: '', modelVersion: '', attribute: '@format', group: '' };
const FORMAT_COUNTER = 'format';
/** The stamp also names the monitored attributes the rollups were counted for, one counter each. */
const ATTRIBUTE_COUNTER = 'attribute:';

const stampCounters = (attributes: readonly string[]) => ({
  [FORMAT_COUNTER]: ROLLUP_FORMAT,
  ...Object.fromEntries(attributes.map((a) => [ATTRIBUTE_COUNTER + a, 1])),
});

/** Whether the stamp's format is current and its attributes are exactly the configured ones. */
function stampIsCurrent(stamp: Rollup | undefined, attributes: readonly string[]): boolean {
  if ((stamp?.counters[FORMAT_COUNTER] ?? 0) < ROLLUP_FORMAT) return false;
  const counted = Object.keys(stamp!.counters)
    .filter((name) => name.startsWith(ATTRIBUTE_COUNTER))
    .map((name) => name.slice(ATTRIBUTE_COUNTER.length));
  return counted.length === attributes.length && attributes.every((a) => counted.includes(a));
}

const isFormatStamp = (r: RollupKey) => r.attribute === FORMAT_KEY.attribute;

/**
 * Recomputes every rollup from the decision log and the case events, with the same functions the
 * live hooks use. Both scans are ordered by decision id, so they are merged in one pass without
 * holding the log in memory; only the (small) set of rollups is. Ends with the format stamp.
 */
export async function rebuildRollups(store: Store, attributes: readonly string[] = DEFAULT_MONITORED_ATTRIBUTES): Promise<Rollup[]> {
  const rollups = new Map<string, Rollup>();
  const events = store.events.scanByChain()[Symbol.asyncIterator]();
  let pending: ChainEvent | null;
  const nextEvent = async () => {
    const step = await events.next();
    return step.done ? null : step.value;
  };
  pending = await nextEvent();
  const add = (d: StoredDecision, e: ChainEvent) => addInto(rollups, eventRollups(e, d, attributes));
  for await (const decision of store.decisions.scanById()) {
    addInto(rollups, decisionRollups(decision, attributes));
    // Events of chains without a decision (should not exist) are skipped.
    while (pending && pending.decisionId < decision.id) pending = await nextEvent();
    while (pending && pending.decisionId === decision.id) {
      add(decision, pending);
      pending = await nextEvent();
    }
  }
  await events.return?.();
  const rebuilt = [...rollups.values()].filter((r) => Object.keys(r.counters).length > 0);
  // The stamp goes last: replaceAll on MongoDB writes in order, so a swap cut short leaves no stamp.
  rebuilt.push({ ...FORMAT_KEY, counters: stampCounters(attributes) });
  return rebuilt;
}

/**
 * Start-up (server/index.ts): rollups of an older format, or counted for other monitored attributes
 * (MONITORING_ATTRIBUTES changed), are rebuilt once from the log and the
 * chains, so the counters this version reads exist; afterwards this is one small read. Rollups
 * are derived data and the stamp is written last, so a crash part-way rebuilds again at the next
 * start. Upgrade with the processes of the older version stopped: what they write while this
 * runs lacks the new counters (`npm run rollups:rebuild` afterwards repairs that). Several new
 * processes starting at once may each rebuild; they write the same set. True when counters were
 * rebuilt, false when they were current or there was nothing to count (a new store, stamped).
 */
export async function upgradeRollups(store: Store, attributes: readonly string[] = DEFAULT_MONITORED_ATTRIBUTES): Promise<boolean> {
  const [stamp] = await store.rollups.list({ attribute: FORMAT_KEY.attribute });
  if (stampIsCurrent(stamp, attributes)) return false;
  const rebuilt = await rebuildRollups(store, attributes);
  await store.rollups.replaceAll(rebuilt);
  // A brand-new store gets only its stamp: nothing was rebuilt, so nothing is worth reporting.
  return rebuilt.some((r) => !isFormatStamp(r));
}

export interface RollupDifference {
  /** The rollup's identity: day, type, model, version, attribute, group. */
  key: string;
  counter: string;
  live: number;
  rebuilt: number;
}

/**
 * Every counter whose live value differs from the rebuilt one; a missing counter counts as 0.
 * The format stamp is not a count: live rollups of the hooks alone have none.
 */
export function diffRollups(live: readonly Rollup[], rebuilt: readonly Rollup[]): RollupDifference[] {
  const index = (rollups: readonly Rollup[]) => {
    const out = new Map<string, Record<string, number>>();
    for (const r of rollups) {
      if (isFormatStamp(r)) continue;
      const id = rollupId(r);
      const counters = out.get(id) ?? {};
      for (const [name, n] of Object.entries(r.counters)) counters[name] = (counters[name] ?? 0) + n;
      out.set(id, counters);
    }
    return out;
  };
  const a = index(live);
  const b = index(rebuilt);
  const differences: RollupDifference[] = [];
  for (const key of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const l = a.get(key) ?? {};
    const r = b.get(key) ?? {};
    for (const counter of [...new Set([...Object.keys(l), ...Object.keys(r)])].sort()) {
      const liveValue = l[counter] ?? 0;
      const rebuiltValue = r[counter] ?? 0;
      if (liveValue !== rebuiltValue) differences.push({ key, counter, live: liveValue, rebuilt: rebuiltValue });
    }
  }
  return differences;
}
