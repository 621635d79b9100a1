import { Link } from 'react-router';
import { ACTIVE_STATUSES, type DecisionDetail } from '@shared/schemas/case';
import { DecisionEvidence } from '../../../components/decision-evidence';
import { PageTitle } from '../../../components/page-title';
import { RestrictionNotice } from '../../../components/restriction-notice';
import { useI18n } from '../../../i18n';
import { OutcomeCards } from './outcome-cards';
import { CorrectionsList } from '../../../components/corrections-list';
import { RegisterObjectionForm } from './register-objection-form';

/** A decision as staff see it: who it is about, the evidence, its cases and the phone/post objection. */
export function StaffDecisionView({
  decision,
  canRegisterObjection,
  canReadMetrics,
}: {
  decision: DecisionDetail;
  canRegisterObjection: boolean;
  canReadMetrics: boolean;
}) {
  const { t, formatDate, formatDateTime } = useI18n();
  const activeObjection = decision.cases.find((c) => c.origin === 'objection' && ACTIVE_STATUSES.includes(c.status));
  const cases = [...decision.cases].sort((a, b) => b.openedAt.localeCompare(a.openedAt));

  return (
    <article className="decision">
      <PageTitle
        title={t('decision.title', { type: t(`decisionType.${decision.type}`) })}
        intro={
          <>
            {t('staffDecisions.member', { memberId: decision.subject.memberId })}
            {decision.subject.policyId ? ` · ${t('decision.policy')} ${decision.subject.policyId}` : ''}
            {' · '}
            <time dateTime={decision.decidedAt}>{t('decisions.decidedOn', { date: formatDateTime(decision.decidedAt) })}</time>
          </>
        }
      />
      {decision.erasedAt ? <p className="notice">{t('decision.erasedStaff', { date: formatDate(decision.erasedAt) })}</p> : null}

      {decision.supersedes ? (
        <p className="notice">
          {t('staffRectification.replaces')} <Link to={`/decisions/${decision.supersedes}`}>{decision.supersedes}</Link>
        </p>
      ) : null}
      {decision.supersededBy ? (
        <p className="notice">
          {t('staffRectification.replacedBy')} <Link to={`/decisions/${decision.supersededBy}`}>{decision.supersededBy}</Link>
        </p>
      ) : null}

      <OutcomeCards decision={decision} />
      <RestrictionNotice restriction={decision.restriction} audience="staff" />

      {decision.corrections.length ? (
        <section className="card" aria-labelledby="corrections-title">
          <h2 id="corrections-title">{t('corrections.reviewTitle')}</h2>
          <CorrectionsList corrections={decision.corrections} inputs={decision.inputs} headingId="corrections-title" />
        </section>
      ) : null}

      <section className="card" aria-labelledby="cases-title">
        <h2 id="cases-title">{t('staffDecisions.casesTitle')}</h2>
        {cases.length ? (
          <ul className="plain-list case-links">
            {cases.map((c) => (
              <li key={c.id}>
                <Link to={`/review/cases/${c.id}`}>{t(`caseOrigin.${c.origin}`)}</Link>{' '}
                <span className={`badge badge-status badge-${c.status}`}>{t(`caseStatus.${c.status}`)}</span>{' '}
                <span className="muted">{t('staffDecisions.caseReceived', { date: formatDate(c.receivedAt) })}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('staffDecisions.noCases')}</p>
        )}
      </section>

      {canRegisterObjection ? (
        activeObjection ? (
          <p className="notice">
            {t('register.alreadyOpen')} <Link to={`/review/cases/${activeObjection.id}`}>{t('register.openCase')}</Link>
          </p>
        ) : (
          <RegisterObjectionForm
            decisionId={decision.id}
            decidedAt={decision.decidedAt}
            inputs={decision.inputs}
            canRestrict={decision.type === 'renewal_price'}
          />
        )
      ) : null}

      <DecisionEvidence decision={decision} canReadMetrics={canReadMetrics} />
    </article>
  );
}
