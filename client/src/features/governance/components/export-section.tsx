import { useId, useState } from 'react';
import { auditExportUrl } from '../api/audit-export';
import { defaultPeriod } from '../hooks/use-metrics-filter';
import { useGovernanceI18n } from '../i18n';
import { PeriodError, PeriodFields, periodProblem } from './period-fields';
import { DownloadIcon, Section } from './section';

const KINDS = ['decisions', 'events'] as const;
const FORMATS = ['csv', 'ndjson'] as const;

/** A regulator's request (AI Act Art. 12, 26(6)): every decision or event of a period, as a file. */
export function ExportSection() {
  const { t, formatDay } = useGovernanceI18n();
  const errorId = useId();
  const [period, setPeriod] = useState(defaultPeriod);
  const problem = periodProblem(period);
  return (
    <Section title={t('export.title')} intro={t('export.intro')}>
      <div className="gov-export">
        <div className="gov-export-period">
          <PeriodFields period={period} errorId={errorId} onChange={setPeriod} />
        </div>
        {problem ? (
          <PeriodError id={errorId} problem={problem} />
        ) : (
          <div className="gov-export-files">
            {KINDS.map((kind) => (
              <div key={kind} className="gov-export-kind">
                <h3 className="gov-subtitle">{t(`export.kind.${kind}`)}</h3>
                <p className="gov-note">{t(`export.kindDetail.${kind}`, { from: formatDay(period.from), to: formatDay(period.to) })}</p>
                <ul className="gov-export-links">
                  {FORMATS.map((format) => (
                    <li key={format}>
                      <a className="gov-download gov-download-button" href={auditExportUrl({ kind, format, from: period.from, to: period.to })} download>
                        <DownloadIcon />
                        {t(`export.format.${format}`)}
                        <span className="visually-hidden">
                          {' '}
                          {t('export.linkDetail', { kind: t(`export.kind.${kind}`), from: formatDay(period.from), to: formatDay(period.to) })}
                        </span>
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        )}
        <p className="gov-note">{t('exportUtc.note')}</p>
        <p className="gov-note">{t('export.note')}</p>
      </div>
    </Section>
  );
}
