import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { NewObjection } from '@shared/schemas/case';
import { ChoiceGroup, Field } from '../../../components/form-field';
import { ProblemMessage } from '../../../components/problem-message';
import { useT } from '../../../i18n';
import { isApiError } from '../../../lib/api-client';
import { maxLengthOf } from '../../../lib/schema-limits';
import { useFileObjection } from '../api/file-objection';

/** `datetime-local` wants local wall-clock time without a zone. */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

type Errors = Partial<Record<'statement' | 'channel' | 'receivedAt', string>>;

/**
 * An objection that came in by phone or post. Its real date of receipt starts the one-month
 * deadline (GDPR Art. 12(3)), so it is asked for, not assumed to be today.
 */
export function RegisterObjectionForm({ decisionId, decidedAt }: { decisionId: string; decidedAt: string }) {
  const t = useT();
  const navigate = useNavigate();
  const file = useFileObjection(decisionId, (detail) => void navigate(`/review/cases/${detail.case.id}`));
  const [errors, setErrors] = useState<Errors>({});
  const [now] = useState(() => new Date());

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const statement = String(form.get('statement') ?? '').trim();
    const channel = form.get('channel');
    const received = String(form.get('receivedAt') ?? '');
    const receivedAt = received ? new Date(received) : null;
    const next: Errors = {};
    if (!statement) next.statement = t('register.statementMissing');
    if (channel !== 'phone' && channel !== 'post') next.channel = t('register.channelMissing');
    if (!receivedAt || Number.isNaN(receivedAt.getTime())) next.receivedAt = t('register.receivedMissing');
    else if (receivedAt.getTime() > Date.now()) next.receivedAt = t('register.receivedFuture');
    else if (receivedAt.toISOString() < decidedAt) next.receivedAt = t('register.receivedBeforeDecision');
    setErrors(next);
    if (Object.keys(next).length) return;
    file.mutate({ statement, channel: channel as 'phone' | 'post', receivedAt: receivedAt!.toISOString() });
  };

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
      <form className="form" onSubmit={onSubmit} noValidate>
        <ChoiceGroup legend={t('register.channel')} error={errors.channel}>
          <label className="choice">
            <input type="radio" name="channel" value="phone" /> {t('channel.phone')}
          </label>
          <label className="choice">
            <input type="radio" name="channel" value="post" /> {t('channel.post')}
          </label>
        </ChoiceGroup>
        <Field label={t('register.receivedAt')} hint={t('register.receivedHint')} error={errors.receivedAt}>
          {({ id }, describedBy, invalid) => (
            <input
              id={id}
              name="receivedAt"
              type="datetime-local"
              defaultValue={localInputValue(now)}
              max={localInputValue(now)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              required
            />
          )}
        </Field>
        <Field label={t('register.statement')} hint={t('register.statementHint')} error={errors.statement}>
          {({ id }, describedBy, invalid) => (
            <textarea id={id} name="statement" rows={5} maxLength={maxLengthOf(NewObjection.shape.statement)} aria-describedby={describedBy} aria-invalid={invalid} required />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={file.isPending}>
            {file.isPending ? t('register.submitting') : t('register.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
