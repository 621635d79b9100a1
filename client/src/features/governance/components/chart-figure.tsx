import type { ReactNode } from 'react';
import { useGovernanceI18n } from '../i18n';
import { ScrollTable } from './section';

/**
 * A chart as a figure (WCAG 1.1.1): the drawing is hidden from assistive technology; the caption
 * says what it shows in words, and the same numbers are one click away as a table.
 */
export function ChartFigure({
  title,
  label,
  summary,
  chart,
  table,
  legend,
}: {
  title?: string;
  /** What the chart shows, in a few words: names the table for assistive technology. */
  label?: string;
  summary: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  legend?: ReactNode;
}) {
  const { t } = useGovernanceI18n();
  return (
    <figure className="gov-figure">
      {title ? <h3 className="gov-figure-title">{title}</h3> : null}
      {legend ? (
        <div className="gov-legend" aria-hidden="true">
          {legend}
        </div>
      ) : null}
      <div className="gov-figure-chart" aria-hidden="true">
        {chart}
      </div>
      <figcaption className="gov-figure-caption">{summary}</figcaption>
      <details className="gov-table-toggle">
        <summary>{t('common.showTable')}</summary>
        <ScrollTable label={label ?? title ?? t('common.showTable')}>{table}</ScrollTable>
      </details>
    </figure>
  );
}

export function LegendItem({ colour, label, dashed }: { colour: string; label: string; dashed?: boolean }) {
  return (
    <span className="gov-legend-item">
      <span className={dashed ? 'gov-legend-line' : 'gov-legend-swatch'} style={dashed ? { borderColor: colour } : { background: colour }} />
      {label}
    </span>
  );
}
