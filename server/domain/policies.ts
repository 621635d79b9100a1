import type { Policies } from '@shared/schemas/policies';
import { DEFAULT_DECIDED_AT_FLOOR } from '@shared/schemas/decision';
import { DEFAULT_RETENTION_DAYS, type Config } from '../config';

/** The rules in force; their shape and meaning are the shared schema's. */
export type { Policies } from '@shared/schemas/policies';

export const defaultPolicies = (): Policies => ({
  ingest: {
    prohibitedInputs: { renewal_price: ['sex', 'gender'], fraud_flag: [], risk_score: [] },
    decidedAtFloor: DEFAULT_DECIDED_AT_FLOOR,
  },
  fourEyes: { types: ['renewal_price', 'fraud_flag', 'risk_score'], minimumChange: { renewal_price: 0, risk_score: 0 } },
  overrides: { maxPremiumChange: 0.5, maxRiskScoreChange: 1 },
  retention: { days: { renewal_price: DEFAULT_RETENTION_DAYS, fraud_flag: DEFAULT_RETENTION_DAYS, risk_score: DEFAULT_RETENTION_DAYS } },
  sampling: { rate: 0.02, nearThreshold: 0.05, reviewDays: 14 },
});

/** The policies in force: defaults, with what the environment sets. */
export function policiesFromConfig(config: Config): Policies {
  const policies = defaultPolicies();
  policies.ingest.decidedAtFloor = config.decidedAtFloor;
  policies.sampling = { rate: config.sampleRate, nearThreshold: config.sampleNearThreshold, reviewDays: config.sampleReviewDays };
  policies.fourEyes.types = config.fourEyesTypes;
  policies.fourEyes.minimumChange = { renewal_price: config.fourEyesMinRenewalCents, risk_score: config.fourEyesMinRiskPoints };
  policies.retention = { days: { ...config.retentionDays } };
  policies.overrides = { maxPremiumChange: config.overrideMaxPremiumChange, maxRiskScoreChange: config.overrideMaxRiskScoreChange };
  return policies;
}
