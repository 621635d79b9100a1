import type { LabelsReport, ReviewedLabelsVersion } from '@shared/schemas/reviewed-labels';
import { labelsCsvUrl, useLabels } from '../api/get-labels';
import type { MetricsFilter } from '../api/metrics-filter';
import { useGovernanceI18n } from '../i18n';
import { attributeLabel } from './fairness-section';
import { BlockEmpty, QueryBlock, ScrollTable, Section } from './section';

/**
 * Every resolved case, objection or sample, is a label on the model's output: how often the model
 * was overturned by where the case came from, how many fraud flags survived review (precision as
 * reviewed), the false-positive rate among reviewed checks per group (error-rate parity), and the
 * override proposals a second person sent back.
 */
export function LabelsSection({ filter, attribute }: { filter: MetricsFilter; attribute: string | undefined }) {
  const { t } = useGovernanceI18n();
  const labels = useLabels(filter, attribute);
  return (
    <Section title={t('labels.title')} intro={t('labels.intro')} csvHref={labelsCsvUrl(filter, attribute)}>
      <QueryBlock query={labels}>
        {(report) => (report.items.length === 0 ? <BlockEmpty>{t('labels.empty')}</BlockEmpty> : <LabelsTables report={report} />)}
      </QueryBlock>
    </Section>
  );
}

function LabelsTables({ report }: { report: LabelsReport }) {
  const { t, typeName } = useGovernanceI18n();
  const attribute = attributeLabel(t, report.attribute);
  return (
    <div className="gov-stack">
      <ScrollTable label={t('labels.byVersion')}>
        <table className="data-table gov-table">
          <caption className="visually-hidden">{t('labels.byVersion')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('labels.version')}</th>
              <th scope="col" className="gov-num">
                {t('labels.resolved')}
              </th>
              <th scope="col" className="gov-num">
                {t('labels.overrideObjection')}
              </th>
              <th scope="col" className="gov-num">
                {t('labels.overrideSample')}
              </th>
              <th scope="col" className="gov-num">
                {t('labels.rejectedProposals')}
              </th>
              <th scope="col" className="gov-num">
                {t('labels.precision')}
              </th>
              <th scope="col" className="gov-num">
                {t('labels.falsePositiveRate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.items.map((v) => (
              <VersionRow key={`${v.type}/${v.modelId}/${v.modelVersion}`} v={v} typeName={typeName(v.type)} />
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {report.errorRateParity.map((m) => (
        <div key={m.modelId}>
          <h3 className="gov-subtitle">{t('labels.parityTitle', { model: m.modelId, attribute })}</h3>
          <ScrollTable label={t('labels.parityTitle', { model: m.modelId, attribute })}>
            <table className="data-table gov-table">
              <caption className="visually-hidden">{t('labels.parityTitle', { model: m.modelId, attribute })}</caption>
              <thead>
                <tr>
                  <th scope="col">{attribute}</th>
                  <th scope="col" className="gov-num">
                    {t('labels.negatives')}
                  </th>
                  <th scope="col" className="gov-num">
                    {t('labels.falsePositives')}
                  </th>
                  <th scope="col" className="gov-num">
                    {t('labels.falsePositiveRate')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {m.groups.map((g) => (
                  <tr key={g.group}>
                    <th scope="row">{g.group}</th>
                    <td className="gov-num">{g.negatives}</td>
                    <td className="gov-num">{g.falsePositives}</td>
                    <td className="gov-num">
                      <RateWithInterval rate={g.falsePositiveRate} ci={g.ci} />
                      {g.tooFew ? <span className="gov-pill gov-pill-muted">{t('fairness.status.tooFew')}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </div>
      ))}
      <p className="gov-note">{t('labels.note', { min: report.minGroup })}</p>
    </div>
  );
}

function VersionRow({ v, typeName }: { v: ReviewedLabelsVersion; typeName: string }) {
  const { t, formatRate } = useGovernanceI18n();
  const origin = (name: string) => v.byOrigin.find((o) => o.origin === name);
  const objection = origin('objection');
  const sample = origin('sample');
  return (
    <tr>
      <th scope="row">
        {v.modelId} {v.modelVersion}
        <span className="gov-interval"> · {typeName}</span>
      </th>
      <td className="gov-num">{v.resolved}</td>
      <td className="gov-num">
        {objection && objection.resolved > 0 ? t('labels.rateOf', { rate: formatRate(objection.overrideRate), n: objection.resolved }) : '—'}
      </td>
      <td className="gov-num">{sample && sample.resolved > 0 ? t('labels.rateOf', { rate: formatRate(sample.overrideRate), n: sample.resolved }) : '—'}</td>
      <td className="gov-num">{v.rejectedProposals}</td>
      <td className="gov-num">{v.flags ? <RateWithInterval rate={v.flags.precision} ci={v.flags.precisionCi} /> : '—'}</td>
      <td className="gov-num">{v.flags ? <RateWithInterval rate={v.flags.falsePositiveRate} ci={v.flags.falsePositiveRateCi} /> : '—'}</td>
    </tr>
  );
}

function RateWithInterval({ rate, ci }: { rate: number | null; ci: readonly number[] | null }) {
  const { t, formatRate } = useGovernanceI18n();
  return (
    <>
      {formatRate(rate)}
      {ci ? <span className="gov-interval"> {t('fairness.interval', { low: formatRate(ci[0] ?? null), high: formatRate(ci[1] ?? null) })}</span> : null}
    </>
  );
}
