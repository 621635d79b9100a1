import { useState } from 'react';
import { DecisionType } from '@shared/schemas/common';
import { MonitorMetric, NewMonitor, UpdateMonitor, type Monitor } from '@shared/schemas/monitors';
import { Field } from '../../../components/form/form-field';
import { useSchemaForm } from '../../../components/form/use-schema-form';
import { ProblemMessage } from '../../../components/problem-message';
import { isApiError } from '../../../lib/api-client';
import { useCreateMonitor, useDeleteMonitor, useMonitors, useUpdateMonitor } from '../api/monitors';
import { useGovernanceI18n, type GovernanceMessageKey } from '../i18n';
import { formatMonitorFigure } from './alerts-section';
import { BlockEmpty, QueryBlock, ScrollTable, Section } from './section';
import './monitors.css';

const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

/** A failed change in words: someone else's change to the same monitor has its own sentence. */
function MonitorProblem({ error }: { error: unknown }) {
  const { tApp } = useGovernanceI18n();
  if (isApiError(error) && error.code === 'version_conflict') {
    return (
      <p className="callout callout-warning" role="alert">
        {tApp('problem.monitorChanged')}
      </p>
    );
  }
  return <ProblemMessage error={error} />;
}

/** Governance's thresholds per model: the list, a form for a new one, and each one's threshold and window edited in place. */
export function MonitorsSection() {
  const { t } = useGovernanceI18n();
  const monitors = useMonitors();
  return (
    <div id="monitors">
      <Section title={t('monitors.title')} intro={t('monitors.intro')}>
        <QueryBlock query={monitors}>
          {({ items }) => (items.length === 0 ? <BlockEmpty>{t('monitors.none')}</BlockEmpty> : <MonitorTable monitors={items} />)}
        </QueryBlock>
        <NewMonitorForm />
      </Section>
    </div>
  );
}

function MonitorTable({ monitors }: { monitors: Monitor[] }) {
  const i18n = useGovernanceI18n();
  const { t, typeName, formatDateTime } = i18n;
  const update = useUpdateMonitor();
  const remove = useDeleteMonitor();
  const [editing, setEditing] = useState<string | null>(null);
  const error = update.error ?? remove.error;
  return (
    <>
      {error ? <MonitorProblem error={error} /> : null}
      <ScrollTable label={t('monitors.title')}>
        <table className="data-table gov-table">
          <caption className="visually-hidden">{t('monitors.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('monitors.model')}</th>
              <th scope="col">{t('monitors.metric')}</th>
              <th scope="col">{t('monitors.threshold')}</th>
              <th scope="col">{t('monitors.state')}</th>
              <th scope="col">{t('monitors.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {monitors.map((m) => (
              <tr key={m.id}>
                <td>
                  <code>{m.modelId}</code>
                  <div className="gov-muted small">{m.type ? typeName(m.type) : t('monitors.allTypes')}</div>
                </td>
                <td>
                  {t('alerts.metric', { metric: m.metric })}
                  {m.attribute ? <div className="gov-muted small">{m.attribute}</div> : null}
                </td>
                <td>
                  {editing === m.id ? (
                    <EditMonitorForm monitor={m} onDone={() => setEditing(null)} />
                  ) : (
                    <>
                      {t('monitors.rule', { comparison: m.comparison, threshold: formatMonitorFigure(i18n, m.metric, m.threshold) })}
                      <div className="gov-muted small">{t('monitors.windowDays', { days: m.windowDays })}</div>
                    </>
                  )}
                </td>
                <td>
                  {m.enabled ? t('monitors.on') : t('monitors.off')}
                  <div className="gov-muted small">
                    {m.lastEvaluatedAt ? t('monitors.lastChecked', { date: formatDateTime(m.lastEvaluatedAt) }) : t('monitors.notChecked')}
                  </div>
                </td>
                <td className="actions">
                  {editing === m.id ? null : (
                    <button type="button" className="button button-secondary" onClick={() => setEditing(m.id)}>
                      {t('monitors.edit')}
                      <span className="visually-hidden"> {m.modelId}</span>
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={update.isPending}
                    onClick={() => update.mutate({ id: m.id, body: { enabled: !m.enabled, expectedVersion: m.version } })}
                  >
                    {m.enabled ? t('monitors.switchOff') : t('monitors.switchOn')}
                    <span className="visually-hidden"> {m.modelId}</span>
                  </button>
                  <button type="button" className="button button-quiet-link" disabled={remove.isPending} onClick={() => remove.mutate(m.id)}>
                    {t('monitors.remove')}
                    <span className="visually-hidden"> {m.modelId}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}

const EditFields = UpdateMonitor.pick({ threshold: true, windowDays: true });

/** The threshold and window of one monitor, sent with the version read: a change made meanwhile is refused, not overwritten. */
function EditMonitorForm({ monitor, onDone }: { monitor: Monitor; onDone: () => void }) {
  const { t } = useGovernanceI18n();
  const update = useUpdateMonitor();
  const form = useSchemaForm(EditFields, { defaultValues: { threshold: monitor.threshold, windowDays: monitor.windowDays }, serverError: update.error });
  const invalid = (name: 'threshold' | 'windowDays', key: GovernanceMessageKey) => (form.formState.errors[name] ? t(key) : null);
  const onSubmit = form.handleSubmit((body) => update.mutate({ id: monitor.id, body: { ...body, expectedVersion: monitor.version } }, { onSuccess: onDone }));
  return (
    <form className="form form-compact" onSubmit={onSubmit} noValidate aria-label={t('monitors.editTitle', { modelId: monitor.modelId })}>
      {update.error ? <MonitorProblem error={update.error} /> : null}
      <Field label={t('monitors.threshold')} error={invalid('threshold', 'monitors.thresholdInvalid')}>
        {({ id }, describedBy, isInvalid) => (
          <input
            id={id}
            type="number"
            step="any"
            min="0"
            {...form.register('threshold', { valueAsNumber: true })}
            aria-describedby={describedBy}
            aria-invalid={isInvalid}
          />
        )}
      </Field>
      <Field label={t('monitors.window')} error={invalid('windowDays', 'monitors.windowInvalid')}>
        {({ id }, describedBy, isInvalid) => (
          <input
            id={id}
            type="number"
            step="1"
            min="1"
            max="366"
            {...form.register('windowDays', { valueAsNumber: true })}
            aria-describedby={describedBy}
            aria-invalid={isInvalid}
          />
        )}
      </Field>
      <div className="gov-monitor-form-actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {t('monitors.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('monitors.cancel')}
        </button>
      </div>
    </form>
  );
}

/** A new monitor, checked by the shared schema before it is sent (the server checks it again). */
function NewMonitorForm() {
  const { t, typeName } = useGovernanceI18n();
  const create = useCreateMonitor();
  const form = useSchemaForm(NewMonitor, {
    defaultValues: { modelId: '', metric: 'fairness_ratio', threshold: 0.8, windowDays: 30, enabled: true },
    serverError: create.error,
  });
  const metric = form.watch('metric');
  const invalid = (name: 'modelId' | 'threshold' | 'windowDays', key: GovernanceMessageKey) => (form.formState.errors[name] ? t(key) : null);
  const onSubmit = form.handleSubmit((body) => create.mutate(body, { onSuccess: () => form.reset() }));
  return (
    <form className="form form-compact" onSubmit={onSubmit} noValidate aria-labelledby="new-monitor-title">
      <h3 id="new-monitor-title" className="gov-subtitle">
        {t('monitors.new')}
      </h3>
      {create.error ? <MonitorProblem error={create.error} /> : null}
      {create.isSuccess ? (
        <p className="callout" role="status">
          {t('monitors.added')}
        </p>
      ) : null}
      <div className="gov-monitor-form">
        <Field label={t('monitors.model')} error={invalid('modelId', 'monitors.modelInvalid')}>
          {({ id }, describedBy, isInvalid) => (
            <input id={id} type="text" {...form.textProps('modelId')} aria-describedby={describedBy} aria-invalid={isInvalid} />
          )}
        </Field>
        <Field label={t('monitors.type')}>
          {({ id }) => (
            <select id={id} {...form.register('type', { setValueAs: emptyToUndefined })}>
              <option value="">{t('monitors.allTypes')}</option>
              {DecisionType.options.map((type) => (
                <option key={type} value={type}>
                  {typeName(type)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('monitors.metric')}>
          {({ id }) => (
            <select id={id} {...form.register('metric')}>
              {MonitorMetric.options.map((m) => (
                <option key={m} value={m}>
                  {t('alerts.metric', { metric: m })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('monitors.threshold')} hint={t('monitors.thresholdHint')} error={invalid('threshold', 'monitors.thresholdInvalid')}>
          {({ id }, describedBy, isInvalid) => (
            <input
              id={id}
              type="number"
              step="any"
              min="0"
              {...form.register('threshold', { valueAsNumber: true })}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            />
          )}
        </Field>
        <Field label={t('monitors.window')} hint={t('monitors.windowHint')} error={invalid('windowDays', 'monitors.windowInvalid')}>
          {({ id }, describedBy, isInvalid) => (
            <input
              id={id}
              type="number"
              step="1"
              min="1"
              max="366"
              {...form.register('windowDays', { valueAsNumber: true })}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            />
          )}
        </Field>
        {metric === 'fairness_ratio' ? (
          <>
            <Field label={t('monitors.attribute')} hint={t('monitors.attributeHint')} error={form.errorOf('attribute')}>
              {({ id }, describedBy, isInvalid) => (
                <input
                  id={id}
                  type="text"
                  {...form.register('attribute', { setValueAs: emptyToUndefined, shouldUnregister: true })}
                  aria-describedby={describedBy}
                  aria-invalid={isInvalid}
                />
              )}
            </Field>
            <Field label={t('monitors.basis')}>
              {({ id }) => (
                <select id={id} {...form.register('basis', { setValueAs: emptyToUndefined, shouldUnregister: true })}>
                  <option value="model">{t('monitors.basisModel')}</option>
                  <option value="final">{t('monitors.basisFinal')}</option>
                </select>
              )}
            </Field>
          </>
        ) : null}
        <label className="choice">
          <input type="checkbox" {...form.register('enabled')} /> {t('monitors.enabled')}
        </label>
        <div className="gov-monitor-form-actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {t('monitors.add')}
          </button>
        </div>
      </div>
    </form>
  );
}
