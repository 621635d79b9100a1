import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CaseDetail } from '@shared/schemas/case';
import { BackLink } from '../../../components/back-link';
import { DecisionEvidence } from '../../../components/decision-evidence';
import { useOutcomeWords, useOutputWords, type OutputOf } from '../../../components/outcome';
import { ErrorState, LoadingState, NotFoundState } from '../../../components/page-states';
import { PageTitle } from '../../../components/page-title';
import { RestrictionNotice } from '../../../components/restriction-notice';
import { useI18n, type MessageKey } from '../../../i18n';
import { isCaseId, useCase } from '../api/get-case';
import { allowedActions, type Actor } from '@shared/cases/allowed-actions';
import { useColleagueName } from '../api/list-colleagues';
import { AssignAction } from './assign-action';
import { CaseNav } from './case-nav';
import { RejectionNotice } from './rejection-notice';
import { CaseActions, isConflict } from './case-actions';
import { CaseTimeline } from './case-timeline';
import { CorrectionsReview } from './corrections-review';
import { CaseDocuments } from './case-documents';
import { RequestInformationForm } from './request-information-form';
import { DisclosuresSection } from './disclosures-section';
import { DueDate } from './due-date';
import { OutcomeEntry, OutcomeText } from './outcome-entry';

export interface CasePageProps {
  /** Who reads: which actions the case allows them follows from their roles and scopes. */
  user: Actor;
  /** Reviewers act; governance reads the same page without the actions. */
  canAct: boolean;
  canReadMetrics: boolean;
}

export function CasePage(props: CasePageProps) {
  const { t } = useI18n();
  const { id } = useParams();
  return (
    <>
      {/* Governance reads cases without a queue of its own. */}
      {props.canAct && !isCaseId(id) ? <BackLink to="/review">{t('casePage.back')}</BackLink> : null}
      {isCaseId(id) ? <CaseLoader id={id} {...props} /> : <NotFoundState />}
    </>
  );
}

function CaseLoader({ id, ...props }: { id: string } & CasePageProps) {
  const detail = useCase(id);
  // Keep showing the case while it reloads after a conflict; only the first load shows a spinner.
  if (detail.isPending) return <LoadingState />;
  if (detail.isError && !detail.data) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  return <CaseView detail={detail.data!} reloading={detail.isFetching} {...props} />;
}

function CaseView({ detail, reloading, user, canAct, canReadMetrics }: { detail: CaseDetail; reloading: boolean } & CasePageProps) {
  const { t, formatDate, formatDateTime } = useI18n();
  const { case: c, decision, timeline } = detail;
  const [conflict, setConflict] = useState(false);
  const [done, setDone] = useState<MessageKey | null>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const userId = user.id;
  const words = useOutcomeWords();
  const outputWords = useOutputWords();
  const original = words(decision, 'original');
  const effective = words(decision, 'effective');
  const proposed = c.proposal?.override
    ? outputWords(decision.type, { ...decision.effectiveOutcome, ...c.proposal.override } as OutputOf<typeof decision.type>)
    : null;
  const origin = c.origin === 'objection' ? t(`channel.objectionBy.${c.channel ?? 'portal'}`) : t(`caseOrigin.${c.origin}`);
  const nameOf = useColleagueName();
  const canAssign = canAct && allowedActions(c, user, new Date()).includes('assign');
  // Corrections are answered by whoever may resolve the case (the server's rule too).
  const canDecideCorrections = canAct && allowedActions(c, user, new Date()).includes('resolve');

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const onConflict = (error: unknown) => {
    if (isConflict(error)) {
      setDone(null);
      setConflict(true);
    }
  };
  const onDone = (message: MessageKey) => {
    setConflict(false);
    setDone(message);
  };

  return (
    <article className="case-page">
      {canAct ? <CaseNav c={c} scopes={user.scopes} /> : null}
      <PageTitle title={t('casePage.title', { type: t(`decisionType.${decision.type}`), origin })}>
        <ul className="badges title-badges">
          <li className={`badge badge-status badge-${c.status}`}>{t(`caseStatus.${c.status}`)}</li>
          {c.resolution ? <li className="badge badge-neutral">{t(`resolution.${c.resolution}`)}</li> : null}
        </ul>
      </PageTitle>

      {conflict ? (
        <div className="notice notice-warning conflict" role="alert" tabIndex={-1} ref={conflictRef}>
          <p>
            <strong>{t('problem.versionConflictTitle')}</strong>
          </p>
          <p>{reloading ? t('casePage.reloading') : t('casePage.reloaded', { status: t(`caseStatus.${c.status}`) })}</p>
        </div>
      ) : null}
      <RestrictionNotice restriction={c.restriction} audience="staff" />
      <RejectionNotice detail={detail} userId={userId} nameOf={nameOf} />
      {/* Always in the page, so that what was done is announced when it appears. */}
      <div role="status">{done ? <p className="notice notice-success">{t(done)}</p> : null}</div>

      <div className="case-layout">
        <div className="case-main">
          <section className="card" aria-labelledby="statement-title">
            <h2 id="statement-title">
              {c.origin === 'sample' ? t('casePage.sampleTitle') : c.origin === 'human_review' ? t('casePage.humanReviewTitle') : t('casePage.statementTitle')}
            </h2>
            {c.origin === 'sample' ? (
              <p>{t('casePage.sampleText')}</p>
            ) : c.origin === 'human_review' ? (
              <HumanReviewReasons detail={detail} />
            ) : (
              <>
                {c.statement ? <blockquote className="quote quote-large">{c.statement}</blockquote> : null}
                {c.requestedOutcome ? (
                  <p>
                    <span className="muted">{t('casePage.requested')}</span> {c.requestedOutcome}
                  </p>
                ) : (
                  <p className="muted">{t('casePage.noRequested')}</p>
                )}
                <p className="muted small">
                  {t('casePage.receivedVia', { date: formatDateTime(c.receivedAt), channel: t(`channel.${c.channel ?? 'portal'}`) })}
                </p>
              </>
            )}
          </section>

          <CorrectionsReview detail={detail} canDecide={canDecideCorrections} onConflict={onConflict} />

          <section className="card" aria-labelledby="outcome-title">
            <h2 id="outcome-title">{t('casePage.outcomeTitle')}</h2>
            <dl className="details">
              <OutcomeEntry label={t('decision.original')} words={original} />
              <OutcomeEntry label={t('decision.effective')} words={effective} />
              {proposed && c.status === 'pending_approval' ? (
                <div>
                  <dt>{t('casePage.proposed')}</dt>
                  <dd>
                    <OutcomeText words={proposed} />
                    <br />
                    <span className="muted small">
                      {t('casePage.proposedBy', {
                        who: c.proposal!.proposedBy === userId ? t('actor.you') : (nameOf(c.proposal!.proposedBy) ?? t('actor.reviewer')),
                        date: formatDateTime(c.proposal!.proposedAt),
                      })}
                    </span>
                    <blockquote className="quote">{c.proposal!.rationale}</blockquote>
                  </dd>
                </div>
              ) : null}
              {c.resolutionRationale ? (
                <div>
                  <dt>{t('casePage.resolutionRationale')}</dt>
                  <dd>
                    <blockquote className="quote">{c.resolutionRationale}</blockquote>
                  </dd>
                </div>
              ) : null}
            </dl>
          </section>

          <DecisionEvidence decision={decision} canReadMetrics={canReadMetrics} />

          <section className="card" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('casePage.timeline')}</h2>
            <CaseTimeline entries={timeline} c={c} decisionType={decision.type} viewer={{ staff: true, userId, nameOf }} />
          </section>
          {c.origin === 'objection' ? <CaseDocuments caseId={c.id} /> : null}
        </div>

        <aside className="case-aside" aria-label={t('casePage.asideLabel')}>
          <section className="card" aria-labelledby="facts-title">
            <h2 id="facts-title">{t('casePage.factsTitle')}</h2>
            <dl className="facts">
              <div>
                <dt>{c.origin === 'sample' ? t('queue.internalDueLabel') : t('casePage.due')}</dt>
                <dd>
                  <DueDate c={c} />
                </dd>
              </div>
              {c.extension ? (
                <div>
                  <dt>{t('casePage.extension')}</dt>
                  <dd>
                    {t('casePage.extensionText', { months: c.extension.months, date: formatDate(c.originalDueAt) })}
                    <br />
                    <span className="muted">{c.extension.reason}</span>
                  </dd>
                </div>
              ) : null}
              <div>
                <dt>{t('casePage.assignee')}</dt>
                <dd>
                  {c.assignee
                    ? c.assignee === userId
                      ? t('caseQueue.assignedToYou')
                      : (nameOf(c.assignee) ?? t('caseQueue.assignedToOther'))
                    : t('caseQueue.unassigned')}
                </dd>
              </div>
              <div>
                <dt>{t('casePage.received')}</dt>
                <dd>{formatDate(c.receivedAt)}</dd>
              </div>
              <div>
                <dt>{t('casePage.member')}</dt>
                <dd>{decision.subject.memberId}</dd>
              </div>
              {detail.memberContact ? (
                <div>
                  <dt>{t('casePage.memberContact')}</dt>
                  {/* Post means a person must send the letters the law requires: said where the reviewer cannot miss it. */}
                  <dd className={detail.memberContact === 'post' ? 'notice notice-warning' : undefined}>
                    {detail.memberContact === 'post' ? t('casePage.memberContactPost') : t('casePage.memberContactEmail')}
                  </dd>
                </div>
              ) : null}
              <div>
                <dt>{t('casePage.decision')}</dt>
                <dd>
                  <Link to={`/decisions/${decision.id}`}>{t('casePage.openDecision')}</Link>
                </dd>
              </div>
              <div>
                <dt>{t('casePage.reference')}</dt>
                <dd className="mono small">
                  {c.id} · v{c.version}
                </dd>
              </div>
            </dl>
          </section>
          {canAct ? (
            <section className="card" aria-labelledby="actions-title">
              <h2 id="actions-title">{t('casePage.actionsTitle')}</h2>
              <CaseActions detail={detail} reviewer={user} onConflict={onConflict} onDone={onDone} />
              {canAssign ? <AssignAction detail={detail} userId={userId} onConflict={onConflict} onDone={onDone} /> : null}
            </section>
          ) : null}
          {canAct && allowedActions(c, user, new Date()).includes('requestInformation') ? (
            <RequestInformationForm detail={detail} onConflict={onConflict} />
          ) : null}
          {decision.type === 'fraud_flag' ? <DisclosuresSection detail={detail} user={user} canAct={canAct} /> : null}
        </aside>
      </div>
    </article>
  );
}

/** Why a person must review this decision: the member asked in advance, or withdrew the consent it rests on (issue 18). */
function HumanReviewReasons({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const opened = detail.timeline.find((e) => e.action === 'human_review_opened');
  const reasons = (opened?.data.reasons as string[] | undefined) ?? [];
  const finding = detail.decision.findings.find((f) => f.code === 'consent_withdrawn');
  return (
    <>
      <p>{t('casePage.humanReviewText')}</p>
      <ul className="plain-list bullets">
        {reasons.includes('standing_request') ? <li>{t('casePage.humanReviewBecauseAsked')}</li> : null}
        {reasons.includes('consent_withdrawn') ? <li>{t('casePage.humanReviewBecauseConsent')}</li> : null}
      </ul>
      {finding ? (
        <p className="notice">
          <strong>{t('casePage.findingLabel')}</strong> {finding.message}
        </p>
      ) : null}
    </>
  );
}
