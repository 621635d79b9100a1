import { useId } from 'react';
import { DecisionType } from '@shared/schemas/common';
import type { FairnessGroup, FairnessReport } from '@shared/schemas/metrics';
import { fairnessCsvUrl, MONITORED_ATTRIBUTES, useFairness, type MonitoredAttribute } from '../api/get-fairness';
import type { MetricsFilter } from '../api/metrics-filter';
import { useGovernanceI18n } from '../i18n';
import { ScrollTable, BlockEmpty, DataBar, QueryBlock, Section } from './section';

/**
 * Outcomes per group of a monitored attribute, each group's favourable-outcome rate against the
 * most favoured group's; a ratio below the threshold (four-fifths rule) is flagged for a closer look.
 */
export function FairnessSection({
  filter,
  attribute,
  onAttributeChange,
}: {
  filter: MetricsFilter;
  attribute: MonitoredAttribute;
  onAttributeChange(attribute: MonitoredAttribute): void;
}) {
  const { t } = useGovernanceI18n();
  const fairness = useFairness(filter, attribute);
  const selectId = useId();
  return (
    <Section
      title={t('fairness.title')}
      intro={t('fairness.intro')}
      csvHref={fairnessCsvUrl(filter, attribute)}
      actions={
        <div className="gov-inline-field">
          <label htmlFor={selectId}>{t('fairness.attribute')}</label>
          <select id={selectId} value={attribute} onChange={(event) => onAttributeChange(event.target.value as MonitoredAttribute)}>
            {MONITORED_ATTRIBUTES.map((a) => (
              <option key={a} value={a}>
                {t(`fairness.attr.${a}`)}
              </option>
            ))}
          </select>
        </div>
      }
    >
      <QueryBlock query={fairness}>
        {(report) => (report.groups.length === 0 ? <BlockEmpty>{t('fairness.empty')}</BlockEmpty> : <FairnessTable report={report} />)}
      </QueryBlock>
    </Section>
  );
}

function FairnessTable({ report }: { report: FairnessReport }) {
  const { t, formatNumber, typeName, formatList } = useGovernanceI18n();
  const flagged = report.groups.filter((g) => g.flagged);
  const threshold = formatNumber(report.threshold, 2);
  const types = report.type ? [report.type] : DecisionType.options;
  const attributeName = t(`fairness.attr.${report.attribute as MonitoredAttribute}`);
  return (
    <>
      <p className={`gov-callout ${flagged.length ? 'gov-callout-bad' : 'gov-callout-good'}`} role="status">
        {flagged.length
          ? t('fairness.flaggedSummary', { groups: formatList(flagged.map((g) => g.group)), threshold })
          : t('fairness.noneFlagged', { threshold, count: formatNumber(report.groups.length, 0) })}
      </p>
      <ScrollTable label={t('fairness.caption', { attribute: attributeName })}>
        <table className="data-table gov-table">
          <caption className="visually-hidden">{t('fairness.caption', { attribute: attributeName })}</caption>
          <thead>
            <tr>
              <th scope="col">{attributeName}</th>
              <th scope="col" className="gov-num">
                {t('fairness.decisions')}
              </th>
              <th scope="col" className="gov-num">
                {t('fairness.flagRate')}
              </th>
              <th scope="col" className="gov-num">
                {t('fairness.meanPremiumChange')}
              </th>
              <th scope="col" className="gov-num">
                {t('fairness.overrideRate')}
              </th>
              <th scope="col" className="gov-num">
                {t('fairness.favourableRate')}
              </th>
              <th scope="col" className="gov-ratio-col">
                {t('fairness.ratio')}
              </th>
              <th scope="col">{t('fairness.status')}</th>
            </tr>
          </thead>
          <tbody>
            {report.groups.map((g) => (
              <GroupRow key={g.group} g={g} threshold={report.threshold} />
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <dl className="gov-definitions">
        {types.map((type) => (
          <div key={type}>
            <dt>{t('fairness.favourableFor', { type: typeName(type) })}</dt>
            <dd>{report.favourable[type] ?? '—'}</dd>
          </div>
        ))}
      </dl>
      <p className="gov-note">{t('fairness.note', { threshold })}</p>
    </>
  );
}

function GroupRow({ g, threshold }: { g: FairnessGroup; threshold: number }) {
  const { t, formatNumber, formatRate, formatPercent } = useGovernanceI18n();
  return (
    <tr className={g.flagged ? 'gov-row-flagged' : undefined}>
      <th scope="row">{g.group}</th>
      <td className="gov-num">{formatNumber(g.decisions, 0)}</td>
      <td className="gov-num">{formatRate(g.flagRate)}</td>
      <td className="gov-num">{g.meanPremiumChange === null ? '—' : formatPercent(g.meanPremiumChange, true)}</td>
      <td className="gov-num">{formatRate(g.overrideRate)}</td>
      <td className="gov-num">{formatRate(g.favourableRate)}</td>
      <td className="gov-ratio-col">
        <span className="gov-ratio">
          <span className="gov-num-inline">{g.ratio === null ? '—' : formatNumber(g.ratio, 2)}</span>
          <DataBar value={g.ratio} max={1} tone={g.flagged ? 'bad' : 'primary'} marker={threshold} />
        </span>
      </td>
      <td>
        {g.flagged ? (
          <span className="gov-pill gov-pill-bad">{t('fairness.flagged', { threshold: formatNumber(threshold, 2) })}</span>
        ) : (
          <span className="gov-pill gov-pill-good">{t('fairness.ok')}</span>
        )}
      </td>
    </tr>
  );
}
