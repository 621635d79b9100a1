import { useState } from 'react';
import { MemberRequestKind, NewMemberRequest } from '@shared/schemas/member-request';
import { ChoiceGroup, Field } from '../../../components/form/form-field';
import { useSchemaForm } from '../../../components/form/use-schema-form';
import { ProblemMessage } from '../../../components/problem-message';
import { useI18n } from '../../../i18n';
import { useFileMemberRequest, useMyRequests } from '../api/member-requests';

/**
 * The requests the privacy statement promises, filed here and followed here: erasure,
 * rectification, restriction, objection to the processing, withdrawal of consent.
 */
export function RequestsSection() {
  const { t, formatDate } = useI18n();
  const requests = useMyRequests();
  const [filed, setFiled] = useState(false);
  const file = useFileMemberRequest();
  const form = useSchemaForm(NewMemberRequest, { defaultValues: { kind: 'erasure', details: '' }, serverError: file.error });
  const onSubmit = form.handleSubmit(({ kind, details }) =>
    file.mutate(
      { kind, ...(details ? { details } : {}) },
      {
        onSuccess: () => {
          form.reset();
          setFiled(true);
        },
      },
    ),
  );
  const items = requests.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="requests-title">
      <h2 id="requests-title">{t('requests.title')}</h2>
      <p>{t('requests.intro')}</p>
      <div role="status">{filed ? <p className="notice notice-success">{t('requests.filed')}</p> : null}</div>
      {file.isError ? <ProblemMessage error={file.error} /> : null}
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <ChoiceGroup legend={t('requests.kind')} error={form.errorOf('kind')}>
          {MemberRequestKind.options.map((kind) => (
            <label className="choice" key={kind}>
              <input type="radio" {...form.register('kind')} value={kind} /> {t(`requests.kind.${kind}`)}
            </label>
          ))}
        </ChoiceGroup>
        <Field label={t('requests.details')} optional={t('requests.optional')} error={form.errorOf('details')}>
          {({ id }, describedBy, invalid) => <textarea id={id} rows={3} {...form.textProps('details')} aria-describedby={describedBy} aria-invalid={invalid} />}
        </Field>
        <button type="submit" className="button button-primary" disabled={file.isPending}>
          {file.isPending ? t('requests.filing') : t('requests.file')}
        </button>
      </form>
      <h3>{t('requests.yours')}</h3>
      {items.length === 0 ? (
        <p className="muted">{t('requests.none')}</p>
      ) : (
        <ul className="plain-list request-list">
          {items.map((r) => (
            <li key={r.id}>
              <strong>{t(`requests.kind.${r.kind}`)}</strong> · {t('requests.filedOn', { date: formatDate(r.receivedAt ?? r.filedAt) })}{' '}
              <span className={`badge badge-request-${r.status}`}>{t(`requests.status.${r.status}`)}</span>
              {/* Art. 12(3): the date the answer is due, and why it moved if it did. */}
              {r.dueAt && (r.status === 'received' || r.status === 'in_progress') ? (
                <p className="small">{t('requests.dueBy', { date: formatDate(r.dueAt) })}</p>
              ) : null}
              {r.extension ? <p className="small">{t('requests.extended', { months: r.extension.months, reason: r.extension.reason })}</p> : null}
              {r.answer?.outcome === 'refuse' ? (
                <div className="notice request-refusal">
                  <p>{t('requests.refusedGround', { ground: r.answer.ground ?? 'other' })}</p>
                  {r.answer.explanation ? <p>{r.answer.explanation}</p> : null}
                  <p className="muted small">{t('requests.refusedRemedies')}</p>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
