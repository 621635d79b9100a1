import type { ChainEvent, Store, StoredDecision } from '../storage/store';

export interface ChainView {
  decisionId: string;
  /** null when events exist for a decision that is gone: a deleted chain. */
  decision: StoredDecision | null;
  events: ChainEvent[];
}

/**
 * Walks every chain once: decisions in id order merged with events in (decisionId, seq) order.
 * Both come streamed from the store, so memory stays flat at any volume.
 */
export async function* walkChains(store: Store): AsyncIterable<ChainView> {
  const decisions = store.decisions.scanById()[Symbol.asyncIterator]();
  const events = store.events.scanByChain()[Symbol.asyncIterator]();
  let d = await decisions.next();
  let e = await events.next();
  while (!d.done || !e.done) {
    const decisionId = d.done ? e.value!.decisionId : e.done ? d.value.id : d.value.id <= e.value.decisionId ? d.value.id : e.value.decisionId;
    const decision = !d.done && d.value.id === decisionId ? d.value : null;
    if (decision) d = await decisions.next();
    const chainEvents: ChainEvent[] = [];
    while (!e.done && e.value.decisionId === decisionId) {
      chainEvents.push(e.value);
      e = await events.next();
    }
    yield { decisionId, decision, events: chainEvents };
  }
}

/** The chain's last link as it stood at `until` (ISO instant), or null if the chain began later. */
export function headAsOf(view: ChainView, until: string): { seq: number; hash: string } | null {
  if (!view.decision || view.decision.recordedAt > until) return null;
  let head = { seq: 0, hash: view.decision.hash };
  for (const event of view.events) {
    if (event.at > until) break;
    head = { seq: event.seq, hash: event.hash };
  }
  return head;
}
