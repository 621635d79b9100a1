import { useState } from 'react';
import type { CoverageReport } from '@shared/schemas/metrics';
import type { ModelEntry } from '@shared/schemas/model';
import { ProblemMessage } from '../../../components/problem-message';
import { useI18n } from '../../../i18n';
import { useModelCoverage, useModels } from '../api/models';
import { ModelEditor } from './model-editor';
import { DataTable } from '../../../components/data-table';

const versionKey = (modelId: string, version: string) => `${modelId}@${version}`;

/**
 * The model registry: each version's owner and the words members read about it, in en, nl and
 * fr, with the gaps decisions revealed (a feature or reason code used without a text).
 */
export function ModelsSection() {
  const { t, formatNumber } = useI18n();
  const models = useModels();
  const coverage = useModelCoverage();
  const [selected, setSelected] = useState<ModelEntry | null>(null);
  const gapsOf = (modelId: string, version: string): CoverageReport['gaps'] =>
    coverage.data?.gaps.filter((g) => g.kind !== 'model' && g.modelId === modelId && g.modelVersion === version) ?? [];
  const registered = new Set(models.data?.items.map((m) => versionKey(m.modelId, m.version)));
  const unregistered = coverage.data?.models.filter((m) => !registered.has(versionKey(m.modelId, m.modelVersion))) ?? [];
  return (
    <section className="card" aria-labelledby="models-title">
      <h2 id="models-title">{t('admin.modelsTitle')}</h2>
      <p className="muted">{t('admin.modelsIntro')}</p>
      {models.isError ? <ProblemMessage error={models.error} /> : null}
      {models.data ? (
        <DataTable
          caption={t('admin.modelsTitle')}
          columns={[
            t('admin.modelVersion'),
            t('admin.keyTypes'),
            t('admin.modelOwner'),
            t('admin.modelTexts'),
            t('admin.modelGaps'),
            t('admin.webhookActions'),
          ]}
        >
          {models.data.items.map((m) => {
            const gaps = gapsOf(m.modelId, m.version);
            return (
              <tr key={versionKey(m.modelId, m.version)}>
                <th scope="row">
                  <code>{m.modelId}</code> <span className="muted small">{m.version}</span>
                </th>
                <td>{t(`decisionType.${m.type}`)}</td>
                <td>{m.owner}</td>
                <td>{t('admin.modelTextCounts', { features: Object.keys(m.features).length, codes: Object.keys(m.reasonCodes).length })}</td>
                <td>
                  {coverage.isError ? '—' : gaps.length === 0 ? t('admin.modelNoGaps') : t('admin.modelGapCount', { count: gaps.length })}
                  {gaps.length ? <div className="muted small">{gaps.map((g) => `${g.key} (${formatNumber(g.decisions)})`).join(', ')}</div> : null}
                </td>
                <td>
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-label={t('admin.modelEditNamed', { model: `${m.modelId} ${m.version}` })}
                    aria-pressed={selected?.modelId === m.modelId && selected.version === m.version}
                    onClick={() => setSelected(m)}
                  >
                    {t('admin.modelEdit')}
                  </button>
                </td>
              </tr>
            );
          })}
        </DataTable>
      ) : null}
      {unregistered.length ? (
        <p className="notice notice-info">
          {t('admin.modelsUnregistered', { versions: unregistered.map((m) => versionKey(m.modelId, m.modelVersion)).join(', ') })}
        </p>
      ) : null}
      {selected ? (
        <ModelEditor
          key={versionKey(selected.modelId, selected.version)}
          entry={selected}
          gaps={gapsOf(selected.modelId, selected.version)}
          onDone={() => setSelected(null)}
        />
      ) : null}
    </section>
  );
}
