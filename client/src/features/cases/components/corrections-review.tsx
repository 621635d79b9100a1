import { useState } from 'react';
import { DecideCorrection, type CaseCorrection, type CaseDetail } from '@shared/schemas/case';
import { CorrectionsList, useInputValue } from '../../../components/corrections-list';
import { Field } from '../../../components/form/form-field';
import { useSchemaForm } from '../../../components/form/use-schema-form';
import { ProblemMessage } from '../../../components/problem-message';
import { useI18n } from '../../../i18n';
import { useDecideCorrection } from '../api/decide-correction';

const ReasonForm = DecideCorrection.pick({ reason: true });

/**
 * Rectification on the reviewer's case page: what the member claimed beside what is on record,
 * and for the reviewer who may resolve the case, an answer to each pending correction with a reason
 * the member reads.
 */
export function CorrectionsReview({ detail, canDecide, onConflict }: { detail: CaseDetail; canDecide: boolean; onConflict?: (error: unknown) => void }) {
  const { t } = useI18n();
  const corrections = detail.case.corrections ?? [];
  if (!corrections.length) return null;
  const pending = corrections.filter((c) => c.state === 'pending');
  return (
    <section className="card" aria-labelledby="corrections-title">
      <h2 id="corrections-title">{t('corrections.reviewTitle')}</h2>
      <p className="muted">{t('corrections.reviewIntro')}</p>
      <CorrectionsList corrections={corrections} inputs={detail.decision.inputs} headingId="corrections-title" />
      {canDecide ? pending.map((c) => <DecideCorrectionForm key={c.feature} detail={detail} correction={c} onConflict={onConflict} />) : null}
    </section>
  );
}

function DecideCorrectionForm({ detail, correction, onConflict }: { detail: CaseDetail; correction: CaseCorrection; onConflict?: (error: unknown) => void }) {
  const { t } = useI18n();
  const valueOf = useInputValue();
  const [accept, setAccept] = useState<boolean | null>(null);
  const decide = useDecideCorrection(detail.case.id, { onError: onConflict });
  const form = useSchemaForm(ReasonForm, { defaultValues: { reason: '' }, messages: { reason: 'corrections.reasonMissing' }, serverError: decide.error });
  const submit = (yes: boolean) =>
    form.handleSubmit(({ reason }) => {
      setAccept(yes);
      decide.mutate({ feature: correction.feature, accept: yes, reason, expectedVersion: detail.case.version });
    });
  const id = `correction-${correction.feature}`;
  return (
    <form className="form form-compact correction-form" aria-labelledby={`${id}-title`} onSubmit={(event) => event.preventDefault()} noValidate>
      <h3 id={`${id}-title`}>
        {t('corrections.decideTitle', {
          feature: correction.feature,
          recorded: valueOf(detail.decision.inputs[correction.feature]),
          claimed: valueOf(correction.claimedValue),
        })}
      </h3>
      {decide.isError ? <ProblemMessage error={decide.error} /> : null}
      <Field label={t('corrections.reason')} hint={t('corrections.reasonHint')} error={form.errorOf('reason')}>
        {(ids, describedBy, invalid) => <textarea id={ids.id} rows={2} {...form.textProps('reason')} aria-describedby={describedBy} aria-invalid={invalid} />}
      </Field>
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={decide.isPending} onClick={(event) => void submit(true)(event)}>
          {decide.isPending && accept ? t('corrections.saving') : t('corrections.accept')}
        </button>
        <button type="button" className="button" disabled={decide.isPending} onClick={(event) => void submit(false)(event)}>
          {decide.isPending && accept === false ? t('corrections.saving') : t('corrections.reject')}
        </button>
      </div>
    </form>
  );
}
