import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import { NewObjection } from '@shared/schemas/case';
import { ChoiceGroup, Field } from '../../../components/form/form-field';
import { useSchemaForm } from '../../../components/form/use-schema-form';
import { ProblemMessage } from '../../../components/problem-message';
import { useT, type Translate } from '../../../i18n';
import { isApiError } from '../../../lib/api-client';
import { useFileObjection } from '../api/file-objection';
import { CorrectionClaims, correctionsFrom, type CorrectionDrafts } from './correction-claims';

/** `datetime-local` wants local wall-clock time without a zone. */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * NewObjection as staff fill it in: the channel is required here, and the date of receipt is the
 * `datetime-local` text, which must be a real moment, not in the future, not before the decision.
 * That check runs even when another field is wrong, so every problem shows at once.
 */
function registerForm(decidedAt: string, t: Translate) {
  return NewObjection.pick({ statement: true })
    .extend({ channel: z.enum(['phone', 'post']), receivedAt: z.string() })
    .superRefine(
      ({ receivedAt: received }, ctx) => {
        const receivedAt = received ? new Date(received) : null;
        const problem =
          !receivedAt || Number.isNaN(receivedAt.getTime())
            ? t('register.receivedMissing')
            : receivedAt.getTime() > Date.now()
              ? t('register.receivedFuture')
              : receivedAt.toISOString() < decidedAt
                ? t('register.receivedBeforeDecision')
                : null;
        if (problem) ctx.addIssue({ code: 'custom', path: ['receivedAt'], message: problem });
      },
      { when: () => true },
    );
}

/**
 * An objection that came in by phone or post. Its real date of receipt starts the one-month
 * deadline (GDPR Art. 12(3)), so it is asked for, not assumed to be today.
 */
export function RegisterObjectionForm({
  decisionId,
  decidedAt,
  inputs = {},
  canRestrict = false,
}: {
  decisionId: string;
  decidedAt: string;
  inputs?: Record<string, unknown>;
  canRestrict?: boolean;
}) {
  const t = useT();
  const navigate = useNavigate();
  const file = useFileObjection(decisionId, (detail) => void navigate(`/review/cases/${detail.case.id}`));
  const [now] = useState(() => new Date());
  // Rectification: the inputs the member said on the phone or in the letter were wrong.
  const [drafts, setDrafts] = useState<CorrectionDrafts>({});
  const [missing, setMissing] = useState<string[]>([]);
  // Art. 18(1)(a): a member who contests a price by phone or letter may ask that it be held meanwhile.
  const [restrict, setRestrict] = useState(false);
  const form = useSchemaForm(registerForm(decidedAt, t), {
    defaultValues: { statement: '', receivedAt: localInputValue(now) },
    messages: { statement: 'register.statementMissing', channel: 'register.channelMissing' },
    serverError: file.error,
  });
  const onSubmit = form.handleSubmit(({ statement, channel, receivedAt }) => {
    const { claims, missing: incomplete } = correctionsFrom(drafts, inputs);
    setMissing(incomplete);
    if (incomplete.length) return;
    file.mutate({
      statement,
      channel,
      receivedAt: new Date(receivedAt).toISOString(),
      ...(claims.length ? { corrections: claims } : {}),
      ...(canRestrict && restrict ? { restrict: true } : {}),
    });
  });

  const caseId = isApiError(file.error) ? file.error.extra('caseId') : undefined;

  return (
    <section className="card" aria-labelledby="register-title">
      <h2 id="register-title">{t('register.title')}</h2>
      <p className="muted">{t('register.intro')}</p>
      {file.isError ? (
        <ProblemMessage error={file.error}>
          {typeof caseId === 'string' ? (
            <p>
              <Link to={`/review/cases/${caseId}`}>{t('register.openCase')}</Link>
            </p>
          ) : null}
        </ProblemMessage>
      ) : null}
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <ChoiceGroup legend={t('register.channel')} error={form.errorOf('channel')}>
          <label className="choice">
            <input type="radio" {...form.register('channel')} value="phone" /> {t('channel.phone')}
          </label>
          <label className="choice">
            <input type="radio" {...form.register('channel')} value="post" /> {t('channel.post')}
          </label>
        </ChoiceGroup>
        <Field label={t('register.receivedAt')} hint={t('register.receivedHint')} error={form.errorOf('receivedAt')}>
          {({ id }, describedBy, invalid) => (
            <input
              id={id}
              {...form.register('receivedAt')}
              type="datetime-local"
              max={localInputValue(now)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              required
            />
          )}
        </Field>
        <Field label={t('register.statement')} hint={t('register.statementHint')} error={form.errorOf('statement')}>
          {({ id }, describedBy, invalid) => (
            <textarea id={id} rows={5} {...form.textProps('statement')} aria-describedby={describedBy} aria-invalid={invalid} required />
          )}
        </Field>
        <CorrectionClaims inputs={inputs} drafts={drafts} missing={missing} onChange={setDrafts} />
        {canRestrict ? (
          <div className="field">
            <label className="choice">
              <input type="checkbox" checked={restrict} onChange={(event) => setRestrict(event.target.checked)} /> {t('register.restrict')}
            </label>
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={file.isPending}>
            {file.isPending ? t('register.submitting') : t('register.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
