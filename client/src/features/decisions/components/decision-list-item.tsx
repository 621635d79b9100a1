import { Link } from 'react-router';
import type { Decision } from '@shared/schemas/decision';
import { useI18n } from '../../../i18n';
import { useOutcomeWords } from '../../../components/outcome';

export interface DecisionListItemProps {
  decision: Decision;
  /** Whether the member has contested it (an objection under review or answered). */
  contested?: boolean;
  /** Staff lists say whom a decision is about; a member's own list does not need to. */
  showMember?: boolean;
  /** The renewal decision whose premium applies now (the newest of its policy). */
  inForce?: boolean;
}

export function DecisionListItem({ decision, contested = false, showMember = false, inForce = false }: DecisionListItemProps) {
  const { t, formatDate } = useI18n();
  const outcome = useOutcomeWords()(decision, 'effective');
  return (
    <li className="decision-item">
      <div className="decision-item-main">
        <h2 className="decision-item-title">
          <Link to={`/decisions/${decision.id}`} className="stretched-link">
            {t(`decisionType.${decision.type}`)}
          </Link>
        </h2>
        <p className={`decision-item-outcome tone-${outcome.tone}`}>{outcome.headline}</p>
        {outcome.detail ? <p className="decision-item-detail">{outcome.detail}</p> : null}
        <p className="decision-item-meta">
          {showMember ? (
            <>
              <span className="nowrap">{t('staffDecisions.member', { memberId: decision.subject.memberId })}</span>
              <span aria-hidden="true"> · </span>
            </>
          ) : null}
          <time dateTime={decision.decidedAt}>{t('decisions.decidedOn', { date: formatDate(decision.decidedAt) })}</time>
          {decision.subject.policyId ? (
            <>
              <span aria-hidden="true"> · </span>
              <span className="nowrap">
                {t('decision.policy')} {decision.subject.policyId}
              </span>
            </>
          ) : null}
        </p>
      </div>
      {contested || decision.overridden || inForce ? (
        <ul className="badges">
          {inForce ? <li className="badge badge-in-force">{t('decisions.inForce')}</li> : null}
          {contested ? <li className="badge badge-info">{t('decisions.contested')}</li> : null}
          {decision.overridden ? <li className="badge badge-success">{t('decisions.changedAfterReview')}</li> : null}
        </ul>
      ) : null}
      <span className="decision-item-chevron" aria-hidden="true">
        ›
      </span>
    </li>
  );
}
