import { useRef, useState } from 'react';
import type { TimelineEntry } from '@shared/schemas/case';
import { MemberMessage } from '@shared/schemas/case-information';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from '@shared/schemas/attachment';
import { Field } from '../../../components/form/form-field';
import { useSchemaForm } from '../../../components/form/use-schema-form';
import { ProblemMessage } from '../../../components/problem-message';
import { useI18n } from '../../../i18n';
import { useAddCaseAttachment } from '../api/case-attachments';
import { useAddCaseMessage } from '../api/add-case-message';

const ACCEPT = [...Object.keys(ATTACHMENT_TYPES), ...Object.values(ATTACHMENT_TYPES).flatMap((endings) => endings.map((e) => `.${e}`))].join(',');

/**
 * The member adds information to their open case: a message, and documents. When a reviewer has
 * asked for information, the section says so first; the case's date stays as it was.
 */
export function AddInformationSection({ caseId, timeline }: { caseId: string; timeline: TimelineEntry[] }) {
  const { t } = useI18n();
  const asked = timeline.some((e) => e.action === 'information_requested');
  const [done, setDone] = useState<string | null>(null);
  const message = useAddCaseMessage(caseId, {
    onSuccess: () => {
      form.reset();
      setDone(t('addInfo.sent'));
    },
  });
  const form = useSchemaForm(MemberMessage, { defaultValues: { text: '' }, messages: { text: 'addInfo.messageMissing' }, serverError: message.error });
  const onSubmit = form.handleSubmit(({ text }) => message.mutate({ text }));

  const fileInput = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const upload = useAddCaseAttachment(caseId);
  const onUpload = () => {
    const file = fileInput.current?.files?.[0];
    setDone(null);
    if (!file) return setFileError(t('addInfo.chooseFile'));
    // The server reads the type from the bytes; the size is told here already, before a long upload.
    if (file.size > ATTACHMENT_MAX_BYTES) return setFileError(t('addInfo.tooLarge'));
    setFileError(null);
    upload.mutate(file, {
      onSuccess: (doc) => {
        if (fileInput.current) fileInput.current.value = '';
        setDone(t('addInfo.uploaded', { name: doc.fileName }));
      },
    });
  };

  return (
    <section className="card add-information" aria-labelledby="add-info-title">
      <h2 id="add-info-title">{t('addInfo.title')}</h2>
      {asked ? <p className="notice notice-warning">{t('addInfo.requested')}</p> : null}
      <p>{t('addInfo.intro')}</p>
      <div role="status">{done ? <p className="notice notice-success">{done}</p> : null}</div>
      {message.isError ? <ProblemMessage error={message.error} /> : null}
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <Field label={t('addInfo.message')} error={form.errorOf('text')}>
          {({ id }, describedBy, invalid) => <textarea id={id} rows={4} {...form.textProps('text')} aria-describedby={describedBy} aria-invalid={invalid} />}
        </Field>
        <button type="submit" className="button button-primary" disabled={message.isPending}>
          {message.isPending ? t('addInfo.sending') : t('addInfo.send')}
        </button>
      </form>
      <div className="form add-document">
        {upload.isError ? <ProblemMessage error={upload.error} /> : null}
        <Field label={t('addInfo.document')} hint={t('addInfo.documentHint')} error={fileError}>
          {({ id }, describedBy, invalid) => (
            <input
              id={id}
              ref={fileInput}
              type="file"
              accept={ACCEPT}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={() => setFileError(null)}
            />
          )}
        </Field>
        <button type="button" className="button" onClick={onUpload} disabled={upload.isPending}>
          {upload.isPending ? t('addInfo.uploading') : t('addInfo.upload')}
        </button>
      </div>
    </section>
  );
}
