import { lazy, Suspense, type ReactNode } from 'react';
import { useT } from '../../i18n';
import type { ContributionBar, DistributionBin } from './chart-types';

export type { ContributionBar, DistributionBin } from './chart-types';

// recharts is ~100 kB gzipped: it is fetched when a chart is first shown, never on the first load.
const ContributionsBarChart = lazy(() => import('./contributions-bar-chart'));
const DistributionBarChart = lazy(() => import('./distribution-bar-chart'));

function ChartFallback({ height }: { height: number }) {
  const t = useT();
  return (
    <div className="chart-loading" style={{ minHeight: height }}>
      <span className="spinner" aria-hidden="true" />
      <span>{t('chart.loading')}</span>
    </div>
  );
}

/**
 * A chart as a figure: the drawing is hidden from assistive technology, and the same numbers are
 * given as a (visually hidden) table, which is what a screen reader reads instead (WCAG 1.1.1).
 */
function Figure({ caption, table, chart, className }: { caption: ReactNode; table: ReactNode; chart: ReactNode; className?: string }) {
  return (
    <figure className={`chart${className ? ` ${className}` : ''}`}>
      <div aria-hidden="true">{chart}</div>
      <figcaption className="chart-caption">{caption}</figcaption>
      <div className="visually-hidden">{table}</div>
    </figure>
  );
}

export function ContributionsFigure({
  bars,
  caption,
  labelHeader,
  valueHeader,
}: {
  bars: ContributionBar[];
  caption: ReactNode;
  labelHeader: string;
  valueHeader: string;
}) {
  const height = bars.length * 60 + 12;
  return (
    <Figure
      className="chart-contributions"
      caption={caption}
      chart={
        <Suspense fallback={<ChartFallback height={height} />}>
          <ContributionsBarChart bars={bars} />
        </Suspense>
      }
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              <th scope="col">{valueHeader}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.key}>
                <th scope="row">{bar.label}</th>
                <td>{bar.valueLabel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

export function DistributionFigure({
  bins,
  caption,
  rangeHeader,
  countHeader,
}: {
  bins: DistributionBin[];
  caption: ReactNode;
  rangeHeader: string;
  countHeader: string;
}) {
  const t = useT();
  return (
    <Figure
      className="chart-distribution"
      caption={caption}
      chart={
        <Suspense fallback={<ChartFallback height={200} />}>
          <DistributionBarChart bins={bins} currentLabel={t('chart.thisDecision')} />
        </Suspense>
      }
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{rangeHeader}</th>
              <th scope="col">{countHeader}</th>
            </tr>
          </thead>
          <tbody>
            {bins.map((bin) => (
              <tr key={bin.key}>
                <th scope="row">
                  {bin.label}
                  {bin.current ? ` (${t('chart.thisDecision')})` : ''}
                </th>
                <td>{bin.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
