import { useState } from 'react';
import type { FieldError } from 'react-hook-form';
import { isApprover, isDiscloser } from '@shared/auth/permissions';
import type { Actor } from '@shared/cases/allowed-actions';
import type { CaseDetail } from '@shared/schemas/case';
import { DisclosableField, MINIMUM_FIELDS, NewDisclosure, RecipientKind, isMinimumField, type Disclosure } from '@shared/schemas/disclosure';
import { ChoiceGroup, Field } from '../../../components/form/form-field';
import { useSchemaForm } from '../../../components/form/use-schema-form';
import { ProblemMessage } from '../../../components/problem-message';
import { useI18n } from '../../../i18n';
import { useCaseDisclosures, useDecideDisclosure, useProposeDisclosure } from '../api/disclosures';

const EXTRA_FIELDS = DisclosableField.options.filter((f) => !isMinimumField(f));

/**
 * Disclosures of a fraud case (the privacy statement: the employer with minimisation,
 * investigation agencies, the sector's fraud registers, the police). Staff in scope read them; a
 * discloser proposes the minimum plus reasoned extra fields; an approver who did not propose it decides.
 */
export function DisclosuresSection({ detail, user, canAct }: { detail: CaseDetail; user: Actor; canAct: boolean }) {
  const { t } = useI18n();
  const list = useCaseDisclosures(detail.case.id);
  const mayPropose = canAct && isDiscloser(user) && user.scopes.includes('fraud_flag');
  return (
    <section className="card" aria-labelledby="disclosures-title">
      <h2 id="disclosures-title">{t('disclose.title')}</h2>
      {list.isError ? <ProblemMessage error={list.error} /> : null}
      {list.data && list.data.items.length === 0 ? <p className="muted">{t('disclose.none')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <ul className="plain-list disclosure-list">
          {list.data.items.map((d) => (
            <DisclosureItem key={d.id} d={d} caseId={detail.case.id} user={user} canAct={canAct} />
          ))}
        </ul>
      ) : null}
      {mayPropose ? <DiscloseForm caseId={detail.case.id} /> : null}
    </section>
  );
}

function DisclosureItem({ d, caseId, user, canAct }: { d: Disclosure; caseId: string; user: Actor; canAct: boolean }) {
  const { t, formatDateTime } = useI18n();
  const decide = useDecideDisclosure(caseId);
  const [rationale, setRationale] = useState('');
  const mayDecide = canAct && d.state === 'pending' && isApprover(user) && d.proposedBy.id !== user.id;
  const rationaleId = `disclosure-rationale-${d.id}`;
  return (
    <li className="disclosure-item">
      <p>
        <strong>{t(`disclosure.recipient.${d.recipient.kind}`)}</strong>: {d.recipient.name}{' '}
        <span className={`badge badge-${d.state === 'approved' ? 'resolved' : d.state === 'pending' ? 'pending_approval' : 'withdrawn'}`}>
          {t(`disclose.state.${d.state}`)}
        </span>
      </p>
      <p className="small">
        {t('disclose.fieldsLabel')} {d.fields.map((f) => t(`disclosure.field.${f}`)).join(', ')}
      </p>
      {Object.keys(d.reasons).length > 0 ? (
        <ul className="small">
          {Object.entries(d.reasons).map(([field, reason]) => (
            <li key={field}>
              {t(`disclosure.field.${field as 'claimId'}`)}: {reason}
            </li>
          ))}
        </ul>
      ) : null}
      {d.purpose ? <p className="small">{t('disclose.purposeShown', { purpose: d.purpose })}</p> : null}
      <p className="muted small">
        {t('disclose.proposedBy', { who: d.proposedBy.username, when: formatDateTime(d.proposedAt) })}
        {d.decidedBy && d.decidedAt ? ` · ${t('disclose.decidedBy', { who: d.decidedBy.username, when: formatDateTime(d.decidedAt) })}` : null}
      </p>
      {d.rationale ? <p className="small">{t('disclose.rationaleShown', { rationale: d.rationale })}</p> : null}
      {mayDecide ? (
        <div className="form form-compact">
          {decide.isError ? <ProblemMessage error={decide.error} /> : null}
          <div className="field">
            <label htmlFor={rationaleId}>{t('disclose.rationale')}</label>
            <textarea id={rationaleId} rows={2} value={rationale} onChange={(e) => setRationale(e.target.value)} maxLength={5000} />
          </div>
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              disabled={decide.isPending}
              onClick={() => decide.mutate({ id: d.id, body: { approve: true, rationale } })}
            >
              {t('disclose.approve')}
            </button>
            <button
              type="button"
              className="button"
              disabled={decide.isPending}
              onClick={() => decide.mutate({ id: d.id, body: { approve: false, rationale } })}
            >
              {t('disclose.reject')}
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

/** Starts from the minimum (case reference and outcome); each extra field checked reveals its reason, which it needs. */
function DiscloseForm({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const [sent, setSent] = useState(false);
  const propose = useProposeDisclosure(caseId, {
    onSuccess: () => {
      form.reset();
      setSent(true);
    },
  });
  const form = useSchemaForm(NewDisclosure, {
    defaultValues: { recipient: { kind: 'employer', name: '' }, fields: [], reasons: {} },
    messages: { recipient: 'disclose.nameMissing', purpose: 'disclose.purposeTooShort' },
    serverError: propose.error,
  });
  const chosen = form.watch('fields') ?? [];
  const errors = form.formState.errors as { recipient?: { name?: FieldError }; reasons?: Record<string, FieldError | undefined> };
  const onSubmit = form.handleSubmit((body) => {
    setSent(false);
    propose.mutate(body);
  });
  return (
    <>
      <h3>{t('disclose.formTitle')}</h3>
      <div role="status">{sent ? <p className="notice notice-success">{t('disclose.sent')}</p> : null}</div>
      {propose.isError ? <ProblemMessage error={propose.error} /> : null}
      <form className="form form-compact" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="disclosures-title">
        <Field label={t('disclose.recipientKind')}>
          {({ id }) => (
            <select id={id} {...form.register('recipient.kind')}>
              {RecipientKind.options.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`disclosure.recipient.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('disclose.recipientName')} error={errors.recipient?.name ? t('disclose.nameMissing') : null}>
          {({ id }, describedBy, invalid) => (
            <input id={id} type="text" maxLength={200} {...form.register('recipient.name')} aria-describedby={describedBy} aria-invalid={invalid} />
          )}
        </Field>
        <p className="small">{t('disclose.minimum', { fields: MINIMUM_FIELDS.map((f) => t(`disclosure.field.${f}`)).join(', ') })}</p>
        <ChoiceGroup legend={t('disclose.extraFields')} hint={t('disclose.extraHint')}>
          {EXTRA_FIELDS.map((field) => (
            <div key={field}>
              <label className="choice">
                <input type="checkbox" value={field} {...form.register('fields')} /> {t(`disclosure.field.${field}`)}
              </label>
              {chosen.includes(field) ? (
                <Field
                  label={t('disclose.reasonFor', { field: t(`disclosure.field.${field}`) })}
                  error={errors.reasons?.[field] ? t('disclose.reasonMissing') : null}
                >
                  {({ id }, describedBy, invalid) => (
                    <textarea
                      id={id}
                      rows={2}
                      maxLength={1000}
                      {...form.register(`reasons.${field}`, { shouldUnregister: true })}
                      aria-describedby={describedBy}
                      aria-invalid={invalid}
                    />
                  )}
                </Field>
              ) : null}
            </div>
          ))}
        </ChoiceGroup>
        <Field label={t('disclose.purpose')} hint={t('disclose.purposeHint')} optional={t('form.optional')} error={form.errorOf('purpose')}>
          {({ id }, describedBy, invalid) => (
            <textarea
              id={id}
              rows={2}
              maxLength={2000}
              {...form.register('purpose', { setValueAs: (v: string | undefined) => (v && v.trim() ? v : undefined) })}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
          )}
        </Field>
        <button type="submit" className="button button-block" disabled={propose.isPending}>
          {t('disclose.submit')}
        </button>
      </form>
    </>
  );
}
