import type { IngestHook } from '../decisions/decisions.service';
import type { ChainEvent, Store, StoredDecision } from '../storage/store';
import { DEFAULT_MONITORED_ATTRIBUTES, decisionRollups, erasureAdjustment, eventRollups, mergeRollups } from './rollups';

/**
 * Keeps the rollups current on every write. Each hook runs after its write was acknowledged;
 * a crash in between leaves a count missing (never doubled: ingest hooks only see decisions
 * that were new, and a case event is committed once). Rollups are derived data, and
 * `npm run rollups:rebuild` is the recovery path.
 */
export function createRollupHooks(deps: { store: Store; attributes?: readonly string[] }) {
  const { store } = deps;
  const attributes = deps.attributes ?? DEFAULT_MONITORED_ATTRIBUTES;

  const onIngest: IngestHook = async (records) => {
    if (records.length) await store.rollups.incrementMany(mergeRollups(records.flatMap((r) => decisionRollups(r, attributes))));
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

  return { attributes, onIngest, onCaseEvent, onErasure };
}

export type RollupHooks = ReturnType<typeof createRollupHooks>;
