import type { DecisionType } from '@shared/schemas/common';
import { DEFAULT_DECIDED_AT_FLOOR } from '@shared/schemas/decision';
import type { Config } from '../config';

/** Configuration with safe defaults; governance can read all of it. */
export interface Policies {
  ingest: {
    /** Inputs that may not be used per decision type. Test-Achats (C-236/09): no sex in pricing. */
    prohibitedInputs: Record<DecisionType, string[]>;
    /** decidedAt before this instant is refused (400): a clock or date-format bug of the sender. */
    decidedAtFloor: string;
  };
  fourEyes: {
    /** Decision types whose overrides need a second person with the approver role. */
    types: DecisionType[];
    /**
     * Overrides smaller than this need no second person (renewal: cents of premium change;
     * fraud: any change of the flag always counts; risk: score points). 0 = every override.
     */
    minimumChange: { renewal_price: number; risk_score: number };
  };
  overrides: {
    /**
     * How far a reviewer's override may move an outcome, so a slip of the keyboard (a premium of
     * €9,007,199,254,740.99) is refused: a new premium stays within this fraction of the previous
     * premium either way (0.5 = ±50 %); a new risk score within this many score points (0..1)
     * of the model's score. Fraud flags have no amount to bound.
     */
    maxPremiumChange: number;
    maxRiskScoreChange: number;
  };
  sampling: {
    /** Share of decisions opened as `sample` cases for proactive oversight (AI Act Art. 14). */
    rate: number;
    /** Every fraud flag whose score is this close to its threshold is sampled too. */
    nearThreshold: number;
  };
}

export const defaultPolicies = (): Policies => ({
  ingest: {
    prohibitedInputs: { renewal_price: ['sex', 'gender'], fraud_flag: [], risk_score: [] },
    decidedAtFloor: DEFAULT_DECIDED_AT_FLOOR,
  },
  fourEyes: { types: ['renewal_price', 'fraud_flag', 'risk_score'], minimumChange: { renewal_price: 0, risk_score: 0 } },
  overrides: { maxPremiumChange: 0.5, maxRiskScoreChange: 1 },
  sampling: { rate: 0.02, nearThreshold: 0.05 },
});

/** The policies in force: defaults, with what the environment sets. */
export function policiesFromConfig(config: Config): Policies {
  const policies = defaultPolicies();
  policies.ingest.decidedAtFloor = config.decidedAtFloor;
  policies.sampling = { rate: config.sampleRate, nearThreshold: config.sampleNearThreshold };
  policies.fourEyes.types = config.fourEyesTypes;
  policies.fourEyes.minimumChange = { renewal_price: config.fourEyesMinRenewalCents, risk_score: config.fourEyesMinRiskPoints };
  policies.overrides = { maxPremiumChange: config.overrideMaxPremiumChange, maxRiskScoreChange: config.overrideMaxRiskScoreChange };
  return policies;
}
