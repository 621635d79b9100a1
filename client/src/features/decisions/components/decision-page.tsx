import { Link, useParams } from 'react-router';
import type { DecisionDetail } from '@shared/schemas/case';
import { ErrorState, LoadingState, NotFoundState } from '../../../components/page-states';
import { PageTitle } from '../../../components/page-title';
import { useI18n } from '../../../i18n';
import { isDecisionId, useDecision } from '../api/get-decision';
import { useOutcomeWords, type OutcomeWords } from './outcome';

export interface DecisionPageProps {
  /**
   * The member's own view: a way back to their list and the contest button. Staff see the same
   * decision without them (they register objections from a case instead).
   */
  memberView: boolean;
}

export function DecisionPage({ memberView }: DecisionPageProps) {
  const { id } = useParams();
  const { t } = useI18n();
  return (
    <>
      {memberView ? (
        <p className="back-link">
          <Link to="/decisions">
            <span aria-hidden="true">← </span>
            {t('decision.backToList')}
          </Link>
        </p>
      ) : null}
      {isDecisionId(id) ? <DecisionLoader id={id} canContest={memberView} /> : <NotFoundState />}
    </>
  );
}

function DecisionLoader({ id, canContest }: { id: string; canContest: boolean }) {
  const decision = useDecision(id);
  if (decision.isPending) return <LoadingState />;
  if (decision.isError) return <ErrorState error={decision.error} onRetry={() => void decision.refetch()} />;
  return <DecisionView decision={decision.data} canContest={canContest} />;
}

function OutcomeCard({ title, outcome, note, current }: { title: string; outcome: OutcomeWords; note: string; current?: boolean }) {
  return (
    <section className={`card outcome-card${current ? ' outcome-card-current' : ''}`}>
      <h2 className="outcome-card-title">{title}</h2>
      <p className={`outcome-headline tone-${outcome.tone}`}>{outcome.headline}</p>
      {outcome.detail ? <p className="outcome-detail">{outcome.detail}</p> : null}
      <p className="outcome-note">{note}</p>
    </section>
  );
}

function DecisionView({ decision, canContest }: { decision: DecisionDetail; canContest: boolean }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const words = useOutcomeWords();
  const typeName = t(`decisionType.${decision.type}`);
  const contested = decision.cases.some((c) => c.origin === 'objection' && c.status !== 'withdrawn');

  return (
    <article className="decision">
      <PageTitle
        title={t('decision.title', { type: typeName })}
        intro={<time dateTime={decision.decidedAt}>{t('decisions.decidedOn', { date: formatDate(decision.decidedAt) })}</time>}
      >
        {contested || decision.overridden ? (
          <ul className="badges title-badges">
            {contested ? <li className="badge badge-info">{t('decisions.contested')}</li> : null}
            {decision.overridden ? <li className="badge badge-success">{t('decisions.changedAfterReview')}</li> : null}
          </ul>
        ) : null}
      </PageTitle>

      <div className="outcome-grid">
        <OutcomeCard title={t('decision.original')} outcome={words(decision, 'original')} note={t('decision.originalHint')} />
        <OutcomeCard
          title={t('decision.effective')}
          outcome={words(decision, 'effective')}
          note={decision.overridden ? t('decision.effectiveChanged') : t('decision.effectiveSame')}
          current
        />
      </div>

      {/* `restricted`: the server withholds the fraud indicators from the member while a case is open. */}
      {decision.type === 'fraud_flag' && (decision.restricted ?? decision.effectiveOutcome.flagged) ? (
        <p className="notice notice-info">{t('decision.fraudNote')}</p>
      ) : null}

      {canContest ? (
        <section className="card rights" aria-labelledby="rights-title">
          <div>
            <h2 id="rights-title">{t('decision.rightsTitle')}</h2>
            <p>{t('decision.rightsText')}</p>
          </div>
          <Link to={`/decisions/${decision.id}/contest`} className="button button-primary button-large">
            {t('decision.contest')}
          </Link>
        </section>
      ) : null}

      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title">{t('decision.details')}</h2>
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
      </section>
    </article>
  );
}
