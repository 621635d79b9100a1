import type { Decision } from '@shared/schemas/decision';
import { useI18n } from '../i18n';
import type { ContributionBar } from './charts';

/**
 * A decision's contributions as chart bars, in the output's unit: cents of premium for a renewal,
 * score points (0..1, read out of 100) for a fraud check or risk score. `labelOf` names a feature
 * (registry label, or the member's explanation label); `only` keeps just those features, in order.
 */
export function useContributionBars(): (decision: Decision, labelOf: (feature: string) => string, only?: string[]) => ContributionBar[] {
  const { t, formatSignedMoney, formatScorePoints } = useI18n();
  return (decision, labelOf, only) => {
    const byFeature = new Map(decision.rationale.contributions.map((c) => [c.feature, c.contribution]));
    const features = only ?? [...decision.rationale.contributions].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution)).map((c) => c.feature);
    return features.map((feature) => {
      const value = byFeature.get(feature) ?? 0;
      const valueLabel =
        decision.type === 'renewal_price' ? formatSignedMoney(value, decision.output.currency) : t('chart.points', { points: formatScorePoints(value, true) });
      return { key: feature, label: labelOf(feature), value, valueLabel, direction: value > 0 ? 'raised' : value < 0 ? 'lowered' : 'none' };
    });
  };
}
