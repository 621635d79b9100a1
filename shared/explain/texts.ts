import type { FactorImpact, RightKind } from '../schemas/explanation';
import type { Lang } from '../schemas/model';
import type { FraudResult, RiskBand } from './outcome';
import { explainTranslator } from '../i18n/i18n';

/**
 * Every sentence a member reads, per language, as functions of already formatted values. The
 * words are in the `explain` catalogues (shared/i18n/locales/<lang>/explain.json, ICU messages
 * where a choice or a plural is worded); this object only names their arguments.
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
    /** `points` formatted, `count` the number it chooses the plural by. */
    fraud: Record<FactorImpact, (p: { subject: string; points: string; count: number }) => string>;
    risk: Record<FactorImpact, (p: { subject: string; points: string; count: number }) => string>;
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

const IMPACTS = ['raised', 'lowered', 'none'] as const;
const fromEntries = <K extends string, V>(keys: readonly K[], value: (key: K) => V) => Object.fromEntries(keys.map((key) => [key, value(key)])) as Record<K, V>;

function textsIn(lang: Lang): Texts {
  const t = explainTranslator(lang);
  return {
    missingLabel: (raw) => t('missingLabel', { raw }),
    quote: (word) => t('quote', { word }),
    unknownValue: t('unknownValue'),
    yes: t('yes'),
    no: t('no'),
    scoreOutOf100: (points) => t('scoreOutOf100', { points }),
    bands: fromEntries(['low', 'medium', 'high', 'very_high'], (band) => t(`bands.${band}`)),
    headline: {
      renewal: (p) => t('headline.renewal', p),
      renewalOverridden: (p) => t('headline.renewalOverridden', p),
      fraud: (p) => t('headline.fraud', p),
      fraudOverridden: ({ claimId, result, original }) =>
        t('headline.fraudOverridden', { claimId, now: t(`fraudNow.${result}`), before: t(`fraudBefore.${original}`) }),
      fraudRestricted: ({ claimId, held }) => t('headline.fraudRestricted', { claimId, held: String(held) }),
      risk: (p) => t('headline.risk', p),
      riskOverridden: (p) => t('headline.riskOverridden', p),
    },
    factor: {
      subject: (label, value) => t('factor.subject', { label, value }),
      renewal: fromEntries(IMPACTS, (impact) => (p: { subject: string; amount: string }) => t(`factor.renewal.${impact}`, p)),
      fraud: fromEntries(IMPACTS, (impact) => (p: { subject: string; points: string; count: number }) => t(`factor.fraud.${impact}`, p)),
      risk: fromEntries(IMPACTS, (impact) => (p: { subject: string; points: string; count: number }) => t(`factor.risk.${impact}`, p)),
    },
    factorWithoutAmount: fromEntries(['renewal', 'fraud', 'risk'], (kind) =>
      fromEntries(['raised', 'lowered'], (impact) => (subject: string) => t(`factorWithoutAmount.${kind}.${impact}`, { subject })),
    ),
    figuresNotReconciled: t('figuresNotReconciled'),
    counterfactual: {
      sentence: (p) => t('counterfactual.sentence', p),
      renewal: t('counterfactual.renewal'),
      fraudHeld: t('counterfactual.fraudHeld'),
      fraudCleared: t('counterfactual.fraudCleared'),
      risk: t('counterfactual.risk'),
    },
    noCounterfactual: t('noCounterfactual'),
    details: {
      madeOn: (p) => t('details.madeOn', p),
      overridden: t('details.overridden'),
      fraudScale: (p) => t('details.fraudScale', p),
      riskScale: (p) => t('details.riskScale', p),
      renewalBaseline: (p) => t('details.renewalBaseline', p),
      scoreBaseline: (p) => t('details.scoreBaseline', p),
    },
    rights: fromEntries(['object', 'human_review', 'complain', 'access'], (right) => t(`rights.${right}`)),
  };
}

export const TEXTS: Record<Lang, Texts> = { en: textsIn('en'), nl: textsIn('nl'), fr: textsIn('fr') };
