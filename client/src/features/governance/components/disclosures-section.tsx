import { RecipientKind } from '@shared/schemas/disclosure';
import { disclosuresCsvHref, useDisclosures } from '../api/list-disclosures';
import { useGovernanceI18n } from '../i18n';
import { Stat } from './overview-section';
import { BlockEmpty, QueryBlock, ScrollTable, Section } from './section';

/** The disclosure register: who received what of which fraud case, when, why, and who proposed and approved it. */
export function DisclosuresSection() {
  const { t, tApp, formatInstant, formatNumber } = useGovernanceI18n();
  const register = useDisclosures();
  return (
    <Section title={t('disclosures.title')} intro={t('disclosures.intro')} csvHref={disclosuresCsvHref()}>
      <QueryBlock query={register}>
        {(page) => (
          <>
            <dl className="gov-stats">
              {RecipientKind.options.map((kind) => (
                <Stat
                  key={kind}
                  label={tApp(`disclosure.recipient.${kind}`)}
                  value={formatNumber(page.approvedByKind[kind], 0)}
                  detail={t('disclosures.approvedDetail')}
                />
              ))}
            </dl>
            {page.items.length === 0 ? (
              <BlockEmpty>{t('disclosures.none')}</BlockEmpty>
            ) : (
              <ScrollTable label={t('disclosures.title')}>
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('disclosures.recipient')}</th>
                      <th scope="col">{t('disclosures.fields')}</th>
                      <th scope="col">{t('disclosures.why')}</th>
                      <th scope="col">{t('disclosures.state')}</th>
                      <th scope="col">{t('disclosures.proposed')}</th>
                      <th scope="col">{t('disclosures.decided')}</th>
                      <th scope="col">{t('disclosures.case')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((d) => (
                      <tr key={d.id}>
                        <td>
                          {tApp(`disclosure.recipient.${d.recipient.kind}`)}: {d.recipient.name}
                        </td>
                        <td>{d.fields.map((f) => tApp(`disclosure.field.${f}`)).join(', ')}</td>
                        <td>
                          {d.erased ? (
                            <span className="muted">{t('disclosures.erased')}</span>
                          ) : (
                            [d.purpose, ...Object.entries(d.reasons).map(([f, r]) => `${tApp(`disclosure.field.${f as 'claimId'}`)}: ${r}`)]
                              .filter(Boolean)
                              .join(' · ')
                          )}
                        </td>
                        <td>{t(`disclosures.stateName.${d.state}`)}</td>
                        <td>
                          {d.proposedBy.username}, {formatInstant(d.proposedAt)}
                        </td>
                        <td>{d.decidedBy && d.decidedAt ? `${d.decidedBy.username}, ${formatInstant(d.decidedAt)}` : '—'}</td>
                        <td>
                          <code>{d.caseId}</code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollTable>
            )}
          </>
        )}
      </QueryBlock>
    </Section>
  );
}
