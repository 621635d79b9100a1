import type { DecisionDetail } from '@shared/schemas/case';
import type { Explanation } from '@shared/schemas/explanation';
import { ContributionsFigure } from '../../../components/charts';
import { useContributionBars } from '../../../components/contribution-bars';
import { ErrorState, LoadingState } from '../../../components/page-states';
import { useI18n, type MessageKey } from '../../../i18n';
import { useExplanation } from '../api/get-explanation';

const RIGHT_TITLES: Record<Explanation['rights'][number]['right'], MessageKey> = {
  object: 'rights.object',
  human_review: 'rights.human_review',
  complain: 'rights.complain',
  access: 'rights.access',
};

/** The plain-language explanation, in the language the member reads the page in. */
export function ExplanationSection({ decision }: { decision: DecisionDetail }) {
  const { t, lang } = useI18n();
  const explanation = useExplanation(decision.id, lang);
  if (explanation.isPending) {
    return (
      <section className="card" aria-labelledby="why-title">
        <h2 id="why-title">{t('explanation.whyTitle')}</h2>
        <LoadingState label={t('explanation.loading')} />
      </section>
    );
  }
  if (explanation.isError) {
    return (
      <section className="card" aria-labelledby="why-title">
        <h2 id="why-title">{t('explanation.whyTitle')}</h2>
        <ErrorState error={explanation.error} onRetry={() => void explanation.refetch()} />
      </section>
    );
  }
  return <ExplanationView decision={decision} explanation={explanation.data} />;
}

function ExplanationView({ decision, explanation }: { decision: DecisionDetail; explanation: Explanation }) {
  const { t } = useI18n();
  const labels = new Map(explanation.factors.map((f) => [f.feature, f.label]));
  const bars = useContributionBars()(
    decision,
    (feature) => labels.get(feature) ?? feature,
    explanation.factors.map((f) => f.feature),
  );
  const caption = decision.type === 'renewal_price' ? t('explanation.chartCaptionMoney') : t('explanation.chartCaptionScore');

  return (
    <>
      <section className="card explanation" aria-labelledby="why-title">
        <h2 id="why-title">{t('explanation.whyTitle')}</h2>
        <p className="lead">{explanation.headline}</p>

        {/* Restricted (a fraud check under review): the page's notice says why the factors are not shown. */}
        {!explanation.restricted && explanation.factors.length ? (
          <>
            <h3>{t('explanation.factorsTitle')}</h3>
            {/* Amounts that do not add up to the outcome are not drawn: the notice says why, the list keeps the ranking. */}
            {explanation.figuresNotice ? (
              <p className="notice notice-warning">{explanation.figuresNotice}</p>
            ) : (
              <ContributionsFigure bars={bars} caption={caption} labelHeader={t('chart.factor')} valueHeader={t('chart.effect')} />
            )}
            <ul className="factor-list">
              {explanation.factors.map((factor) => (
                <li key={factor.feature} className={`factor factor-${factor.impact}`}>
                  <span className="factor-mark" aria-hidden="true">
                    {factor.impact === 'raised' ? '▲' : factor.impact === 'lowered' ? '▼' : '•'}
                  </span>
                  <span>{factor.text}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}

        {explanation.reasons.length ? (
          <>
            <h3>{t('explanation.reasonsTitle')}</h3>
            <ul className="plain-list bullets">
              {explanation.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {explanation.whatCouldChange.length ? (
        <section className="card" aria-labelledby="change-title">
          <h2 id="change-title">{t('explanation.whatCouldChangeTitle')}</h2>
          <ul className="plain-list bullets">
            {explanation.whatCouldChange.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="card" aria-labelledby="rights-title">
        <h2 id="rights-title">{t('decision.rightsTitle')}</h2>
        <dl className="rights-list">
          {explanation.rights.map((right) => (
            <div key={right.right}>
              <dt>{t(RIGHT_TITLES[right.right])}</dt>
              <dd>{right.text}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title">{t('decision.details')}</h2>
        {explanation.details.map((line) => (
          <p key={line}>{line}</p>
        ))}
        <DecisionFacts decision={decision} />
        {explanation.coverageGaps.length ? <p className="muted small">{t('explanation.coverageGaps')}</p> : null}
      </section>
    </>
  );
}

function DecisionFacts({ decision }: { decision: DecisionDetail }) {
  const { t, formatDateTime } = useI18n();
  return (
    <dl className="details">
      <div>
        <dt>{t('decision.decidedAt')}</dt>
        <dd>
          <time dateTime={decision.decidedAt}>{formatDateTime(decision.decidedAt)}</time>
        </dd>
      </div>
      {decision.subject.policyId ? (
        <div>
          <dt>{t('decision.policy')}</dt>
          <dd>{decision.subject.policyId}</dd>
        </div>
      ) : null}
      {decision.subject.claimId ? (
        <div>
          <dt>{t('decision.claim')}</dt>
          <dd>{decision.subject.claimId}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('decision.model')}</dt>
        <dd>{t('decision.modelValue', { id: decision.model.id, version: decision.model.version })}</dd>
      </div>
      <div>
        <dt>{t('decision.legalBasis')}</dt>
        <dd>{t(`decision.legalBasis.${decision.legalBasis}`)}</dd>
      </div>
      <div>
        <dt>{t('decision.healthData')}</dt>
        <dd>
          {!decision.specialCategoryData
            ? t('decision.healthData.no')
            : decision.legalBasis === 'consent'
              ? t('decision.healthData.yesConsent')
              : t('decision.healthData.yes')}
        </dd>
      </div>
      <div>
        <dt>{t('decision.reference')}</dt>
        <dd className="mono">{decision.id}</dd>
      </div>
    </dl>
  );
}
