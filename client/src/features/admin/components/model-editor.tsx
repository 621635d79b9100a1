import type { Path } from 'react-hook-form';
import type { CoverageReport } from '@shared/schemas/metrics';
import { z } from 'zod';
import { Identifier } from '@shared/schemas/common';
import { FeatureInfo, FeatureUnit, LocalizedText, ModelEntry } from '@shared/schemas/model';
import { FeatureName } from '@shared/schemas/decision';
import { Field } from '../../../components/form/form-field';
import { useSchemaForm } from '../../../components/form/use-schema-form';
import { ProblemMessage } from '../../../components/problem-message';
import { LANGUAGE_NAMES, LANGUAGES, useI18n } from '../../../i18n';
import { usePutModel } from '../api/models';
import { SaveCancelButtons } from './save-cancel-buttons';

const EMPTY = { en: '', nl: '', fr: '' };

/**
 * The editable part of an entry, checked with the registry's own schemas. Reason codes are a list
 * here: a code may hold a dot, which a form would read as a nested field.
 */
const ModelTexts = z.strictObject({
  owner: ModelEntry.shape.owner,
  description: LocalizedText,
  decides: LocalizedText,
  features: z.record(FeatureName, FeatureInfo),
  reasonCodes: z.array(z.strictObject({ code: Identifier, text: LocalizedText })),
});
type ModelTexts = z.input<typeof ModelTexts>;

/** The entry's texts as they stand, with an empty text for each gap so the admin can fill it in. */
function withGaps(entry: ModelEntry, gaps: CoverageReport['gaps']): ModelTexts {
  const features = { ...entry.features };
  const reasonCodes = Object.entries(entry.reasonCodes).map(([code, text]) => ({ code, text }));
  for (const gap of gaps) {
    if (gap.kind === 'feature_label' && !features[gap.key]) features[gap.key] = { label: { ...EMPTY }, unit: 'text' };
    if (gap.kind === 'reason_code' && !reasonCodes.some((r) => r.code === gap.key)) reasonCodes.push({ code: gap.key, text: { ...EMPTY } });
  }
  return { owner: entry.owner, description: entry.description, decides: entry.decides, features, reasonCodes };
}

/**
 * One model version's words, edited whole and saved with PUT /api/models (on the staff log).
 * Every text needs all three languages: the registry refuses an entry a member could not read.
 */
export function ModelEditor({ entry, gaps, onDone }: { entry: ModelEntry; gaps: CoverageReport['gaps']; onDone: () => void }) {
  const { t } = useI18n();
  const put = usePutModel();
  const defaults = withGaps(entry, gaps);
  const form = useSchemaForm(ModelTexts, { defaultValues: defaults, serverError: put.error });
  const missing = new Set(gaps.map((g) => `${g.kind}:${g.key}`));
  const onSubmit = form.handleSubmit(({ reasonCodes, ...texts }) =>
    put.mutate({ ...entry, ...texts, reasonCodes: Object.fromEntries(reasonCodes.map((r) => [r.code, r.text])) }, { onSuccess: onDone }),
  );
  const errorAt = (path: string) => (form.getFieldState(path as Path<ModelTexts>, form.formState).error ? t('admin.modelTextMissing') : null);

  /** One text in en, nl and fr: three fields under a legend. */
  const texts = (legend: string, base: string, note?: string) => (
    <fieldset className="field choice-group" key={base}>
      <legend>
        {legend}
        {note ? <span className="badge badge-info"> {note}</span> : null}
      </legend>
      {LANGUAGES.map((lang) => (
        <Field key={lang} label={LANGUAGE_NAMES[lang]} error={errorAt(`${base}.${lang}`)}>
          {({ id }, describedBy, invalid) => (
            <input
              id={id}
              type="text"
              lang={lang}
              maxLength={2000}
              {...form.register(`${base}.${lang}` as Path<ModelTexts>)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
          )}
        </Field>
      ))}
    </fieldset>
  );

  return (
    <form className="form form-compact" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="model-editor-title">
      <h3 id="model-editor-title">{t('admin.modelEditTitle', { model: `${entry.modelId} ${entry.version}` })}</h3>
      {put.error ? <ProblemMessage error={put.error} /> : null}
      <Field label={t('admin.modelOwner')} error={form.errorOf('owner')}>
        {({ id }, describedBy, invalid) => <input id={id} type="text" {...form.textProps('owner')} aria-describedby={describedBy} aria-invalid={invalid} />}
      </Field>
      {texts(t('admin.modelDescription'), 'description')}
      {texts(t('admin.modelDecides'), 'decides')}
      <h4>{t('admin.modelFeatures')}</h4>
      {Object.keys(defaults.features).map((name) => (
        <div key={name}>
          {texts(name, `features.${name}.label`, missing.has(`feature_label:${name}`) ? t('admin.modelMissing') : undefined)}
          <Field label={t('admin.modelUnit', { feature: name })}>
            {({ id }) => (
              <select id={id} {...form.register(`features.${name}.unit` as Path<ModelTexts>)}>
                {FeatureUnit.options.map((unit) => (
                  <option key={unit} value={unit}>
                    {unit}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      ))}
      <h4>{t('admin.modelReasonCodes')}</h4>
      {defaults.reasonCodes.map(({ code }, index) =>
        texts(code, `reasonCodes.${index}.text`, missing.has(`reason_code:${code}`) ? t('admin.modelMissing') : undefined),
      )}
      <SaveCancelButtons saving={put.isPending} onCancel={onDone} />
    </form>
  );
}
