import { useState } from 'react';
import type { CaseDetail } from '@shared/schemas/case';
import { RequestInformation } from '@shared/schemas/case-information';
import { Field } from '../../../components/form/form-field';
import { useSchemaForm } from '../../../components/form/use-schema-form';
import { ProblemMessage } from '../../../components/problem-message';
import { useI18n } from '../../../i18n';
import { useRequestCaseInformation } from '../api/request-case-information';

const RequestForm = RequestInformation.pick({ text: true });

/** A reviewer asks the member for information: on the case for both, by e-mail to the member; the deadline stands. */
export function RequestInformationForm({ detail, onConflict }: { detail: CaseDetail; onConflict?: (error: unknown) => void }) {
  const { t } = useI18n();
  const [sent, setSent] = useState(false);
  const ask = useRequestCaseInformation(detail.case.id, {
    onSuccess: () => {
      form.reset();
      setSent(true);
    },
    onError: onConflict,
  });
  const form = useSchemaForm(RequestForm, { defaultValues: { text: '' }, messages: { text: 'requestInfo.missing' }, serverError: ask.error });
  const onSubmit = form.handleSubmit(({ text }) => ask.mutate({ text, expectedVersion: detail.case.version }));
  return (
    <section className="card" aria-labelledby="request-info-title">
      <h2 id="request-info-title">{t('requestInfo.title')}</h2>
      <div role="status">{sent ? <p className="notice notice-success">{t('requestInfo.sent')}</p> : null}</div>
      {ask.isError ? <ProblemMessage error={ask.error} /> : null}
      <form className="form form-compact" onSubmit={(event) => void onSubmit(event)} noValidate>
        <Field label={t('requestInfo.text')} hint={t('requestInfo.hint')} error={form.errorOf('text')}>
          {({ id }, describedBy, invalid) => <textarea id={id} rows={3} {...form.textProps('text')} aria-describedby={describedBy} aria-invalid={invalid} />}
        </Field>
        <button type="submit" className="button button-block" disabled={ask.isPending}>
          {ask.isPending ? t('requestInfo.sending') : t('requestInfo.send')}
        </button>
      </form>
    </section>
  );
}
