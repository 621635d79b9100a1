import type { Rollup, RollupKey } from './entities';

/** The identity of a rollup document, for maps and comparisons. */
export const rollupId = (k: RollupKey) => JSON.stringify([k.day, k.type, k.modelId, k.modelVersion, k.attribute, k.group]);

/** Adds rollups into a map by key (mutates `into`); counters that sum to zero are dropped. */
export function addInto(into: Map<string, Rollup>, rollups: Iterable<Rollup>): Map<string, Rollup> {
  for (const r of rollups) {
    const id = rollupId(r);
    let target = into.get(id);
    if (!target) {
      target = { day: r.day, type: r.type, modelId: r.modelId, modelVersion: r.modelVersion, attribute: r.attribute, group: r.group, counters: {} };
      into.set(id, target);
    }
    for (const [name, n] of Object.entries(r.counters)) {
      const sum = (target.counters[name] ?? 0) + n;
      if (sum === 0) delete target.counters[name];
      else target.counters[name] = sum;
    }
  }
  return into;
}

/** Sums a list of rollups per key: one write per document. */
export const mergeRollups = (rollups: Iterable<Rollup>): Rollup[] => [...addInto(new Map(), rollups).values()];
