import type { CorrectionsReport } from '@shared/schemas/metrics';
import { useCorrections } from '../api/get-corrections';
import type { MetricsFilter } from '../api/metrics-filter';
import { useGovernanceI18n } from '../i18n';
import { ScrollTable, QueryBlock, Section } from './section';

/**
 * Rectification (GDPR Art. 16): which inputs members showed to be wrong, per decision type and
 * model. Many accepted corrections of one feature point at the source that feeds it.
 */
export function CorrectionsSection({ filter }: { filter: MetricsFilter }) {
  const { t } = useGovernanceI18n();
  const corrections = useCorrections(filter);
  return (
    <Section title={t('correctionsMetric.title')} intro={t('correctionsMetric.intro')}>
      <QueryBlock query={corrections}>{(report) => <CorrectionsTable report={report} />}</QueryBlock>
    </Section>
  );
}

function CorrectionsTable({ report }: { report: CorrectionsReport }) {
  const { t, formatNumber, typeName } = useGovernanceI18n();
  if (report.items.length === 0) {
    return (
      <p className="gov-callout gov-callout-good" role="status">
        {t('correctionsMetric.none')}
      </p>
    );
  }
  return (
    <>
      <p className="gov-callout" role="status">
        {t('correctionsMetric.summary', {
          claimed: formatNumber(report.claimed, 0),
          accepted: formatNumber(report.accepted, 0),
          rejected: formatNumber(report.rejected, 0),
        })}
      </p>
      <ScrollTable label={t('correctionsMetric.title')}>
        <table className="data-table gov-table">
          <caption className="visually-hidden">{t('correctionsMetric.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('correctionsMetric.feature')}</th>
              <th scope="col">{t('correctionsMetric.source')}</th>
              <th scope="col" className="gov-num">
                {t('correctionsMetric.claimed')}
              </th>
              <th scope="col" className="gov-num">
                {t('correctionsMetric.accepted')}
              </th>
              <th scope="col" className="gov-num">
                {t('correctionsMetric.rejected')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.items.map((i) => (
              <tr key={`${i.type}|${i.modelId}|${i.feature}`}>
                <th scope="row" className="mono">
                  {i.feature}
                </th>
                <td>
                  {typeName(i.type)}
                  <span className="gov-cell-detail">{i.modelId}</span>
                </td>
                <td className="gov-num">{formatNumber(i.claimed, 0)}</td>
                <td className="gov-num">{formatNumber(i.accepted, 0)}</td>
                <td className="gov-num">{formatNumber(i.rejected, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}
