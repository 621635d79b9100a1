import type { NewDecisionInput } from '@shared/schemas/decision';

let counter = 0;
const nextKey = (prefix: string) => `${prefix}-${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

export function renewalDecision(overrides: Partial<NewDecisionInput> & Record<string, unknown> = {}): NewDecisionInput {
  return {
    type: 'renewal_price',
    idempotencyKey: nextKey('renewal'),
    subject: { memberId: 'M-1001', policyId: 'P-5001' },
    model: { id: 'renewal-tariff', version: '2026.2' },
    decidedAt: '2026-11-20T10:00:00.000Z',
    legalBasis: 'contract',
    specialCategoryData: false,
    inputs: { claims_last_12m: 3, age_band: '30-44', region: 'Flanders' },
    output: { currency: 'EUR', previousPremiumCents: 120_000, newPremiumCents: 129_000 },
    rationale: {
      reasonCodes: [{ code: 'CLAIMS_HISTORY' }],
      contributions: [{ feature: 'claims_last_12m', contribution: 9000 }],
      counterfactuals: [{ feature: 'claims_last_12m', from: 3, to: 0, outcome: 'premium of 1200.00 EUR' }],
    },
    ...overrides,
  } as NewDecisionInput;
}

export function fraudDecision(overrides: Record<string, unknown> = {}): NewDecisionInput {
  return {
    type: 'fraud_flag',
    idempotencyKey: nextKey('fraud'),
    subject: { memberId: 'M-1001', claimId: 'C-1' },
    model: { id: 'claims-fraud-screen', version: '3.2' },
    decidedAt: '2026-11-20T11:00:00.000Z',
    legalBasis: 'law',
    inputs: { claim_amount_cents: 480_000, provider_on_watchlist: true },
    output: { claimId: 'C-1', score: 0.82, threshold: 0.7, flagged: true, action: 'hold_payment' },
    rationale: {
      reasonCodes: [{ code: 'HIGH_CLAIM_AMOUNT' }],
      contributions: [
        { feature: 'claim_amount_cents', contribution: 0.35 },
        { feature: 'provider_on_watchlist', contribution: 0.22 },
      ],
    },
    ...overrides,
  } as NewDecisionInput;
}

export function riskDecision(overrides: Record<string, unknown> = {}): NewDecisionInput {
  return {
    type: 'risk_score',
    idempotencyKey: nextKey('risk'),
    subject: { memberId: 'M-1002' },
    model: { id: 'claims-risk-score', version: '1.4' },
    decidedAt: '2026-11-21T09:00:00.000Z',
    legalBasis: 'consent',
    specialCategoryData: true,
    inputs: { claims_last_36m: 5, chronic_condition: true },
    output: { score: 0.61, band: 'high' },
    rationale: {
      reasonCodes: [{ code: 'FREQUENT_CLAIMS' }],
      contributions: [
        { feature: 'claims_last_36m', contribution: 0.3 },
        { feature: 'chronic_condition', contribution: 0.2 },
      ],
    },
    ...overrides,
  } as NewDecisionInput;
}

export const decisionMakers = { renewal_price: renewalDecision, fraud_flag: fraudDecision, risk_score: riskDecision };
