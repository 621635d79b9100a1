import { z } from 'zod';
import { DecisionType, MemberId } from '@shared/schemas/common';
import { HoldReason, MemberIdBody } from '@shared/schemas/session';
import { Field } from '../../../components/form/form-field';
import { useSchemaForm } from '../../../components/form/use-schema-form';
import { ProblemMessage } from '../../../components/problem-message';
import { useI18n } from '../../../i18n';
import { MemberRequestsTable } from './member-requests-table';
import { useErasures, useEraseMember, useLegalHolds, useLiftLegalHold, usePolicies, useSetLegalHold } from '../api/privacy';
import { DataTable } from '../../../components/data-table';

/** Legal holds, erasures on request and the retention periods in force (read-only: configuration). */
export function PrivacySection() {
  const { t, formatDateTime, formatNumber } = useI18n();
  const holds = useLegalHolds();
  const lift = useLiftLegalHold();
  const erasures = useErasures();
  const policies = usePolicies();
  return (
    <section className="card" aria-labelledby="privacy-title">
      <h2 id="privacy-title">{t('admin.privacyTitle')}</h2>
      <p className="muted">{t('admin.privacyIntro')}</p>

      <h3>{t('admin.retentionTitle')}</h3>
      {policies.isError ? <ProblemMessage error={policies.error} /> : null}
      {policies.data ? (
        <ul>
          {DecisionType.options.map((type) => (
            <li key={type}>{t('admin.retentionRow', { type: t(`decisionType.${type}`), days: formatNumber(policies.data.retention.days[type] ?? 0) })}</li>
          ))}
        </ul>
      ) : null}
      <p className="muted small">{t('admin.retentionHint')}</p>

      <h3>{t('admin.holdsTitle')}</h3>
      <HoldForm />
      {holds.isError ? <ProblemMessage error={holds.error} /> : null}
      {lift.error ? <ProblemMessage error={lift.error} /> : null}
      {holds.data && holds.data.items.length === 0 ? <p className="muted">{t('admin.holdsNone')}</p> : null}
      {holds.data && holds.data.items.length > 0 ? (
        <DataTable caption={t('admin.holdsTitle')} columns={[t('admin.holdMember'), t('admin.holdReason'), t('admin.holdSince'), t('admin.webhookActions')]}>
          {holds.data.items.map((h) => (
            <tr key={h.memberId}>
              <th scope="row">
                <code>{h.memberId}</code>
              </th>
              <td>{h.reason}</td>
              <td>{formatDateTime(h.setAt)}</td>
              <td>
                <button
                  type="button"
                  className="button button-secondary"
                  aria-label={t('admin.holdLiftNamed', { memberId: h.memberId })}
                  onClick={() => lift.mutate(h.memberId)}
                >
                  {t('admin.holdLift')}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}

      <MemberRequestsTable />

      <h3>{t('admin.erasuresTitle')}</h3>
      <ErasureForm />
      {erasures.isError ? <ProblemMessage error={erasures.error} /> : null}
      {erasures.data && erasures.data.items.length === 0 ? <p className="muted">{t('admin.erasuresNone')}</p> : null}
      {erasures.data && erasures.data.items.length > 0 ? (
        <ul>
          {erasures.data.items.map((e) => (
            <li key={e.seq}>
              {t('admin.erasureDone', {
                at: formatDateTime(e.at),
                decisions: Number(e.data.decisions ?? 0),
                cases: Number(e.data.cases ?? 0),
                accounts: Number(e.data.accounts ?? 0),
              })}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

const HoldFormSchema = HoldReason.extend({ memberId: MemberId });

function HoldForm() {
  const { t } = useI18n();
  const hold = useSetLegalHold();
  const form = useSchemaForm(HoldFormSchema, {
    defaultValues: { memberId: '', reason: '' },
    messages: { memberId: 'admin.memberIdInvalid', reason: 'admin.holdReasonShort' },
    serverError: hold.error,
  });
  const onSubmit = form.handleSubmit((body: z.output<typeof HoldFormSchema>) => hold.mutate(body, { onSuccess: () => form.reset() }));
  return (
    <form className="form form-compact" onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t('admin.holdNew')}>
      {hold.error ? <ProblemMessage error={hold.error} /> : null}
      <Field label={t('admin.holdMember')} error={form.errorOf('memberId')}>
        {({ id }, describedBy, invalid) => (
          <input id={id} type="text" autoComplete="off" {...form.textProps('memberId')} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </Field>
      <Field label={t('admin.holdReason')} error={form.errorOf('reason')}>
        {({ id }, describedBy, invalid) => <input id={id} type="text" {...form.textProps('reason')} aria-describedby={describedBy} aria-invalid={invalid} />}
      </Field>
      <button type="submit" className="button" disabled={hold.isPending}>
        {t('admin.holdSet')}
      </button>
    </form>
  );
}

/** Erasure on a member's request: irreversible, refused under a legal hold; the result is counts only. */
function ErasureForm() {
  const { t } = useI18n();
  const erase = useEraseMember();
  const form = useSchemaForm(MemberIdBody, { defaultValues: { memberId: '' }, messages: { memberId: 'admin.memberIdInvalid' }, serverError: erase.error });
  const onSubmit = form.handleSubmit(({ memberId }) => erase.mutate(memberId, { onSuccess: () => form.reset() }));
  return (
    <form className="form form-compact" onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t('admin.erasureNew')}>
      {erase.error ? <ProblemMessage error={erase.error} /> : null}
      {erase.data ? (
        <p className="callout" role="status">
          {t('admin.erasureResult', { decisions: erase.data.decisions, cases: erase.data.cases, accounts: erase.data.accounts })}
        </p>
      ) : null}
      <Field label={t('admin.holdMember')} hint={t('admin.erasureHint')} error={form.errorOf('memberId')}>
        {({ id }, describedBy, invalid) => (
          <input id={id} type="text" autoComplete="off" {...form.textProps('memberId')} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </Field>
      <button type="submit" className="button button-danger" disabled={erase.isPending}>
        {t('admin.erasureSubmit')}
      </button>
    </form>
  );
}
