import { useRef } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { DecisionType, withOrderedPeriod } from '@shared/schemas/common';
import { NewReport, type ReportSummary } from '@shared/schemas/reports';
import { Field } from '../../../components/form/form-field';
import { useSchemaForm } from '../../../components/form/use-schema-form';
import { PageTitle } from '../../../components/page-title';
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-states';
import { ProblemMessage } from '../../../components/problem-message';
import { DataTable } from '../../../components/data-table';
import { useFreezeReport } from '../api/freeze-report';
import { useReports } from '../api/list-reports';
import { useGovernanceI18n } from '../i18n';
import { Section } from './section';
import './governance.css';
import './reports.css';

/** Late objections move past figures; a frozen report keeps them as they stood, hashed and chained. */
export function ReportsPage() {
  const { t } = useGovernanceI18n();
  return (
    <div className="gov-page">
      <PageTitle title={t('reports.title')} intro={t('reports.intro')} />
      <FreezeForm />
      <ReportsList />
    </div>
  );
}

/** The shared request schema, with the select's "all types" ('') read as no type. */
const FreezeFormSchema = withOrderedPeriod(
  z.strictObject({
    ...NewReport.shape,
    type: z.union([z.literal(''), DecisionType]).transform((type) => (type === '' ? undefined : type)),
  }),
);

function FreezeForm() {
  const { t, typeName } = useGovernanceI18n();
  const freeze = useFreezeReport();
  const message = useRef<HTMLParagraphElement>(null);
  const today = new Date().toISOString().slice(0, 10);
  const form = useSchemaForm(FreezeFormSchema, {
    defaultValues: { from: `${today.slice(0, 8)}01`, to: today, type: '' },
    serverError: freeze.error,
  });
  const errors = form.formState.errors;
  // The schema's own order check is a refinement on `to` (custom); a date no calendar has is any other issue.
  const dateError = (name: 'from' | 'to') => {
    const error = errors[name];
    if (!error) return null;
    return error.type === 'custom' ? t('reports.errorOrder') : t('reports.errorDate');
  };
  const onSubmit = form.handleSubmit((body) => freeze.mutate(body, { onSettled: () => setTimeout(() => message.current?.focus(), 0) }));
  const frozen = freeze.data;
  return (
    <Section title={t('reports.freezeTitle')}>
      <form className="gov-report-form" onSubmit={onSubmit} noValidate>
        <Field label={t('reports.from')} error={dateError('from')}>
          {(ids, describedBy, invalid) => <input id={ids.id} type="date" aria-describedby={describedBy} aria-invalid={invalid} {...form.register('from')} />}
        </Field>
        <Field label={t('reports.to')} error={dateError('to')}>
          {(ids, describedBy, invalid) => <input id={ids.id} type="date" aria-describedby={describedBy} aria-invalid={invalid} {...form.register('to')} />}
        </Field>
        <Field label={t('reports.type')}>
          {(ids) => (
            <select id={ids.id} {...form.register('type')}>
              <option value="">{t('reports.allTypes')}</option>
              {DecisionType.options.map((type) => (
                <option key={type} value={type}>
                  {typeName(type)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="gov-report-form-actions">
          <button type="submit" className="button" disabled={freeze.isPending}>
            {freeze.isPending ? t('reports.freezing') : t('reports.freeze')}
          </button>
        </div>
      </form>
      <p ref={message} tabIndex={-1} role="status" className="gov-report-message">
        {frozen ? (
          <>
            {t('reports.frozen', { seq: frozen.seq, hash: `${frozen.hash.slice(0, 12)}…` })}{' '}
            <Link to={`/governance/reports/${frozen.id}`}>{t('reports.open', { seq: frozen.seq })}</Link>
          </>
        ) : null}
      </p>
      {freeze.error ? <ProblemMessage error={freeze.error} /> : null}
    </Section>
  );
}

function ReportsList() {
  const { t, typeName, formatDay, formatInstant } = useGovernanceI18n();
  const reports = useReports();
  const items = reports.data?.pages.flatMap((page) => page.items) ?? [];
  let body;
  if (reports.isPending) body = <LoadingState />;
  else if (reports.isError) body = <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />;
  else if (items.length === 0) body = <EmptyState>{t('reports.empty')}</EmptyState>;
  else
    body = (
      <>
        <DataTable
          caption={t('reports.listTitle')}
          columns={[
            t('reports.col.seq'),
            t('reports.col.period'),
            t('reports.col.type'),
            t('reports.col.frozenAt'),
            t('reports.col.frozenBy'),
            t('reports.col.hash'),
            t('reports.col.verified'),
          ]}
        >
          {items.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={`/governance/reports/${r.id}`} aria-label={t('reports.open', { seq: r.seq })}>
                  {r.seq}
                </Link>
              </th>
              <td>{t('reports.periodRange', { from: formatDay(r.from), to: formatDay(r.to) })}</td>
              <td>{r.type ? typeName(r.type) : t('reports.allTypes')}</td>
              <td>{formatInstant(r.frozenAt)}</td>
              <td>{r.frozenBy.username ?? r.frozenBy.id}</td>
              <td>
                <code title={r.hash}>{r.hash.slice(0, 12)}…</code>
              </td>
              <td>
                <VerifiedMark report={r} />
              </td>
            </tr>
          ))}
        </DataTable>
        {reports.hasNextPage ? (
          <button type="button" className="button button-quiet" disabled={reports.isFetchingNextPage} onClick={() => void reports.fetchNextPage()}>
            {t('reports.more')}
          </button>
        ) : null}
      </>
    );
  return <Section title={t('reports.listTitle')}>{body}</Section>;
}

export function VerifiedMark({ report }: { report: Pick<ReportSummary, 'verification'> }) {
  const { t } = useGovernanceI18n();
  const ok = report.verification.ok;
  return (
    <span className={ok ? 'gov-verified' : 'gov-not-verified'}>
      <span aria-hidden="true">{ok ? '✓ ' : '✗ '}</span>
      {ok ? t('reports.verified') : t('reports.notVerified')}
    </span>
  );
}
