import type { CoverageReport, FindingsReport } from '@shared/schemas/metrics';
import { coverageCsvUrl, useCoverage } from '../api/get-coverage';
import { findingsCsvUrl, useFindings } from '../api/get-findings';
import type { MetricsFilter } from '../api/metrics-filter';
import { useGovernanceI18n, type GovernanceMessageKey } from '../i18n';
import { ScrollTable, BlockEmpty, DataBar, QueryBlock, Section } from './section';

const KNOWN_FINDINGS = ['prohibited_input', 'special_category_without_consent', 'explanation_inconsistent', 'consent_withdrawn'] as const;

/** Ingest checks that failed: the decision is kept, and governance sees the finding. */
export function FindingsSection({ filter }: { filter: MetricsFilter }) {
  const { t } = useGovernanceI18n();
  const findings = useFindings(filter);
  return (
    <Section title={t('findings.title')} intro={t('findings.intro')} csvHref={findingsCsvUrl(filter)}>
      <QueryBlock query={findings}>
        {(report) => (
          <>
            <FindingsTable report={report} />
            <MemberRequestsTable report={report} />
          </>
        )}
      </QueryBlock>
    </Section>
  );
}

/** Issue 18: members' standing requests for a person and consent withdrawals now, and the reviews they opened in the period. */
function MemberRequestsTable({ report }: { report: FindingsReport }) {
  const { t, formatNumber, typeName } = useGovernanceI18n();
  const m = report.memberRequests;
  const types = ['renewal_price', 'fraud_flag', 'risk_score'] as const;
  return (
    <ScrollTable label={t('memberRequests.title')}>
      <table className="data-table gov-table">
        <caption>{t('memberRequests.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('findings.type')}</th>
            <th scope="col" className="gov-num">
              {t('memberRequests.humanReview')}
            </th>
            <th scope="col" className="gov-num">
              {t('memberRequests.consentWithdrawn')}
            </th>
            <th scope="col" className="gov-num">
              {t('memberRequests.cases')}
            </th>
          </tr>
        </thead>
        <tbody>
          {types.map((type) => (
            <tr key={type}>
              <th scope="row">{typeName(type)}</th>
              <td className="gov-num">{formatNumber(m.humanReview[type], 0)}</td>
              <td className="gov-num">{formatNumber(m.consentWithdrawn[type], 0)}</td>
              <td className="gov-num">{formatNumber(m.humanReviewCases[type], 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function FindingsTable({ report }: { report: FindingsReport }) {
  const { t, formatNumber, typeName, count } = useGovernanceI18n();
  const findingName = (code: string) => ((KNOWN_FINDINGS as readonly string[]).includes(code) ? t(`findings.code.${code}` as GovernanceMessageKey) : code);
  if (report.total === 0) {
    return (
      <p className="gov-callout gov-callout-good" role="status">
        {t('findings.none', { decisions: count('count.decisions', report.decisions) })}
      </p>
    );
  }
  return (
    <>
      <p className="gov-callout gov-callout-bad" role="status">
        {t('findings.some', { total: formatNumber(report.total, 0), decisions: count('count.decisions', report.decisions) })}
      </p>
      <ScrollTable label={t('findings.title')}>
        <table className="data-table gov-table">
          <caption className="visually-hidden">{t('findings.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('findings.finding')}</th>
              <th scope="col">{t('findings.type')}</th>
              <th scope="col">{t('findings.model')}</th>
              <th scope="col" className="gov-num">
                {t('findings.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.items.map((f) => (
              <tr key={`${f.code}|${f.modelId}|${f.modelVersion}`}>
                <th scope="row">
                  {findingName(f.code)}
                  <span className="gov-cell-detail mono">{f.code}</span>
                </th>
                <td>{typeName(f.type)}</td>
                <td className="nowrap">
                  {f.modelId} {f.modelVersion}
                </td>
                <td className="gov-num">{formatNumber(f.count, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}

/** Art. 86 and 15(1)(h): a decision can only be explained if its features and reasons have texts in every language. */
export function CoverageSection({ filter }: { filter: MetricsFilter }) {
  const { t } = useGovernanceI18n();
  const coverage = useCoverage(filter);
  return (
    <Section title={t('coverage.title')} intro={t('coverage.intro')} csvHref={coverageCsvUrl(filter)}>
      <QueryBlock query={coverage}>{(report) => <Coverage report={report} />}</QueryBlock>
    </Section>
  );
}

function Coverage({ report }: { report: CoverageReport }) {
  const { t, formatNumber, formatRate, count } = useGovernanceI18n();
  const share = report.fullyExplainedShare;
  return (
    <>
      <div className="gov-coverage">
        <p className="gov-coverage-share">
          <span className="gov-stat-value">{formatRate(share)}</span>
          <span>{share === null ? t('coverage.noDecisions') : t('coverage.share', { decisions: count('count.decisions', report.decisions) })}</span>
        </p>
        <DataBar value={share} max={1} tone={share === null || share >= 1 ? 'good' : share >= 0.95 ? 'warn' : 'bad'} />
      </div>
      {report.models.length ? (
        <ScrollTable label={t('coverage.modelsCaption')}>
          <table className="data-table gov-table">
            <caption className="visually-hidden">{t('coverage.modelsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('coverage.model')}</th>
                <th scope="col" className="gov-num">
                  {t('coverage.decisions')}
                </th>
                <th scope="col">{t('coverage.registered')}</th>
                <th scope="col" className="gov-num">
                  {t('coverage.gaps')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.models.map((m) => (
                <tr key={`${m.modelId}@${m.modelVersion}`}>
                  <th scope="row" className="nowrap">
                    {m.modelId} {m.modelVersion}
                  </th>
                  <td className="gov-num">{formatNumber(m.decisions, 0)}</td>
                  <td>{m.registered ? t('common.yes') : <span className="gov-pill gov-pill-bad">{t('coverage.notRegistered')}</span>}</td>
                  <td className="gov-num">{m.gaps === 0 ? '0' : <strong className="gov-text-bad">{formatNumber(m.gaps, 0)}</strong>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
      <h3 className="gov-subtitle">{t('coverage.gapsTitle')}</h3>
      {report.gaps.length === 0 ? (
        <BlockEmpty>{t('coverage.noGaps')}</BlockEmpty>
      ) : (
        <ScrollTable label={t('coverage.gapsTitle')}>
          <table className="data-table gov-table">
            <caption className="visually-hidden">{t('coverage.gapsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('coverage.missing')}</th>
                <th scope="col">{t('coverage.kind')}</th>
                <th scope="col">{t('coverage.model')}</th>
                <th scope="col" className="gov-num">
                  {t('coverage.decisionsAffected')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.gaps.map((g) => (
                <tr key={`${g.modelId}@${g.modelVersion}|${g.kind}|${g.key}`}>
                  <th scope="row">
                    <span className="code-chip">{g.key}</span>
                  </th>
                  <td>{t(`coverage.kind.${g.kind}`)}</td>
                  <td className="nowrap">
                    {g.modelId} {g.modelVersion}
                  </td>
                  <td className="gov-num">{formatNumber(g.decisions, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}
