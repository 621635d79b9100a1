import type { DecisionType } from '@shared/schemas/common';

/** Configuration with safe defaults (DESIGN §3); governance can read it. */
export interface Policies {
  ingest: {
    /** Inputs that may not be used per decision type. Test-Achats (C-236/09): no sex in pricing. */
    prohibitedInputs: Record<DecisionType, string[]>;
  };
}

export const defaultPolicies = (): Policies => ({
  ingest: {
    prohibitedInputs: { renewal_price: ['sex', 'gender'], fraud_flag: [], risk_score: [] },
  },
});
