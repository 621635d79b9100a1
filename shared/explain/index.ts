export { explainDecision, type ExplainInput } from './explain-decision';
export { explanationCoverage, findModelEntry, missingLabels, type CoverageReport, type ExplainableDecision } from './coverage';
export { formatDate, formatDays, formatMoney, formatNumber, formatPercent, formatScorePoints, LOCALES } from '../format';
export { MAX_FACTORS } from './factors';
export { TEXTS, type Texts } from './texts';
export { reconcileContributions, RECONCILE_TOLERANCE, type Reconciliation } from './reconcile';
