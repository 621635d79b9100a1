import type { ReactNode } from 'react';
import { z } from 'zod';
import { allowedActions, type Actor } from '@shared/cases/allowed-actions';
import { ACTIVE_STATUSES, ApproveCase, CommentOnCase, ExtendCase, Rationale, ResolutionOutcome, type CaseDetail } from '@shared/schemas/case';
import { ChoiceGroup, Field } from '../../../components/form/form-field';
import { useSchemaForm, type FieldMessages } from '../../../components/form/use-schema-form';
import { useOutputWords, type OutputOf } from '../../../components/outcome';
import { ProblemMessage } from '../../../components/problem-message';
import { useI18n, type MessageKey, type Translate } from '../../../i18n';
import { isApiError } from '../../../lib/api-client';
import { useApproveCase } from '../api/approve-case';
import { useClaimCase } from '../api/claim-case';
import { useCommentOnCase } from '../api/comment-on-case';
import { useExtendCase } from '../api/extend-case';
import { useResolveCase } from '../api/resolve-case';
import { OverrideFields, OverrideInputs, overrideDefaults, readOverride, useAllowedRange, type AllowedRange } from './override-fields';

/*
 * The forms are checked by the server's own request schemas (ResolveCase, ApproveCase, CommentOnCase,
 * ExtendCase), so the reader learns their rules before sending; only the fields the form types
 * differently from the wire body (radio values as text, the override as typed) are its own.
 */

/** A rationale too short is told only that (the shared schema stops there); a long one that is not words, that. */
const rationaleMessages: FieldMessages = { too_small: 'actions.rationaleShort', custom: 'actions.rationaleNotWords' };

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
  const form = useSchemaForm(resolveForm(detail, allowed, t), {
    defaultValues: overrideDefaults(detail.decision),
    messages: { outcome: 'actions.outcomeMissing', rationale: rationaleMessages },
    serverError: resolve.error,
  });
  const outcome = form.watch('outcome');
  const flagged = form.watch('flagged');

  const onSubmit = form.handleSubmit(({ outcome, rationale, ...typed }) => {
    const read = outcome === 'override' ? readOverride(detail.decision, typed, t, allowed) : null;
    const override = read && 'override' in read ? read.override : undefined;
    const expectedVersion = detail.case.version;
    if (outcome === 'confirm') return resolve.mutate({ outcome, rationale, expectedVersion });
    // The resolver refuses an override it cannot read, so one always has its new outcome here.
    if (override) resolve.mutate({ outcome, rationale, override, expectedVersion });
  });

  return (
    <ActionBox title={t('actions.resolveTitle')} id="action-resolve">
      <InlineProblem error={resolve.error} />
      <form className="form form-compact" onSubmit={(event) => void onSubmit(event)} noValidate>
        <ChoiceGroup legend={t('actions.outcome')} error={form.errorOf('outcome')}>
          <label className="choice">
            <input type="radio" {...form.register('outcome')} value="confirm" /> {t('actions.confirmOption')}
          </label>
          <label className="choice">
            <input type="radio" {...form.register('outcome')} value="override" /> {t('actions.overrideOption')}
          </label>
        </ChoiceGroup>
        {outcome === 'override' ? (
          <OverrideFields decision={detail.decision} allowed={allowed} form={{ register: form.register, errorOf: form.errorOf, flagged }} />
        ) : null}
        <Field
          label={t('actions.rationale')}
          hint={t(isSample(detail) ? 'actions.rationaleHintSample' : 'actions.rationaleHint', form.limitsOf('rationale'))}
          error={form.errorOf('rationale')}
        >
          {({ id }, describedBy, invalid) => (
            <textarea id={id} rows={4} {...form.textProps('rationale')} aria-describedby={describedBy} aria-invalid={invalid} />
          )}
        </Field>
        <button type="submit" className="button button-primary button-block" disabled={resolve.isPending}>
          {resolve.isPending ? t('actions.sending') : outcome === 'override' ? t('actions.proposeOverride') : t('actions.confirmDecision')}
        </button>
      </form>
    </ActionBox>
  );
}

/**
 * ResolveCase as the reader fills it in: the outcome and rationale by the shared rules, the override
 * typed as text and checked against this decision (a change, inside the policy's range). That
 * check runs even when another field is wrong, so the reader sees every problem at once.
 */
function resolveForm(detail: CaseDetail, allowed: AllowedRange | null, t: Translate) {
  return z.object({ outcome: ResolutionOutcome, rationale: Rationale, ...OverrideInputs }).superRefine(
    (values, ctx) => {
      if (values.outcome !== 'override') return;
      const read = readOverride(detail.decision, values, t, allowed);
      if ('error' in read) ctx.addIssue({ code: 'custom', path: [read.field], message: read.error });
    },
    { when: () => true },
  );
}

function ApprovalAction({ detail, reviewer, onConflict, onDone }: ActionProps) {
  const { t } = useI18n();
  const approve = useApproveCase(detail.case.id, {
    onSuccess: (_, body) => onDone(body.approve ? 'actions.approved' : 'actions.rejected'),
    onError: onConflict,
  });
  const words = useOutputWords();
  const form = useSchemaForm(ApproveCase.pick({ rationale: true }), {
    defaultValues: { rationale: '' },
    messages: { rationale: rationaleMessages },
    serverError: approve.error,
  });
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

  const decide = (approveIt: boolean) =>
    form.handleSubmit(({ rationale }) => approve.mutate({ approve: approveIt, rationale, expectedVersion: detail.case.version }));

  return (
    <ActionBox title={t('actions.approvalTitle')} id="action-approve">
      <p>
        {t('actions.approvalProposal')} <strong>{[proposedOutcome.headline, proposedOutcome.detail].filter(Boolean).join(' · ')}</strong>
      </p>
      <InlineProblem error={approve.error} />
      <form className="form form-compact" noValidate onSubmit={(event) => void decide(true)(event)}>
        <Field label={t('actions.approvalRationale')} hint={t('actions.approvalHint', form.limitsOf('rationale'))} error={form.errorOf('rationale')}>
          {({ id }, describedBy, invalid) => (
            <textarea id={id} rows={3} {...form.textProps('rationale')} aria-describedby={describedBy} aria-invalid={invalid} />
          )}
        </Field>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={approve.isPending}>
            {t('actions.approve')}
          </button>
          <button type="button" className="button" disabled={approve.isPending} onClick={() => void decide(false)()}>
            {t('actions.reject')}
          </button>
        </div>
      </form>
    </ActionBox>
  );
}

/** A comment as typed: its visibility a radio value, kept internal on a sample case (no radios there). */
const CommentForm = CommentOnCase.pick({ text: true, visibility: true });

function CommentAction({ detail, onConflict, onDone }: ActionProps) {
  const { t } = useI18n();
  const comment = useCommentOnCase(detail.case.id, {
    onSuccess: (_, body) => {
      form.reset(); // a fresh, empty form for the next comment
      onDone(body.visibility === 'member' ? 'actions.messageSent' : 'actions.noteAdded');
    },
    onError: onConflict,
  });
  const form = useSchemaForm(CommentForm, {
    defaultValues: { text: '', visibility: 'internal' },
    messages: { text: 'actions.commentMissing' },
    serverError: comment.error,
  });
  const onSubmit = form.handleSubmit(({ text, visibility }) =>
    comment.mutate({ text, visibility: visibility === 'member' && !isSample(detail) ? 'member' : 'internal', expectedVersion: detail.case.version }),
  );
  return (
    <ActionBox title={t('actions.commentTitle')} id="action-comment" collapsible>
      <InlineProblem error={comment.error} />
      <form className="form form-compact" onSubmit={(event) => void onSubmit(event)} noValidate>
        <Field label={t('actions.commentText')} error={form.errorOf('text')}>
          {({ id }, describedBy, invalid) => <textarea id={id} rows={3} {...form.textProps('text')} aria-describedby={describedBy} aria-invalid={invalid} />}
        </Field>
        {/* Nobody but staff reads a sample case: its comments are internal notes. */}
        {isSample(detail) ? null : (
          <ChoiceGroup legend={t('actions.visibility')}>
            <label className="choice">
              <input type="radio" {...form.register('visibility')} value="internal" /> {t('actions.visibilityInternal')}
            </label>
            <label className="choice">
              <input type="radio" {...form.register('visibility')} value="member" /> {t('actions.visibilityMember')}
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

/** ExtendCase as typed: the months a radio value ("1" or "2"), turned into the number the server takes. */
const ExtendForm = ExtendCase.pick({ reason: true }).extend({ months: z.enum(['1', '2']) });

function ExtendAction({ detail, onConflict, onDone }: ActionProps) {
  const { t, formatDate } = useI18n();
  const extend = useExtendCase(detail.case.id, {
    onSuccess: () => onDone(isSample(detail) ? 'actions.extendedSample' : 'actions.extended'),
    onError: onConflict,
  });
  const form = useSchemaForm(ExtendForm, {
    defaultValues: { reason: '' },
    messages: { months: 'actions.monthsMissing', reason: 'actions.reasonShort' },
    serverError: extend.error,
  });
  const onSubmit = form.handleSubmit(({ months, reason }) => extend.mutate({ months: months === '2' ? 2 : 1, reason, expectedVersion: detail.case.version }));
  return (
    <ActionBox title={t('actions.extendTitle')} id="action-extend" collapsible>
      <p className="muted small">{t(isSample(detail) ? 'actions.extendTextSample' : 'actions.extendText', { date: formatDate(detail.case.originalDueAt) })}</p>
      <InlineProblem error={extend.error} />
      <form className="form form-compact" onSubmit={(event) => void onSubmit(event)} noValidate>
        <ChoiceGroup legend={t('actions.months')} error={form.errorOf('months')}>
          <label className="choice">
            <input type="radio" {...form.register('months')} value="1" /> {t('actions.oneMonth')}
          </label>
          <label className="choice">
            <input type="radio" {...form.register('months')} value="2" /> {t('actions.twoMonths')}
          </label>
        </ChoiceGroup>
        <Field
          label={t('actions.reason')}
          hint={t(detail.decision.type === 'fraud_flag' ? 'actions.reasonHintFraud' : 'actions.reasonHint')}
          error={form.errorOf('reason')}
        >
          {({ id }, describedBy, invalid) => <textarea id={id} rows={3} {...form.textProps('reason')} aria-describedby={describedBy} aria-invalid={invalid} />}
        </Field>
        <button type="submit" className="button button-block" disabled={extend.isPending}>
          {extend.isPending ? t('actions.sending') : t('actions.extend')}
        </button>
      </form>
    </ActionBox>
  );
}
