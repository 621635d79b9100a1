import { useState, type FormEvent, type ReactNode } from 'react';
import { allowedActions, type Actor } from '@shared/cases/allowed-actions';
import { ACTIVE_STATUSES, ApproveCase, CommentOnCase, ExtendCase, isWorded, type CaseDetail } from '@shared/schemas/case';
import { ChoiceGroup, Field } from '../../../components/form-field';
import { useOutputWords, type OutputOf } from '../../../components/outcome';
import { ProblemMessage } from '../../../components/problem-message';
import { useI18n, type MessageKey, type Translate } from '../../../i18n';
import { isApiError } from '../../../lib/api-client';
import { maxLengthOf, minLengthOf } from '../../../lib/schema-limits';
import { useApproveCase } from '../api/approve-case';
import { useClaimCase } from '../api/claim-case';
import { useCommentOnCase } from '../api/comment-on-case';
import { useExtendCase } from '../api/extend-case';
import { useResolveCase } from '../api/resolve-case';
import { OverrideFields, readOverride, useAllowedRange } from './override-fields';

/** Mirrors the server's rules (ResolveCase, ApproveCase, ExtendCase) so the reader learns them before sending. */
const RATIONALE_MIN = minLengthOf(ApproveCase.shape.rationale);
const RATIONALE_MAX = maxLengthOf(ApproveCase.shape.rationale);
const COMMENT_MAX = maxLengthOf(CommentOnCase.shape.text);
const EXTEND_REASON_MIN = minLengthOf(ExtendCase.shape.reason);
const EXTEND_REASON_MAX = maxLengthOf(ExtendCase.shape.reason);

/** What is wrong with a rationale by the shared rule, or null. */
function rationaleError(rationale: string, t: Translate): string | null {
  if (rationale.length < RATIONALE_MIN) return t('actions.rationaleShort', { min: RATIONALE_MIN });
  return isWorded(rationale) ? null : t('actions.rationaleNotWords');
}

/**
 * A sample case is oversight the member never sees (of it they hear only a changed outcome), so
 * its texts never tell the reviewer that the member reads something or has been told.
 */
const isSample = (detail: CaseDetail) => detail.case.origin === 'sample';

interface ActionProps {
  detail: CaseDetail;
  reviewer: Actor;
  /** A 409: the case moved on under the reader; the page says so above the reloaded case. */
  onConflict: (error: unknown) => void;
  /** Announce what was done. */
  onDone: (message: MessageKey) => void;
}

/** Errors the page shows itself (a stale view); others are shown beside the form that failed. */
export const isConflict = (error: unknown) => isApiError(error) && error.status === 409 && error.code !== 'deadline_passed';

function InlineProblem({ error }: { error: unknown }) {
  return error && !isConflict(error) ? <ProblemMessage error={error} /> : null;
}

/** Every action a reviewer may take on this case now, by its state and who they are: the server's own rule (allowedActions). */
export function CaseActions(props: ActionProps) {
  const { t } = useI18n();
  const { case: c } = props.detail;
  const active = ACTIVE_STATUSES.includes(c.status);
  const allowed = allowedActions(c, props.reviewer, new Date());
  const claimable = allowed.includes('claim');
  const resolvable = allowed.includes('resolve');
  const extendable = allowed.includes('extend');

  if (!active) {
    return <p className="muted">{t('actions.closed')}</p>;
  }
  return (
    <div className="actions">
      {claimable ? <ClaimAction {...props} /> : null}
      {c.status === 'in_review' && !resolvable && c.assignee ? <p className="muted">{t('actions.assignedToOther')}</p> : null}
      {resolvable ? <ResolveAction {...props} /> : null}
      {c.status === 'pending_approval' ? <ApprovalAction {...props} /> : null}
      <CommentAction {...props} />
      {extendable ? <ExtendAction {...props} /> : null}
    </div>
  );
}

function ActionBox({ title, children, collapsible = false, id }: { title: string; children: ReactNode; collapsible?: boolean; id: string }) {
  if (collapsible) {
    return (
      <details className="action-box action-box-collapsible">
        <summary>
          <span id={id}>{title}</span>
        </summary>
        <div className="action-box-body">{children}</div>
      </details>
    );
  }
  return (
    <section className="action-box" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

function ClaimAction({ detail, onConflict, onDone }: ActionProps) {
  const { t } = useI18n();
  const claim = useClaimCase(detail.case.id, { onSuccess: () => onDone('actions.claimed'), onError: onConflict });
  return (
    <ActionBox title={t('actions.claimTitle')} id="action-claim">
      <p className="muted small">{t(isSample(detail) ? 'actions.claimTextSample' : 'actions.claimText')}</p>
      <InlineProblem error={claim.error} />
      <button
        type="button"
        className="button button-primary button-block"
        disabled={claim.isPending}
        onClick={() => claim.mutate({ expectedVersion: detail.case.version })}
      >
        {claim.isPending ? t('actions.claiming') : t('actions.claim')}
      </button>
    </ActionBox>
  );
}

function ResolveAction({ detail, onConflict, onDone }: ActionProps) {
  const { t } = useI18n();
  const resolve = useResolveCase(detail.case.id, {
    onSuccess: (result) =>
      onDone(
        result.case.status === 'pending_approval'
          ? 'actions.proposed'
          : result.case.resolution === 'overridden'
            ? 'actions.overridden'
            : isSample(detail)
              ? 'actions.confirmedSample'
              : 'actions.confirmed',
      ),
    onError: onConflict,
  });
  const allowed = useAllowedRange(detail.overrideRange);
  const [outcome, setOutcome] = useState<'confirm' | 'override' | ''>('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const rationale = String(form.get('rationale') ?? '').trim();
    const next: Record<string, string | undefined> = {};
    if (!outcome) next.outcome = t('actions.outcomeMissing');
    next.rationale = rationaleError(rationale, t) ?? undefined;
    let override: Record<string, unknown> | undefined;
    if (outcome === 'override') {
      const read = readOverride(detail.decision, form, t, allowed);
      if ('error' in read) next[read.field] = read.error;
      else override = read.override;
    }
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    const expectedVersion = detail.case.version;
    resolve.mutate(override ? { outcome: 'override', rationale, override, expectedVersion } : { outcome: 'confirm', rationale, expectedVersion });
  };

  return (
    <ActionBox title={t('actions.resolveTitle')} id="action-resolve">
      <InlineProblem error={resolve.error} />
      <form className="form form-compact" onSubmit={onSubmit} noValidate>
        <ChoiceGroup legend={t('actions.outcome')} error={errors.outcome}>
          <label className="choice">
            <input type="radio" name="outcome" value="confirm" checked={outcome === 'confirm'} onChange={() => setOutcome('confirm')} /> {t('actions.confirmOption')}
          </label>
          <label className="choice">
            <input type="radio" name="outcome" value="override" checked={outcome === 'override'} onChange={() => setOutcome('override')} /> {t('actions.overrideOption')}
          </label>
        </ChoiceGroup>
        {outcome === 'override' ? <OverrideFields decision={detail.decision} allowed={allowed} errors={errors} /> : null}
        <Field label={t('actions.rationale')} hint={t(isSample(detail) ? 'actions.rationaleHintSample' : 'actions.rationaleHint', { min: RATIONALE_MIN })} error={errors.rationale}>
          {({ id }, describedBy, invalid) => <textarea id={id} name="rationale" rows={4} maxLength={RATIONALE_MAX} aria-describedby={describedBy} aria-invalid={invalid} />}
        </Field>
        <button type="submit" className="button button-primary button-block" disabled={resolve.isPending}>
          {resolve.isPending ? t('actions.sending') : outcome === 'override' ? t('actions.proposeOverride') : t('actions.confirmDecision')}
        </button>
      </form>
    </ActionBox>
  );
}

function ApprovalAction({ detail, reviewer, onConflict, onDone }: ActionProps) {
  const { t } = useI18n();
  const approve = useApproveCase(detail.case.id, { onSuccess: (_, body) => onDone(body.approve ? 'actions.approved' : 'actions.rejected'), onError: onConflict });
  const words = useOutputWords();
  const [error, setError] = useState<string | null>(null);
  const proposal = detail.case.proposal;
  if (!proposal) return null;
  const proposedOutcome = words(detail.decision.type, { ...detail.decision.effectiveOutcome, ...proposal.override } as OutputOf<typeof detail.decision.type>);

  if (proposal.proposedBy === reviewer.id) {
    return (
      <ActionBox title={t('actions.approvalTitle')} id="action-approve">
        <p className="muted">{t('actions.ownProposal')}</p>
      </ActionBox>
    );
  }
  if (!allowedActions(detail.case, reviewer, new Date()).includes('approve')) {
    return (
      <ActionBox title={t('actions.approvalTitle')} id="action-approve">
        <p className="muted">{t('actions.waitingForApprover')}</p>
      </ActionBox>
    );
  }

  const decide = (approveIt: boolean, form: HTMLFormElement) => {
    const rationale = String(new FormData(form).get('rationale') ?? '').trim();
    const problem = rationaleError(rationale, t);
    if (problem) {
      setError(problem);
      form.querySelector('textarea')?.focus();
      return;
    }
    setError(null);
    approve.mutate({ approve: approveIt, rationale, expectedVersion: detail.case.version });
  };

  return (
    <ActionBox title={t('actions.approvalTitle')} id="action-approve">
      <p>
        {t('actions.approvalProposal')} <strong>{[proposedOutcome.headline, proposedOutcome.detail].filter(Boolean).join(' · ')}</strong>
      </p>
      <InlineProblem error={approve.error} />
      <form
        className="form form-compact"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          decide(true, event.currentTarget);
        }}
      >
        <Field label={t('actions.approvalRationale')} hint={t('actions.approvalHint', { min: RATIONALE_MIN })} error={error}>
          {({ id }, describedBy, invalid) => <textarea id={id} name="rationale" rows={3} maxLength={RATIONALE_MAX} aria-describedby={describedBy} aria-invalid={invalid} />}
        </Field>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={approve.isPending}>
            {t('actions.approve')}
          </button>
          <button type="button" className="button" disabled={approve.isPending} onClick={(event) => decide(false, event.currentTarget.form!)}>
            {t('actions.reject')}
          </button>
        </div>
      </form>
    </ActionBox>
  );
}

function CommentAction({ detail, onConflict, onDone }: ActionProps) {
  const { t } = useI18n();
  const [formKey, setFormKey] = useState(0);
  const comment = useCommentOnCase(detail.case.id, {
    onSuccess: (_, body) => {
      setFormKey((key) => key + 1); // a fresh, empty form for the next comment
      onDone(body.visibility === 'member' ? 'actions.messageSent' : 'actions.noteAdded');
    },
    onError: onConflict,
  });
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = String(form.get('text') ?? '').trim();
    if (!text) {
      setError(t('actions.commentMissing'));
      return;
    }
    setError(null);
    const visibility = form.get('visibility') === 'member' && !isSample(detail) ? 'member' : 'internal';
    comment.mutate({ text, visibility, expectedVersion: detail.case.version });
  };
  return (
    <ActionBox title={t('actions.commentTitle')} id="action-comment" collapsible>
      <InlineProblem error={comment.error} />
      <form className="form form-compact" onSubmit={onSubmit} noValidate key={formKey}>
        <Field label={t('actions.commentText')} error={error}>
          {({ id }, describedBy, invalid) => <textarea id={id} name="text" rows={3} maxLength={COMMENT_MAX} aria-describedby={describedBy} aria-invalid={invalid} />}
        </Field>
        {/* Nobody but staff reads a sample case: its comments are internal notes. */}
        {isSample(detail) ? null : (
          <ChoiceGroup legend={t('actions.visibility')}>
            <label className="choice">
              <input type="radio" name="visibility" value="internal" defaultChecked /> {t('actions.visibilityInternal')}
            </label>
            <label className="choice">
              <input type="radio" name="visibility" value="member" /> {t('actions.visibilityMember')}
            </label>
          </ChoiceGroup>
        )}
        <button type="submit" className="button button-block" disabled={comment.isPending}>
          {comment.isPending ? t('actions.sending') : t('actions.addComment')}
        </button>
      </form>
    </ActionBox>
  );
}

function ExtendAction({ detail, onConflict, onDone }: ActionProps) {
  const { t, formatDate } = useI18n();
  const extend = useExtendCase(detail.case.id, { onSuccess: () => onDone(isSample(detail) ? 'actions.extendedSample' : 'actions.extended'), onError: onConflict });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const months = Number(form.get('months'));
    const reason = String(form.get('reason') ?? '').trim();
    const next: Record<string, string | undefined> = {};
    if (months !== 1 && months !== 2) next.months = t('actions.monthsMissing');
    if (reason.length < EXTEND_REASON_MIN) next.reason = t('actions.reasonShort', { min: EXTEND_REASON_MIN });
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    extend.mutate({ months: months as 1 | 2, reason, expectedVersion: detail.case.version });
  };
  return (
    <ActionBox title={t('actions.extendTitle')} id="action-extend" collapsible>
      <p className="muted small">{t(isSample(detail) ? 'actions.extendTextSample' : 'actions.extendText', { date: formatDate(detail.case.originalDueAt) })}</p>
      <InlineProblem error={extend.error} />
      <form className="form form-compact" onSubmit={onSubmit} noValidate>
        <ChoiceGroup legend={t('actions.months')} error={errors.months}>
          <label className="choice">
            <input type="radio" name="months" value="1" /> {t('actions.oneMonth')}
          </label>
          <label className="choice">
            <input type="radio" name="months" value="2" /> {t('actions.twoMonths')}
          </label>
        </ChoiceGroup>
        <Field label={t('actions.reason')} hint={t('actions.reasonHint')} error={errors.reason}>
          {({ id }, describedBy, invalid) => <textarea id={id} name="reason" rows={3} maxLength={EXTEND_REASON_MAX} aria-describedby={describedBy} aria-invalid={invalid} />}
        </Field>
        <button type="submit" className="button button-block" disabled={extend.isPending}>
          {extend.isPending ? t('actions.sending') : t('actions.extend')}
        </button>
      </form>
    </ActionBox>
  );
}
