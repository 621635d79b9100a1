import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api-client';
import { useGovernanceI18n } from '../i18n';
import './governance.css';

/** A block of the dashboard or audit page: a titled card with, where there is one, its CSV download. */
export function Section({
  title,
  intro,
  csvHref,
  actions,
  children,
  className,
}: {
  title: string;
  intro?: ReactNode;
  csvHref?: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <section className={`card gov-section${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <div className="gov-section-head">
        <h2 id={id}>{title}</h2>
        {actions || csvHref ? (
          <div className="gov-section-actions">
            {actions}
            {csvHref ? <CsvLink href={csvHref} what={title} /> : null}
          </div>
        ) : null}
      </div>
      {intro ? <p className="gov-section-intro">{intro}</p> : null}
      {children}
    </section>
  );
}

/** A plain download link: same origin, so the session cookie goes along; the server streams the file. */
export function CsvLink({ href, what, label }: { href: string; what: string; label?: string }) {
  const { t } = useGovernanceI18n();
  return (
    <a className="gov-download" href={href} download>
      <DownloadIcon />
      {label ?? t('exportUtc.downloadCsv')}
      <span className="visually-hidden">: {what}</span>
    </a>
  );
}

export function DownloadIcon() {
  return (
    <svg className="gov-download-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d="M8 1.5v8.25M4.5 6.5 8 10l3.5-3.5M2.5 11.5v2h11v-2"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function BlockLoading({ label }: { label?: string }) {
  const { t } = useGovernanceI18n();
  return (
    <div className="gov-block-state gov-block-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('common.loadingBlock')}</span>
    </div>
  );
}

export function BlockError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, tApp } = useGovernanceI18n();
  const network = isApiError(error) && error.code === 'network_error';
  return (
    <div className="gov-block-state gov-block-error" role="alert">
      <p>{network ? tApp('state.errorNetwork') : t('common.blockError')}</p>
      {onRetry ? (
        <button type="button" className="button button-quiet" onClick={onRetry}>
          {tApp('state.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function BlockEmpty({ children }: { children: ReactNode }) {
  return <p className="gov-block-state gov-block-empty">{children}</p>;
}

/** Loading, error or the data, for one block: a slow or failing block never blanks the others. */
export function QueryBlock<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <BlockLoading />;
  if (query.isError) return <BlockError error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

/** A horizontal bar inside a table cell: the number stays the text, the bar only helps the eye. */
export function DataBar({
  value,
  max,
  tone = 'primary',
  marker,
}: {
  value: number | null;
  max: number;
  tone?: 'primary' | 'good' | 'warn' | 'bad';
  marker?: number;
}) {
  const share = value === null || max <= 0 ? 0 : Math.max(0, Math.min(1, value / max));
  return (
    <span className="gov-bar" aria-hidden="true">
      <span className={`gov-bar-fill gov-tone-${tone}`} style={{ width: `${share * 100}%` }} />
      {marker !== undefined && max > 0 ? <span className="gov-bar-marker" style={{ left: `${Math.min(1, marker / max) * 100}%` }} /> : null}
    </span>
  );
}

/**
 * A table that scrolls sideways on a narrow screen (360 px), or down past the opened table's
 * maximum height (a long weekly series). While it overflows it can take focus,
 * so a keyboard user can scroll it too (WCAG 2.1.1); otherwise it stays out of the tab order.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className="table-wrap gov-table-wrap" {...(overflows ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}>
      {children}
    </div>
  );
}
