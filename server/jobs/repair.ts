import { syncFromChain } from '../cases/case-chain';
import type { Store } from '../storage/store';

/**
 * After a crash, a case projection can lag one event behind its chain. Case commands repair
 * that on the spot; this job repairs it for cases nobody touches, looking at recent events.
 */
export async function repairRecentProjections(store: Store, since: string, limit = 10_000): Promise<number> {
  const events = await store.events.since(since, limit);
  const decisionIds = new Set(events.filter((e) => e.caseId).map((e) => e.decisionId));
  for (const decisionId of decisionIds) await syncFromChain(store, decisionId);
  return decisionIds.size;
}
