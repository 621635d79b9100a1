import type { OverrideReport } from '@shared/schemas/metrics';
import { overridesCsvUrl, useOverrides } from '../api/get-overrides';
import type { MetricsFilter } from '../api/metrics-filter';
import { useGovernanceI18n } from '../i18n';
import { ScrollTable, BlockEmpty, DataBar, QueryBlock, Section } from './section';

/** Human oversight in practice (AI Act Art. 14): who decided how many cases, and how often the model was overturned. */
export function ReviewSection({ filter }: { filter: MetricsFilter }) {
  const { t } = useGovernanceI18n();
  const overrides = useOverrides(filter);
  return (
    <Section title={t('review.title')} intro={t('review.intro')} csvHref={overridesCsvUrl(filter)}>
      <QueryBlock query={overrides}>{(report) => <ReviewTables report={report} />}</QueryBlock>
    </Section>
  );
}

function ReviewTables({ report }: { report: OverrideReport }) {
  const { t, formatNumber, formatRate, count } = useGovernanceI18n();
  const workload = (r: OverrideReport['byReviewer'][number]) => r.resolved + r.approved;
  const maxWorkload = Math.max(1, ...report.byReviewer.map(workload));
  const reviewers = [...report.byReviewer].sort((a, b) => workload(b) - workload(a));
  const reasons = [...report.byReasonCode].sort((a, b) => (b.overrideRate ?? -1) - (a.overrideRate ?? -1) || b.resolved - a.resolved);
  return (
    <>
      <p className="gov-lead">
        {report.resolved === 0
          ? t('review.summaryNone')
          : t('review.summary', {
              resolved: count('count.cases', report.resolved),
              overridden: formatNumber(report.overridden, 0),
              rate: formatRate(report.overrideRate),
            })}
      </p>
      <div className="gov-stack">
        <div>
          <h3 className="gov-subtitle">{t('review.byReviewer')}</h3>
          {reviewers.length === 0 ? (
            <BlockEmpty>{t('review.noReviewers')}</BlockEmpty>
          ) : (
            <ScrollTable label={t('review.byReviewer')}>
              <table className="data-table gov-table">
                <caption className="visually-hidden">{t('review.byReviewer')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('review.reviewer')}</th>
                    <th scope="col" className="gov-num">
                      {t('review.decided')}
                    </th>
                    <th scope="col" className="gov-num">
                      {t('review.approved')}
                    </th>
                    <th scope="col" className="gov-num">
                      {t('review.overridden')}
                    </th>
                    <th scope="col" className="gov-num">
                      {t('review.overrideRate')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {reviewers.map((r) => (
                    <tr key={r.reviewerId}>
                      <th scope="row">
                        <span className="gov-with-bar">
                          {r.username ?? <span className="mono small">{r.reviewerId}</span>}
                          <DataBar value={workload(r)} max={maxWorkload} />
                        </span>
                      </th>
                      <td className="gov-num">{formatNumber(r.resolved, 0)}</td>
                      <td className="gov-num">{formatNumber(r.approved, 0)}</td>
                      <td className="gov-num">{formatNumber(r.overridden, 0)}</td>
                      <td className="gov-num">{formatRate(r.overrideRate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
          <p className="gov-note">{t('review.reviewerNote')}</p>
        </div>
        <div>
          <h3 className="gov-subtitle">{t('review.byReason')}</h3>
          {reasons.length === 0 ? (
            <BlockEmpty>{t('review.noReasons')}</BlockEmpty>
          ) : (
            <ScrollTable label={t('review.byReason')}>
              <table className="data-table gov-table">
                <caption className="visually-hidden">{t('review.byReason')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('review.reasonCode')}</th>
                    <th scope="col" className="gov-num">
                      {t('review.resolved')}
                    </th>
                    <th scope="col" className="gov-num">
                      {t('review.overridden')}
                    </th>
                    <th scope="col" className="gov-rate-col">
                      {t('review.overrideRate')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {reasons.map((r) => (
                    <tr key={r.code}>
                      <th scope="row">
                        <span className="code-chip">{r.code}</span>
                      </th>
                      <td className="gov-num">{formatNumber(r.resolved, 0)}</td>
                      <td className="gov-num">{formatNumber(r.overridden, 0)}</td>
                      <td className="gov-rate-col">
                        <span className="gov-ratio">
                          <span className="gov-num-inline">{formatRate(r.overrideRate)}</span>
                          <DataBar value={r.overrideRate} max={1} tone="warn" />
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
          <p className="gov-note">{t('review.reasonNote')}</p>
        </div>
      </div>
    </>
  );
}
