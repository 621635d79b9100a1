import { CreateIngestKey, DEFAULT_KEY_OVERLAP_HOURS } from '@shared/schemas/admin';
import { DecisionType } from '@shared/schemas/common';
import { ChoiceGroup, Field } from '../../../components/form/form-field';
import { useSchemaForm } from '../../../components/form/use-schema-form';
import { ProblemMessage } from '../../../components/problem-message';
import { useI18n } from '../../../i18n';
import { z } from 'zod';
import { useCreateIngestKey, useIngestKeys, useRevokeIngestKey, useRotateIngestKey } from '../api/ingest-keys';
import { DataTable } from '../../../components/data-table';

/**
 * The scoring services' keys: each shown once when made or rotated, kept only as a digest,
 * optionally held to decision types. INGEST_API_KEYS in the configuration work beside them.
 */
export function IngestKeysSection() {
  const { t, formatDateTime } = useI18n();
  const list = useIngestKeys();
  const rotate = useRotateIngestKey();
  const revoke = useRevokeIngestKey();
  return (
    <section className="card" aria-labelledby="ingest-keys-title">
      <h2 id="ingest-keys-title">{t('admin.keysTitle')}</h2>
      <p className="muted">{t('admin.keysIntro')}</p>
      <NewKeyForm />
      {list.isError ? <ProblemMessage error={list.error} /> : null}
      {rotate.error || revoke.error ? <ProblemMessage error={rotate.error ?? revoke.error} /> : null}
      {rotate.data ? (
        <p className="callout" role="status">
          {t('admin.keyRotatedOnce', { name: rotate.data.name, hours: DEFAULT_KEY_OVERLAP_HOURS })} <code>{rotate.data.key}</code>
        </p>
      ) : null}
      {list.data && list.data.items.length === 0 ? <p className="muted">{t('admin.keysNone')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <DataTable
          caption={t('admin.keysTitle')}
          columns={[t('admin.keyName'), t('admin.keyTypes'), t('admin.keyCreated'), t('admin.keyLastUsed'), t('admin.webhookState'), t('admin.webhookActions')]}
        >
          {list.data.items.map((k) => (
            <tr key={k.id}>
              <th scope="row">
                {k.name}
                <div className="muted small">
                  <code>{k.prefix}…</code>
                </div>
              </th>
              <td>{k.types ? k.types.map((type) => t(`decisionType.${type}`)).join(', ') : t('admin.keyAllTypes')}</td>
              <td>{formatDateTime(k.createdAt)}</td>
              <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : t('admin.keyNeverUsed')}</td>
              <td>
                {k.revokedAt ? t('admin.keyRevokedAt', { at: formatDateTime(k.revokedAt) }) : t('admin.webhookEnabled')}
                {!k.revokedAt && k.previousPrefix && k.previousRetiresAt ? (
                  <div className="muted small">{t('admin.keyOverlap', { prefix: k.previousPrefix, at: formatDateTime(k.previousRetiresAt) })}</div>
                ) : null}
              </td>
              <td>
                <div className="row-actions">
                  {k.revokedAt ? null : (
                    <>
                      <button
                        type="button"
                        className="button button-secondary"
                        aria-label={t('admin.keyRotateNamed', { name: k.name })}
                        onClick={() => rotate.mutate(k.id)}
                      >
                        {t('admin.keyRotate')}
                      </button>
                      <button
                        type="button"
                        className="button button-secondary"
                        aria-label={t('admin.keyRevokeNamed', { name: k.name })}
                        onClick={() => revoke.mutate(k.id)}
                      >
                        {t('admin.keyRevoke')}
                      </button>
                    </>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}

/** No type ticked means every type: the API's `types` left out. */
const NewKeyForm_ = CreateIngestKey.extend({ types: z.array(DecisionType) });

function NewKeyForm() {
  const { t } = useI18n();
  const create = useCreateIngestKey();
  const form = useSchemaForm(NewKeyForm_, {
    defaultValues: { name: '', types: [] },
    messages: { name: 'admin.keyNameMissing' },
    serverError: create.error,
  });
  const onSubmit = form.handleSubmit(({ name, types }) => create.mutate({ name, ...(types.length ? { types } : {}) }, { onSuccess: () => form.reset() }));
  return (
    <form className="form form-compact" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="new-key-title">
      <h3 id="new-key-title">{t('admin.keyNew')}</h3>
      {create.error ? <ProblemMessage error={create.error} /> : null}
      {create.data ? (
        <p className="callout" role="status">
          {t('admin.keyOnce', { name: create.data.name })} <code>{create.data.key}</code>
        </p>
      ) : null}
      <Field label={t('admin.keyName')} hint={t('admin.keyNameHint')} error={form.errorOf('name')}>
        {({ id }, describedBy, invalid) => <input id={id} type="text" {...form.textProps('name')} aria-describedby={describedBy} aria-invalid={invalid} />}
      </Field>
      <ChoiceGroup legend={t('admin.keyTypes')} hint={t('admin.keyTypesHint')}>
        {DecisionType.options.map((type) => (
          <label key={type} className="choice">
            <input type="checkbox" value={type} {...form.register('types')} /> {t(`decisionType.${type}`)}
          </label>
        ))}
      </ChoiceGroup>
      <button type="submit" className="button" disabled={create.isPending}>
        {t('admin.keyCreate')}
      </button>
    </form>
  );
}
