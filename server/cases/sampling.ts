import { createHash } from 'node:crypto';
import type { Policies } from '../policies/policies';
import type { StoredDecision } from '../storage/store';

/**
 * A draw in [0, 1) from the decision id: random across decisions, yet the same on every
 * retry of the same decision, so re-sending a batch never changes which ones are sampled.
 */
export function sampleDraw(decisionId: string): number {
  return createHash('sha256').update(`sample:${decisionId}`).digest().readUInt32BE(0) / 2 ** 32;
}

export type SampleReason = 'random' | 'near_threshold';

export function sampleReason(decision: StoredDecision, policy: Policies['sampling']): SampleReason | null {
  if (decision.type === 'fraud_flag' && Math.abs(decision.output.score - decision.output.threshold) <= policy.nearThreshold + 1e-12) {
    return 'near_threshold';
  }
  return sampleDraw(decision.id) < policy.rate ? 'random' : null;
}
