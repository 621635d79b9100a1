import type { DecisionType } from '@shared/schemas/common';
import type { DecisionOutput } from '@shared/schemas/decision';

/**
 * An outcome as the hash chain may hold it in the clear: a fraud flag's claim id is an
 * identifier, erased on request, so chain events carry outcomes without it (the decision's own
 * seq 0 commits to it through the salted personal digest).
 */
export function publicOutcome(type: DecisionType, outcome: DecisionOutput): DecisionOutput {
  if (type !== 'fraud_flag') return outcome;
  const { claimId: _claimId, ...rest } = outcome as { claimId: string };
  return rest as DecisionOutput;
}

/** The full effective outcome from a public one: the claim id comes back from the decision. */
export function withIdentifiers(original: DecisionOutput, outcome: DecisionOutput): DecisionOutput {
  return { ...original, ...outcome } as DecisionOutput;
}
