import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ACTIVE_STATUSES, NewObjection, type CaseDetail, type DecisionDetail } from '@shared/schemas/case';
import { BackLink } from '../../../components/back-link';
import { Field } from '../../../components/form/form-field';
import { lengthsOf, useSchemaForm } from '../../../components/form/use-schema-form';
import { useOutcomeWords } from '../../../components/outcome';
import { ErrorState, LoadingState, NotFoundState } from '../../../components/page-states';
import { contestable } from '@shared/cases/contestable';
import { FavourableChange } from './favourable-change';
import { PageTitle } from '../../../components/page-title';
import { ProblemMessage } from '../../../components/problem-message';
import { oneMonthAfter, useI18n, useT } from '../../../i18n';
import { isApiError } from '../../../lib/api-client';
import { useFileObjection } from '../api/file-objection';
import { isDecisionId, useDecision } from '../api/get-decision';
import { CorrectionClaims, correctionsFrom, type CorrectionDrafts } from './correction-claims';

/** What a member sends: why they disagree and, if they like, what they ask for (the date and channel are the portal's). */
const MemberObjection = NewObjection.pick({ statement: true, requestedOutcome: true });
const statementMax = lengthsOf(NewObjection.shape.statement).max;

/** The member's objection: why they disagree, what they ask for, and when they will hear back. */
export function ContestDecisionPage() {
  const t = useT();
  const { id } = useParams();
  return (
    <>
      <BackLink to={`/decisions/${id ?? ''}`}>{t('contest.back')}</BackLink>
      {isDecisionId(id) ? <ContestLoader id={id} /> : <NotFoundState />}
    </>
  );
}

function ContestLoader({ id }: { id: string }) {
  const decision = useDecision(id);
  const [filed, setFiled] = useState<CaseDetail | null>(null);
  if (filed) return <ObjectionReceived detail={filed} />;
  if (decision.isPending) return <LoadingState />;
  if (decision.isError) return <ErrorState error={decision.error} onRetry={() => void decision.refetch()} />;
  return <ContestForm decision={decision.data} onFiled={setFiled} />;
}

function ContestForm({ decision, onFiled }: { decision: DecisionDetail; onFiled: (detail: CaseDetail) => void }) {
  const { t, formatDate } = useI18n();
  const words = useOutcomeWords()(decision, 'effective');
  const file = useFileObjection(decision.id, onFiled);
  const form = useSchemaForm(MemberObjection, {
    defaultValues: { statement: '', requestedOutcome: '' },
    messages: { statement: 'contest.statementMissing' },
    serverError: file.error,
  });
  const statement = form.watch('statement');
  // Art. 18(1)(a): only a price can be held while it is contested.
  const [restrict, setRestrict] = useState(false);
  const canRestrict = decision.type === 'renewal_price';
  const [expected] = useState(() => oneMonthAfter(new Date()).toISOString());
  const [drafts, setDrafts] = useState<CorrectionDrafts>({});
  const [missing, setMissing] = useState<string[]>([]);
  const open = decision.cases.find((c) => c.origin === 'objection' && ACTIVE_STATUSES.includes(c.status));
  const title = t('contest.title');

  if (open) {
    return (
      <>
        <PageTitle title={title} />
        <div className="notice">
          <p>{t('contest.alreadyOpen', { date: formatDate(open.dueAt) })}</p>
          <Link to={`/cases/${open.id}`}>{t('decision.followCase')}</Link>
        </div>
      </>
    );
  }

  // Typed in by hand: the same rule as the server's 409, said before the member writes anything.
  if (!contestable(decision)) {
    return (
      <>
        <PageTitle title={title} />
        <FavourableChange decision={decision} />
        <Link to={`/decisions/${decision.id}`}>{t('contest.back')}</Link>
      </>
    );
  }

  // An empty wish is no wish: the request leaves it out.
  // Corrections (GDPR Art. 16): each chosen input needs the right value and a reason.
  const onSubmit = form.handleSubmit(({ statement, requestedOutcome }) => {
    const { claims, missing: incomplete } = correctionsFrom(drafts, decision.inputs);
    setMissing(incomplete);
    if (incomplete.length) return;
    file.mutate({
      statement,
      ...(requestedOutcome ? { requestedOutcome } : {}),
      ...(claims.length ? { corrections: claims } : {}),
      ...(canRestrict && restrict ? { restrict: true } : {}),
    });
  });

  const caseId = isApiError(file.error) ? file.error.extra('caseId') : undefined;

  return (
    <>
      <PageTitle title={title} intro={t('contest.intro')} />
      <div className="contest-layout">
        <section className="card">
          <p className="contest-about">
            <span className="muted">{t('contest.about', { type: t(`decisionType.${decision.type}`), date: formatDate(decision.decidedAt) })}</span>
            <br />
            <strong className={`tone-${words.tone}`}>{words.headline}</strong>
          </p>
          {file.isError ? (
            <ProblemMessage error={file.error}>
              {typeof caseId === 'string' ? (
                <p>
                  <Link to={`/cases/${caseId}`}>{t('decision.followCase')}</Link>
                </p>
              ) : null}
            </ProblemMessage>
          ) : null}
          <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
            <Field label={t('contest.statement')} hint={t('contest.statementHint')} error={form.errorOf('statement')}>
              {(ids, describedBy, invalid) => (
                <>
                  <textarea
                    id={ids.id}
                    rows={7}
                    {...form.textProps('statement')}
                    aria-describedby={[describedBy, `${ids.id}-count`].filter(Boolean).join(' ')}
                    aria-invalid={invalid}
                    required
                  />
                  <p className="field-count" id={`${ids.id}-count`}>
                    {t('contest.characters', { count: statement.length, max: statementMax ?? 0 })}
                  </p>
                </>
              )}
            </Field>
            <Field label={t('contest.requestedOutcome')} optional={t('form.optional')} hint={t(`contest.requestedHint.${decision.type}`)}>
              {({ id }, describedBy) => <textarea id={id} rows={2} {...form.textProps('requestedOutcome')} aria-describedby={describedBy} />}
            </Field>
            <CorrectionClaims inputs={decision.inputs} drafts={drafts} missing={missing} onChange={setDrafts} />
            {canRestrict ? (
              <div className="field">
                <label className="choice">
                  <input type="checkbox" checked={restrict} onChange={(event) => setRestrict(event.target.checked)} aria-describedby="restrict-hint" />{' '}
                  {t('restriction.member.checkbox')}
                </label>
                <p className="field-hint" id="restrict-hint">
                  {t('restriction.member.checkboxHint')}
                </p>
              </div>
            ) : null}
            <div className="deadline-box">
              <h2>{t('contest.whenTitle')}</h2>
              <p>{t('contest.when', { date: formatDate(expected) })}</p>
              <p className="muted small">{t('contest.whenExtension')}</p>
            </div>
            <div className="form-actions">
              <button type="submit" className="button button-primary button-large" disabled={file.isPending}>
                {file.isPending ? t('contest.submitting') : t('contest.submit')}
              </button>
              <Link to={`/decisions/${decision.id}`} className="button button-quiet-link">
                {t('contest.cancel')}
              </Link>
            </div>
          </form>
        </section>
      </div>
    </>
  );
}

/** The confirmation, with the deadline the server set: that date, not our estimate, is the promise. */
function ObjectionReceived({ detail }: { detail: CaseDetail }) {
  const { t, formatDate } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <>
      <PageTitle title={t('contest.receivedTitle')} />
      <section className="card confirmation" aria-labelledby="received-heading">
        <h2 id="received-heading" tabIndex={-1} ref={heading}>
          {t('contest.receivedHeading')}
        </h2>
        <p>{t('contest.receivedText', { date: formatDate(detail.case.receivedAt) })}</p>
        <p className="deadline">
          {t('contest.receivedDue')} <strong>{formatDate(detail.case.dueAt)}</strong>
        </p>
        {detail.case.restriction ? <p>{t('restriction.member.received')}</p> : null}
        <p className="muted">{t('contest.receivedNext')}</p>
        <div className="form-actions">
          <Link to={`/cases/${detail.case.id}`} className="button button-primary">
            {t('decision.followCase')}
          </Link>
          <Link to={`/decisions/${detail.decision.id}`} className="button">
            {t('contest.back')}
          </Link>
        </div>
      </section>
    </>
  );
}
