import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import type { FairnessReport } from '@shared/schemas/metrics';
import type { FrozenReport, ReportDetail } from '@shared/schemas/reports';
import { BackLink } from '../../../components/back-link';
import { ErrorState, LoadingState, NotFoundState } from '../../../components/page-states';
import { isApiError } from '../../../lib/api-client';
import { reportDownloadUrl, useReport } from '../api/get-report';
import { useGovernanceI18n, type GovernanceMessageKey } from '../i18n';
import { VerifiedMark } from './reports-page';
import './governance.css';
import './reports.css';

/**
 * A frozen report as a page to print or to save as PDF: its figures as they stood when it was
 * frozen, what they were computed with, and its hash. Print leaves out the navigation and buttons.
 */
export function ReportPage() {
  const { id = '' } = useParams();
  const report = useReport(id);
  if (report.isPending) return <LoadingState />;
  if (report.isError) return isApiError(report.error) && report.error.status === 404 ? <NotFoundState /> : <ErrorState error={report.error} />;
  return <FrozenReportView detail={report.data} />;
}

function FrozenReportView({ detail }: { detail: ReportDetail }) {
  const { t, typeName, formatDay, formatInstant, formatNumber } = useGovernanceI18n();
  const report = detail.report;
  return (
    <article className="gov-page gov-report">
      <div className="gov-report-toolbar no-print">
        <BackLink to="/governance/reports">{t('reports.back')}</BackLink>
        <div className="gov-report-actions">
          <button type="button" className="button" onClick={() => window.print()}>
            {t('reports.print')}
          </button>
          <a className="button button-quiet" href={reportDownloadUrl(detail.id, 'json')} download>
            {t('reports.downloadJson')}
          </a>
          <a className="button button-quiet" href={reportDownloadUrl(detail.id, 'csv')} download>
            {t('reports.downloadCsv')}
          </a>
        </div>
      </div>
      <h1>{t('reports.detailTitle', { seq: detail.seq })}</h1>
      <dl className="gov-report-meta">
        <Meta label={t('reports.meta.period')}>{t('reports.periodRange', { from: formatDay(detail.from), to: formatDay(detail.to) })}</Meta>
        <Meta label={t('reports.meta.type')}>{detail.type ? typeName(detail.type) : t('reports.allTypes')}</Meta>
        <Meta label={t('reports.meta.frozenAt')}>{formatInstant(detail.frozenAt)}</Meta>
        <Meta label={t('reports.meta.frozenBy')}>{detail.frozenBy.username ?? detail.frozenBy.id}</Meta>
        <Meta label={t('reports.meta.hash')}>
          <code className="gov-hash">{detail.hash}</code>
        </Meta>
        <Meta label={t('reports.meta.prevHash')}>{detail.prevHash ? <code className="gov-hash">{detail.prevHash}</code> : t('reports.meta.none')}</Meta>
        <Meta label={t('reports.meta.verification')}>
          <VerifiedMark report={detail} /> {detail.verification.ok ? t('reports.verifiedDetail') : t('reports.notVerifiedDetail')}
        </Meta>
        {report ? (
          <>
            <Meta label={t('reports.meta.app')}>{report.app.version}</Meta>
            <Meta label={t('reports.meta.definitions')}>
              <code className="gov-hash">{report.definitions.digest.slice(0, 16)}…</code>{' '}
              {t('reports.meta.rules', {
                threshold: formatNumber(report.definitions.fairness.threshold, 3),
                alpha: formatNumber(report.definitions.fairness.alpha, 3),
                minGroup: report.definitions.fairness.minGroup,
                moderate: formatNumber(report.definitions.psi.moderate, 3),
                major: formatNumber(report.definitions.psi.major, 3),
              })}
            </Meta>
          </>
        ) : null}
      </dl>
      <p className="gov-report-note">{t('reports.hashNote')}</p>
      {report ? <Figures report={report} /> : <p className="gov-callout gov-callout-bad">{t('reports.unreadable')}</p>}
    </article>
  );
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A titled table of the printed report; "nothing" instead of an empty table. */
function Table({ title, columns, rows, note }: { title: string; columns: string[]; rows: ReactNode[][]; note?: string }) {
  const { t } = useGovernanceI18n();
  return (
    <section className="gov-report-section">
      <h2>{title}</h2>
      {note ? <p className="gov-report-note">{note}</p> : null}
      {rows.length === 0 ? (
        <p>{t('reports.nothing')}</p>
      ) : (
        <table className="data-table gov-report-table">
          <thead>
            <tr>
              {columns.map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((cells, i) => (
              <tr key={i}>
                {cells.map((cell, j) =>
                  j === 0 ? (
                    <th scope="row" key={j}>
                      {cell}
                    </th>
                  ) : (
                    <td key={j}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Figures({ report }: { report: FrozenReport }) {
  const { t, typeName, formatRate, formatNumber } = useGovernanceI18n();
  const { overview, models, fairness, overrides, findings, coverage, labels } = report.figures;
  const num = (n: number | null) => (n === null ? '—' : formatNumber(n));
  return (
    <>
      <Table
        title={t('reports.section.overview')}
        note={t('reports.gauges')}
        columns={[
          t('overview.decisions'),
          t('overview.contestRate'),
          t('overview.overrideRate'),
          t('overview.openCases'),
          t('overview.overdueCases'),
          t('overview.resolution'),
        ]}
        rows={[
          [
            formatNumber(overview.decisions),
            `${formatRate(overview.contestRate)} (${overview.contested})`,
            `${formatRate(overview.overrideRate)} (${overview.overridden}/${overview.resolved})`,
            formatNumber(overview.openCases),
            formatNumber(overview.overdueCases),
            overview.medianResolutionDays === null ? '—' : t('overview.days', { days: overview.medianResolutionDays }),
          ],
        ]}
      />
      <Table
        title={t('reports.section.models')}
        columns={[
          t('models.model'),
          t('models.type'),
          t('models.decisions'),
          t('models.contestRate'),
          t('models.overrideRate'),
          t('models.psi'),
          t('models.against'),
        ]}
        rows={models.items.map((m) => [
          `${m.modelId} ${m.modelVersion}`,
          typeName(m.type),
          formatNumber(m.decisions),
          formatRate(m.contestRate),
          formatRate(m.overrideRate),
          num(m.psi),
          m.psiAgainst ?? '—',
        ])}
      />
      {fairness.map((f) => (
        <FairnessTable key={`${f.attribute}/${f.basis}`} report={f} />
      ))}
      <Table
        title={t('reports.section.overrides')}
        columns={[t('review.reviewer'), t('review.resolved'), t('review.overridden'), t('review.overrideRate'), t('review.approved')]}
        rows={overrides.byReviewer.map((r) => [r.username ?? r.reviewerId, r.resolved, r.overridden, formatRate(r.overrideRate), r.approved])}
      />
      <Table
        title={t('reports.section.reasons')}
        columns={[t('review.reasonCode'), t('review.resolved'), t('review.overridden'), t('review.overrideRate')]}
        rows={overrides.byReasonCode.map((r) => [r.code, r.resolved, r.overridden, formatRate(r.overrideRate)])}
      />
      <Table
        title={t('reports.section.findings')}
        columns={[t('findings.finding'), t('findings.type'), t('findings.model'), t('findings.count')]}
        rows={findings.items.map((f) => [f.code, typeName(f.type), `${f.modelId} ${f.modelVersion}`, f.count])}
      />
      <Table
        title={t('reports.section.coverage')}
        note={t('reports.fullyExplained', { share: formatRate(coverage.fullyExplainedShare) })}
        columns={[t('coverage.model'), t('coverage.decisions'), t('coverage.registered'), t('coverage.gaps')]}
        rows={coverage.models.map((m) => [
          `${m.modelId} ${m.modelVersion}`,
          m.decisions,
          m.registered ? t('coverage.registered') : t('coverage.notRegistered'),
          m.gaps,
        ])}
      />
      {labels.slice(0, 1).map((l) => (
        <Table
          key={l.attribute}
          title={t('reports.section.labels')}
          columns={[
            t('labels.version'),
            t('labels.resolved'),
            t('labels.overrideObjection'),
            t('labels.overrideSample'),
            t('labels.rejectedProposals'),
            t('labels.precision'),
            t('labels.falsePositiveRate'),
          ]}
          rows={l.items.map((v) => {
            const origin = (name: string) => v.byOrigin.find((o) => o.origin === name);
            const rateOf = (o: ReturnType<typeof origin>) =>
              o && o.resolved > 0 ? t('labels.rateOf', { rate: formatRate(o.overrideRate), n: o.resolved }) : '—';
            return [
              `${v.modelId} ${v.modelVersion}`,
              v.resolved,
              rateOf(origin('objection')),
              rateOf(origin('sample')),
              v.rejectedProposals,
              v.flags ? formatRate(v.flags.precision) : '—',
              v.flags ? formatRate(v.flags.falsePositiveRate) : '—',
            ];
          })}
        />
      ))}
    </>
  );
}

const STATUS_KEY: Record<string, GovernanceMessageKey> = {
  reference: 'fairness.status.reference',
  ok: 'fairness.ok',
  flagged: 'fairness.flagged',
  too_few: 'fairness.status.tooFew',
};

function FairnessTable({ report }: { report: FairnessReport }) {
  const { t, typeName, formatRate, formatNumber } = useGovernanceI18n();
  const attributeKey = `fairness.attr.${report.attribute}` as GovernanceMessageKey;
  const attribute = t(attributeKey) === attributeKey ? report.attribute : t(attributeKey);
  const rows = report.sections.flatMap((s) =>
    s.groups.map((g) => [
      `${s.type ? typeName(s.type) : ''}${s.modelId ? ` · ${s.modelId}` : ''} · ${g.group}`,
      formatNumber(g.n),
      g.rate === null ? '—' : `${formatRate(g.rate)}${g.ci ? ` (${formatRate(g.ci[0] ?? null)} – ${formatRate(g.ci[1] ?? null)})` : ''}`,
      g.ratio === null ? '—' : formatNumber(g.ratio),
      g.pValue === null ? '—' : g.pValue < 0.001 ? `< ${formatNumber(0.001, 3)}` : formatNumber(g.pValue, 3),
      t(STATUS_KEY[g.status] ?? 'fairness.ok', { threshold: formatNumber(report.threshold) }),
    ]),
  );
  return (
    <Table
      title={t('reports.section.fairness', { attribute, basis: t(`fairness.basis.${report.basis}`) })}
      columns={[t('reports.group'), t('fairness.n'), t('fairness.rateWithInterval'), t('fairness.ratio'), 'p', t('fairness.status')]}
      rows={rows}
    />
  );
}
