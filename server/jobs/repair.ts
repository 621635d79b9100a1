import { syncFromChain } from '../cases/case-chain';
import { applySuperseded } from '../domain/supersession';
import type { Store } from '../storage/store';

/**
 * After a crash, a case projection can lag one event behind its chain. Case commands repair
 * that on the spot; this job repairs it for cases nobody touches, looking at recent events.
 */
export async function repairRecentProjections(store: Store, since: string, limit = 10_000): Promise<number> {
  const events = await store.events.since(since, limit);
  const decisionIds = new Set(events.filter((e) => e.caseId).map((e) => e.decisionId));
  for (const decisionId of decisionIds) await syncFromChain(store, decisionId);
  // Rectification: a decision superseded on its chain whose projection a crash left behind.
  const superseded = events.filter((e) => e.action === 'superseded' && typeof e.data.supersededBy === 'string');
  for (const e of superseded) await applySuperseded(store, e.decisionId, e.data.supersededBy as string);
  return decisionIds.size + superseded.length;
}
