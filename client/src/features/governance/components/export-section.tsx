import { useId, useState } from 'react';
import { auditExportUrl } from '../api/audit-export';
import { defaultPeriod, isDay, todayUtc } from '../hooks/use-metrics-filter';
import { useGovernanceI18n } from '../i18n';
import { DownloadIcon, Section } from './section';

const KINDS = ['decisions', 'events'] as const;
const FORMATS = ['csv', 'ndjson'] as const;

/** A regulator's request (AI Act Art. 12, 26(6)): every decision or event of a period, as a file. */
export function ExportSection() {
  const { t, formatDay } = useGovernanceI18n();
  const ids = { from: useId(), to: useId(), error: useId() };
  const [period, setPeriod] = useState(defaultPeriod);
  const problem = !isDay(period.from) || !isDay(period.to) ? 'incomplete' : period.from > period.to ? 'order' : null;
  return (
    <Section title={t('export.title')} intro={t('export.intro')}>
      <div className="gov-export">
        <div className="gov-export-period">
          <div className="filter">
            <label htmlFor={ids.from}>{t('filter.from')}</label>
            <input
              id={ids.from}
              type="date"
              value={period.from}
              max={todayUtc()}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? ids.error : undefined}
              onChange={(event) => setPeriod({ ...period, from: event.target.value })}
            />
          </div>
          <div className="filter">
            <label htmlFor={ids.to}>{t('filter.to')}</label>
            <input
              id={ids.to}
              type="date"
              value={period.to}
              max={todayUtc()}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? ids.error : undefined}
              onChange={(event) => setPeriod({ ...period, to: event.target.value })}
            />
          </div>
        </div>
        {problem ? (
          <p id={ids.error} className="gov-filter-error" role="alert">
            {problem === 'order' ? t('filter.errorOrder') : t('filter.errorIncomplete')}
          </p>
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
        <p className="gov-note">{t('export.note')}</p>
      </div>
    </Section>
  );
}
