import type { FactorImpact, RightKind } from '../schemas/explanation';
import type { Lang } from '../schemas/model';
import type { FraudResult, RiskBand } from './outcome';
import { en } from './texts.en';
import { fr } from './texts.fr';
import { nl } from './texts.nl';

/**
 * Every sentence a member reads, per language. Sentences are functions of already formatted
 * values because word order differs between languages; one typed object per language makes a
 * missing sentence a compile error instead of an English fallback.
 */
export interface Texts {
  /** A registry label is missing: show the raw name, visibly marked, never silently. */
  missingLabel: (raw: string) => string;
  /** Words (yes, Flanders) inside a sentence are quoted so they read as values. */
  quote: (word: string) => string;
  unknownValue: string;
  yes: string;
  no: string;
  scoreOutOf100: (points: string) => string;
  bands: Record<RiskBand, string>;

  headline: {
    renewal: (p: { from: string; to: string; difference: string; direction: 'up' | 'down' | 'same' }) => string;
    renewalOverridden: (p: { from: string; to: string; original: string }) => string;
    fraud: (p: { claimId: string; result: FraudResult }) => string;
    fraudOverridden: (p: { claimId: string; result: FraudResult; original: FraudResult }) => string;
    /** While a case is open: nothing about why, only that a person will look (fraud flags). */
    fraudRestricted: (p: { claimId: string; held: boolean }) => string;
    risk: (p: { band: string }) => string;
    riskOverridden: (p: { band: string; original: string }) => string;
  };

  /** `subject` is the label with the member's own value, e.g. "Claims in the last 12 months (3)". */
  factor: {
    subject: (label: string, value: string) => string;
    renewal: Record<FactorImpact, (p: { subject: string; amount: string }) => string>;
    fraud: Record<FactorImpact, (p: { subject: string; points: string; singular: boolean }) => string>;
    risk: Record<FactorImpact, (p: { subject: string; points: string; singular: boolean }) => string>;
  };

  /**
   * When the model's amounts do not add up to its result (finding explanation_inconsistent), the
   * factors are named and ranked without amounts, and `figuresNotReconciled` says why.
   */
  factorWithoutAmount: Record<'renewal' | 'fraud' | 'risk', Record<'raised' | 'lowered', (subject: string) => string>>;
  figuresNotReconciled: string;

  /**
   * Counterfactuals are read as recourse: the change that would have given a more favourable
   * outcome. The service's free-text `outcome` is not shown: it is neither translated nor vetted.
   */
  counterfactual: {
    sentence: (p: { label: string; from: string; to: string; consequence: string }) => string;
    renewal: string;
    fraudHeld: string;
    fraudCleared: string;
    risk: string;
  };
  noCounterfactual: string;

  details: {
    madeOn: (p: { date: string; version: string }) => string;
    overridden: string;
    fraudScale: (p: { score: string; threshold: string }) => string;
    riskScale: (p: { score: string }) => string;
    /** The model's base premium, when it is not the current one: the factors' amounts start from it. */
    renewalBaseline: (p: { base: string }) => string;
    /** The model's base score (out of 100), to which the factors add up. */
    scoreBaseline: (p: { base: string }) => string;
  };

  rights: Record<RightKind, string>;
}

export const TEXTS: Record<Lang, Texts> = { en, nl, fr };
