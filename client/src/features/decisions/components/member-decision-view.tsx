import { Link } from 'react-router';
import { ACTIVE_STATUSES, type Case, type DecisionDetail } from '@shared/schemas/case';
import { PageTitle } from '../../../components/page-title';
import { RestrictionNotice } from '../../../components/restriction-notice';
import { useI18n } from '../../../i18n';
import { ExplanationSection } from './explanation-section';
import { OutcomeCards } from './outcome-cards';
import { CorrectionsList } from '../../../components/corrections-list';
import { FavourableChange } from './favourable-change';
import { changedInMembersFavour } from '@shared/cases/contestable';

const isActive = (c: Case) => ACTIVE_STATUSES.includes(c.status);

/** The most recent objection: the one under review, else the last one answered or withdrawn. */
function latestObjection(cases: Case[]): Case | undefined {
  return [...cases].filter((c) => c.origin === 'objection').sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))[0];
}

export function MemberDecisionView({ decision }: { decision: DecisionDetail }) {
  const { t, formatDate } = useI18n();
  const typeName = t(`decisionType.${decision.type}`);
  const objection = latestObjection(decision.cases);
  const underReview = objection && isActive(objection) ? objection : undefined;
  const contested = decision.cases.some((c) => c.origin === 'objection' && c.status !== 'withdrawn');
  // A review by a person the member asked for in advance (their standing request, or consent withdrawn).
  const humanReview = decision.cases.find((c) => c.origin === 'human_review');

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

      {decision.erasedAt ? <p className="notice">{t('decision.erased', { date: formatDate(decision.erasedAt) })}</p> : null}

      {decision.supersedes ? (
        <p className="notice">
          {t('rectification.replaces')} <Link to={`/decisions/${decision.supersedes}`}>{t('rectification.openOld')}</Link>
        </p>
      ) : null}
      {decision.supersededBy ? (
        <p className="notice notice-success">
          {t('rectification.replacedBy')} <Link to={`/decisions/${decision.supersededBy}`}>{t('rectification.openNew')}</Link>
        </p>
      ) : null}

      <OutcomeCards decision={decision} />

      {decision.corrections.length ? (
        <section className="card" aria-labelledby="corrections-title">
          <h2 id="corrections-title">{t('rectification.title')}</h2>
          <CorrectionsList corrections={decision.corrections} inputs={decision.inputs} headingId="corrections-title" />
          {decision.corrections.some((c) => c.state === 'accepted') && !decision.supersededBy ? (
            <p className="muted">{t('rectification.awaitingNew')}</p>
          ) : null}
        </section>
      ) : null}
      <RestrictionNotice restriction={decision.restriction} audience="member" />

      {/* `restricted`: the server withholds the fraud indicators from the member while a case is open. */}
      {decision.restricted ? <p className="notice">{t('decision.fraudNote')}</p> : null}

      {objection ? <ObjectionStatus objection={objection} /> : null}
      {humanReview ? <HumanReviewStatus review={humanReview} consentWithdrawn={decision.findings.some((f) => f.code === 'consent_withdrawn')} /> : null}

      {/* The rule the server applies to an objection: nothing to contest once changed in the member's favour. */}
      {!underReview && changedInMembersFavour(decision) ? <FavourableChange decision={decision} /> : null}

      {!underReview && !changedInMembersFavour(decision) ? (
        <section className="card rights" aria-labelledby="contest-title">
          <div>
            <h2 id="contest-title">{objection ? t('decision.contestAgainTitle') : t('decision.contestTitle')}</h2>
            <p>{t('decision.rightsText')}</p>
          </div>
          <Link to={`/decisions/${decision.id}/contest`} className="button button-primary button-large">
            {t('decision.contest')}
          </Link>
        </section>
      ) : null}

      <ExplanationSection decision={decision} />
    </article>
  );
}

/** Where the member's objection stands, with the date they will have an answer by. */
function ObjectionStatus({ objection }: { objection: Case }) {
  const { t, formatDate } = useI18n();
  const active = isActive(objection);
  return (
    <section className={`card case-summary${active ? ' case-summary-active' : ''}`} aria-labelledby="objection-title">
      <h2 id="objection-title">{t('decision.yourObjection')}</h2>
      <p>
        {t('decision.objectionFiled', { date: formatDate(objection.receivedAt) })}{' '}
        <span className={`badge badge-status badge-${objection.status}`}>{t(`memberCaseStatus.${objection.status}`)}</span>
      </p>
      {active ? (
        <p>
          {t('decision.answerBy', { date: formatDate(objection.dueAt) })}
          {objection.extension ? ` ${t('decision.extendedBecause', { reason: objection.extension.reason })}` : ''}
        </p>
      ) : objection.resolutionRationale ? (
        <blockquote className="quote">{objection.resolutionRationale}</blockquote>
      ) : null}
      <p className="case-summary-link">
        <Link to={`/cases/${objection.id}`}>{t('decision.followCase')}</Link>
      </p>
    </section>
  );
}

/** A review by a person opened when the decision was recorded, because the member asked for one in advance. */
function HumanReviewStatus({ review, consentWithdrawn }: { review: Case; consentWithdrawn: boolean }) {
  const { t, formatDate } = useI18n();
  const active = isActive(review);
  return (
    <section className={`card case-summary${active ? ' case-summary-active' : ''}`} aria-labelledby="human-review-title">
      <h2 id="human-review-title">{t('humanReview.title')}</h2>
      <p>
        {consentWithdrawn ? t('humanReview.becauseConsent') : t('humanReview.becauseAsked')}{' '}
        <span className={`badge badge-status badge-${review.status}`}>{t(`memberCaseStatus.${review.status}`)}</span>
      </p>
      {active ? (
        <p>{t('decision.answerBy', { date: formatDate(review.dueAt) })}</p>
      ) : review.resolutionRationale ? (
        <blockquote className="quote">{review.resolutionRationale}</blockquote>
      ) : null}
      <p className="case-summary-link">
        <Link to={`/cases/${review.id}`}>{t('decision.followCase')}</Link>
      </p>
    </section>
  );
}
