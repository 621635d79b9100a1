import type { Decision } from '@shared/schemas/decision';
import { useI18n } from '../../../i18n';

/**
 * What a person changed in the member's favour, and that a person did: "a staff member released
 * your claim". Shown instead of "contest this decision", which is not offered then (shared rule).
 */
export function FavourableChange({ decision }: { decision: Decision }) {
  const { t, formatMoney } = useI18n();
  let text: string;
  if (decision.type === 'renewal_price') {
    const before = decision.output;
    const after = decision.effectiveOutcome;
    text = t('favour.renewal', { before: formatMoney(before.newPremiumCents, before.currency), after: formatMoney(after.newPremiumCents, after.currency) });
  } else if (decision.type === 'fraud_flag') {
    text = decision.effectiveOutcome.action === 'none' ? t('favour.fraudReleased') : t('favour.fraudReduced');
  } else {
    text = t('favour.risk', { before: t(`riskBand.${decision.output.band}`), after: t(`riskBand.${decision.effectiveOutcome.band}`) });
  }
  return (
    <section className="card favour" aria-labelledby="favour-title">
      <h2 id="favour-title">{t('favour.title')}</h2>
      <p className="lead">{text}</p>
      <p className="muted">{t('favour.noContest')}</p>
    </section>
  );
}
