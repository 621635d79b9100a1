import { useRef } from 'react';
import { Link, useParams } from 'react-router';
import { ACTIVE_STATUSES, type CaseDetail } from '@shared/schemas/case';
import { BackLink } from '../../../components/back-link';
import { useOutcomeWords } from '../../../components/outcome';
import { ErrorState, LoadingState, NotFoundState } from '../../../components/page-states';
import { PageTitle } from '../../../components/page-title';
import { RestrictionNotice } from '../../../components/restriction-notice';
import { ProblemMessage } from '../../../components/problem-message';
import { useI18n } from '../../../i18n';
import { isCaseId, useCase } from '../api/get-case';
import { useWithdrawCase } from '../api/withdraw-case';
import { useRestrictCase } from '../api/restrict-case';
import { CaseTimeline } from './case-timeline';
import { CorrectionsList } from '../../../components/corrections-list';
import { AddInformationSection } from './add-information-section';
import { CaseDocuments } from './case-documents';
import { DueDate } from './due-date';
import { OutcomeEntry } from './outcome-entry';

export function MemberCasePage({ userId }: { userId: string }) {
  const { t } = useI18n();
  const { id } = useParams();
  return (
    <>
      <BackLink to="/cases">{t('myCases.back')}</BackLink>
      {isCaseId(id) ? <MemberCaseLoader id={id} userId={userId} /> : <NotFoundState />}
    </>
  );
}

function MemberCaseLoader({ id, userId }: { id: string; userId: string }) {
  const detail = useCase(id);
  if (detail.isPending) return <LoadingState />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  return <MemberCaseView detail={detail.data} userId={userId} />;
}

function MemberCaseView({ detail, userId }: { detail: CaseDetail; userId: string }) {
  const { t, formatDate } = useI18n();
  const { case: c, decision, timeline } = detail;
  const active = ACTIVE_STATUSES.includes(c.status);
  const words = useOutcomeWords();
  const effective = words(decision, 'effective');

  return (
    <article>
      <PageTitle title={t('myCases.itemTitle', { type: t(`decisionType.${decision.type}`) })}>
        <ul className="badges title-badges">
          <li className={`badge badge-status badge-${c.status}`}>{t(`memberCaseStatus.${c.status}`)}</li>
        </ul>
      </PageTitle>

      <RestrictionNotice restriction={c.restriction} audience="member" />

      <div className="case-overview">
        <section className="card" aria-labelledby="case-status-title">
          <h2 id="case-status-title" tabIndex={-1}>
            {t('myCase.statusTitle')}
          </h2>
          <p className="lead">{t(`myCase.statusText.${c.status}`)}</p>
          <dl className="details">
            <div>
              <dt>{t('myCase.filed')}</dt>
              <dd>{formatDate(c.receivedAt)}</dd>
            </div>
            <div>
              <dt>{active ? t('myCase.answerBy') : t('myCase.closed')}</dt>
              <dd>
                <DueDate c={c} dateFirst />
              </dd>
            </div>
            {c.extension ? (
              <div>
                <dt>{t('myCase.extended')}</dt>
                <dd>{t('myCase.extendedText', { months: c.extension.months, reason: c.extension.reason })}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('myCase.decision')}</dt>
              <dd>
                <Link to={`/decisions/${decision.id}`}>{t('decision.title', { type: t(`decisionType.${decision.type}`) })}</Link>
              </dd>
            </div>
            <OutcomeEntry label={t('decision.effective')} words={effective} />
          </dl>
        </section>

        {c.status === 'resolved' && c.resolutionRationale ? (
          <section className="card answer" aria-labelledby="answer-title">
            <h2 id="answer-title">{c.resolution === 'overridden' ? t('myCase.answerChanged') : t('myCase.answerConfirmed')}</h2>
            <blockquote className="quote">{c.resolutionRationale}</blockquote>
          </section>
        ) : null}

        {c.origin === 'human_review' ? (
          // Opened because the member asked in advance (standing request, consent withdrawn): no statement of theirs.
          <section className="card" aria-labelledby="statement-title">
            <h2 id="statement-title">{t('humanReview.title')}</h2>
            <p>{decision.findings.some((f) => f.code === 'consent_withdrawn') ? t('humanReview.becauseConsent') : t('humanReview.becauseAsked')}</p>
          </section>
        ) : (
          <section className="card" aria-labelledby="statement-title">
            <h2 id="statement-title">{t('myCase.yourStatement')}</h2>
            {c.statement ? <blockquote className="quote">{c.statement}</blockquote> : null}
            {c.requestedOutcome ? (
              <p>
                <span className="muted">{t('myCase.youAskedFor')}</span> {c.requestedOutcome}
              </p>
            ) : null}
          </section>
        )}
      </div>

      {c.corrections?.length ? (
        <section className="card" aria-labelledby="my-corrections-title">
          <h2 id="my-corrections-title">{t('rectification.yourCorrections')}</h2>
          <CorrectionsList corrections={c.corrections} inputs={decision.inputs} headingId="my-corrections-title" />
        </section>
      ) : null}

      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('myCase.timeline')}</h2>
        <CaseTimeline entries={timeline} c={c} decisionType={decision.type} viewer={{ staff: false, userId }} />
      </section>

      {active ? <AddInformationSection caseId={c.id} timeline={timeline} /> : null}
      <CaseDocuments caseId={c.id} />

      {active && decision.type === 'renewal_price' && !c.restriction ? <RestrictSection caseId={c.id} version={c.version} /> : null}
      {/* Only an objection is the member's to withdraw; a review they asked for ends when they take the request back for the future. */}
      {active && c.origin === 'objection' ? <WithdrawSection caseId={c.id} version={c.version} /> : null}
    </article>
  );
}

/** Art. 18(1)(a): while the price is contested, the member may ask that it not be applied until the case is decided. */
function RestrictSection({ caseId, version }: { caseId: string; version: number }) {
  const { t } = useI18n();
  const restrict = useRestrictCase(caseId);
  return (
    <section className="card" aria-labelledby="restrict-title">
      <h2 id="restrict-title">{t('restriction.member.askTitle')}</h2>
      <p>{t('restriction.member.askText')}</p>
      {restrict.isError ? <ProblemMessage error={restrict.error} /> : null}
      <button type="button" className="button" disabled={restrict.isPending} onClick={() => restrict.mutate({ expectedVersion: version })}>
        {t('restriction.member.askButton')}
      </button>
    </section>
  );
}

/** Withdrawing ends the review for good, so it asks first, in a modal dialog (focus trapped, Esc cancels). */
function WithdrawSection({ caseId, version }: { caseId: string; version: number }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const ask = () => {
    dialog.current?.showModal();
    // The safe answer has focus, so an Enter pressed out of habit keeps the objection.
    keep.current?.focus();
  };
  // This section goes away with the case's new state: continue at the status, which now says so.
  const withdraw = useWithdrawCase(caseId, {
    onSuccess: () => requestAnimationFrame(() => document.getElementById('case-status-title')?.focus()),
  });

  return (
    <section className="card withdraw" aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{t('withdraw.title')}</h2>
      <p>{t('withdraw.text')}</p>
      {withdraw.isError ? <ProblemMessage error={withdraw.error} /> : null}
      <button type="button" className="button button-danger" onClick={ask}>
        {t('withdraw.button')}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby="withdraw-dialog-title" aria-describedby="withdraw-dialog-text">
        <h2 id="withdraw-dialog-title">{t('withdraw.confirmTitle')}</h2>
        <p id="withdraw-dialog-text">{t('withdraw.confirmText')}</p>
        <div className="form-actions">
          <button
            type="button"
            className="button button-danger-solid"
            disabled={withdraw.isPending}
            onClick={() => withdraw.mutate({ expectedVersion: version }, { onSettled: () => dialog.current?.close() })}
          >
            {withdraw.isPending ? t('withdraw.withdrawing') : t('withdraw.confirm')}
          </button>
          <button type="button" className="button" ref={keep} onClick={() => dialog.current?.close()}>
            {t('withdraw.keep')}
          </button>
        </div>
      </dialog>
    </section>
  );
}
