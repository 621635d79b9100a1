import type { ChainEvent, Rollup, Store, StoredDecision } from '../storage/store';
import { addInto, DEFAULT_MONITORED_ATTRIBUTES, decisionRollups, eventRollups, rollupId } from './rollups';

/**
 * Recomputes every rollup from the decision log and the case events, with the same functions the
 * live hooks use. Both scans are ordered by decision id, so they are merged in one pass without
 * holding the log in memory; only the (small) set of rollups is.
 */
export async function rebuildRollups(store: Store, attributes: readonly string[] = DEFAULT_MONITORED_ATTRIBUTES): Promise<Rollup[]> {
  const rollups = new Map<string, Rollup>();
  const events = store.events.scanByChain()[Symbol.asyncIterator]();
  let pending: ChainEvent | null = null;
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
  return [...rollups.values()].filter((r) => Object.keys(r.counters).length > 0);
}

export interface RollupDifference {
  /** The rollup's identity: day, type, model, version, attribute, group. */
  key: string;
  counter: string;
  live: number;
  rebuilt: number;
}

/** Every counter whose live value differs from the rebuilt one; a missing counter counts as 0. */
export function diffRollups(live: readonly Rollup[], rebuilt: readonly Rollup[]): RollupDifference[] {
  const index = (rollups: readonly Rollup[]) => {
    const out = new Map<string, Record<string, number>>();
    for (const r of rollups) {
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
