import type { ChainEvent, Rollup, Store, StoredDecision } from '../storage/store';
import { DEFAULT_MONITORED_ATTRIBUTES, decisionRollups, erasureAdjustment, eventRollups, mergeRollups } from './rollups';

/**
 * Keeps the rollups current on every write. Ingest's increments are written with the decisions
 * (on SQLite in the same transaction). A case event's run after the event was acknowledged;
 * a crash in between leaves a count missing (never doubled: a case event is committed once).
 * Rollups are derived data, and `npm run rollups:rebuild` is the recovery path.
 */
export function createRollupHooks(deps: { store: Store; attributes?: readonly string[] }) {
  const { store } = deps;
  const attributes = deps.attributes ?? DEFAULT_MONITORED_ATTRIBUTES;

  /** What new decisions and the chain events written with them (sample cases) add. */
  const forIngest = (records: StoredDecision[], events: ChainEvent[]): Rollup[] => {
    const byId = new Map(records.map((r) => [r.id, r]));
    return mergeRollups([
      ...records.flatMap((r) => decisionRollups(r, attributes)),
      ...events.flatMap((e) => eventRollups(e, byId.get(e.decisionId)!, attributes)),
    ]);
  };

  /** For commitCaseChange: called once per appended chain event. */
  const onCaseEvent = async (event: ChainEvent, decision: StoredDecision) => {
    const rollups = eventRollups(event, decision, attributes);
    if (rollups.length) await store.rollups.incrementMany(rollups);
  };

  /** For the erasure: moves the decision's counts to what its erased record still supports. */
  const onErasure = async (before: StoredDecision, after: StoredDecision) => {
    const rollups = erasureAdjustment(before, after, await store.events.list(before.id), attributes);
    if (rollups.length) await store.rollups.incrementMany(rollups);
  };

  return { attributes, forIngest, onCaseEvent, onErasure };
}

export type RollupHooks = ReturnType<typeof createRollupHooks>;
