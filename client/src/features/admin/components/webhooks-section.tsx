import { useState } from 'react';
import { WEBHOOK_EVENT_TYPES } from '@shared/schemas/webhook-events';
import { CreateWebhook, type WebhookSubscriptionView } from '@shared/schemas/webhooks';
import { ChoiceGroup, Field } from '../../../components/form/form-field';
import { useSchemaForm } from '../../../components/form/use-schema-form';
import { ProblemMessage } from '../../../components/problem-message';
import { useI18n } from '../../../i18n';
import { useCreateWebhook, useTestWebhook, useUpdateWebhook, useWebhooks } from '../api/webhooks';
import { WebhookDeliveries } from './webhook-deliveries';

/** Subscriptions of the insurer's systems (billing, claims, the CRM) to what Recourse decides. */
export function WebhooksSection() {
  const { t } = useI18n();
  const list = useWebhooks();
  const update = useUpdateWebhook();
  const test = useTestWebhook();
  const [selected, setSelected] = useState<WebhookSubscriptionView | null>(null);
  return (
    <section className="card" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">{t('admin.webhooksTitle')}</h2>
      <p className="muted">{t('admin.webhooksIntro')}</p>
      <NewWebhookForm />
      {list.isError ? <ProblemMessage error={list.error} /> : null}
      {update.error || test.error ? <ProblemMessage error={update.error ?? test.error} /> : null}
      {list.data && list.data.items.length === 0 ? <p className="muted">{t('admin.webhooksNone')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.webhookUrl')}</th>
              <th scope="col">{t('admin.webhookEvents')}</th>
              <th scope="col">{t('admin.webhookState')}</th>
              <th scope="col">{t('admin.webhookActions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((w) => (
              <tr key={w.id}>
                <td>
                  <code>{w.url}</code>
                  {w.description ? <div className="muted small">{w.description}</div> : null}
                </td>
                <td>{w.events.join(', ')}</td>
                <td>{w.enabled ? t('admin.webhookEnabled') : t('admin.webhookDisabled', { reason: w.disabledReason ?? '—' })}</td>
                <td className="actions">
                  <button type="button" className="button button-secondary" onClick={() => update.mutate({ id: w.id, body: { enabled: !w.enabled } })}>
                    {w.enabled ? t('admin.webhookDisable') : t('admin.webhookEnable')}
                  </button>
                  <button type="button" className="button button-secondary" onClick={() => test.mutate(w.id)} disabled={!w.enabled}>
                    {t('admin.webhookSendTest')}
                  </button>
                  <button type="button" className="button button-quiet-link" onClick={() => setSelected(w)} aria-pressed={selected?.id === w.id}>
                    {t('admin.webhookShowDeliveries')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {selected ? <WebhookDeliveries subscription={selected} /> : null}
    </section>
  );
}

/** A new subscription; its signing secret is shown here once, and never again. */
function NewWebhookForm() {
  const { t } = useI18n();
  const create = useCreateWebhook();
  const form = useSchemaForm(CreateWebhook, {
    defaultValues: { url: '', events: [], description: '' },
    messages: { url: 'admin.webhookUrlInvalid', events: 'admin.webhookEventsMissing' },
    serverError: create.error,
  });
  const onSubmit = form.handleSubmit((body) => create.mutate(body, { onSuccess: () => form.reset() }));
  return (
    <form className="form form-compact" onSubmit={onSubmit} noValidate aria-labelledby="new-webhook-title">
      <h3 id="new-webhook-title">{t('admin.webhookNew')}</h3>
      {create.error ? <ProblemMessage error={create.error} /> : null}
      {create.data ? (
        <p className="callout" role="status">
          {t('admin.webhookSecretOnce')} <code>{create.data.secret}</code>
        </p>
      ) : null}
      <Field label={t('admin.webhookUrl')} hint={t('admin.webhookUrlHint')} error={form.errorOf('url')}>
        {({ id }, describedBy, invalid) => <input id={id} type="url" {...form.textProps('url')} aria-describedby={describedBy} aria-invalid={invalid} />}
      </Field>
      <ChoiceGroup legend={t('admin.webhookEvents')} error={form.errorOf('events')}>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type} className="choice">
            <input type="checkbox" value={type} {...form.register('events')} /> <code>{type}</code>
          </label>
        ))}
      </ChoiceGroup>
      <Field label={t('admin.webhookDescription')} optional={t('form.optional')} error={form.errorOf('description')}>
        {({ id }, describedBy, invalid) => (
          <input id={id} type="text" {...form.textProps('description')} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </Field>
      <button type="submit" className="button" disabled={create.isPending}>
        {t('admin.webhookCreate')}
      </button>
    </form>
  );
}
