import type { FraudFlagOutput, RiskScoreOutput } from '../schemas/decision';

export type RiskBand = RiskScoreOutput['band'];

/** What a fraud check meant for the claim, in the three cases a member can tell apart. */
export type FraudResult = 'cleared' | 'held' | 'referred';

export function fraudResult(output: FraudFlagOutput): FraudResult {
  if (!output.flagged) return 'cleared';
  return output.action === 'refer_investigation' ? 'referred' : 'held';
}
