import { Link } from 'react-router';
import type { MemberExport } from '@shared/schemas/member-export';
import { ErrorState, LoadingState } from '../../../components/page-states';
import { PageTitle } from '../../../components/page-title';
import { useI18n } from '../../../i18n';
import { useMyExport } from '../api/get-export';

/**
 * The export as a page to read and print (Art. 15: in a concise, intelligible form), in the
 * member's language; the print style sheet drops the portal around it.
 */
export function ExportPage() {
  const { t, lang } = useI18n();
  const exported = useMyExport(lang);
  return (
    <>
      <p className="no-print">
        <Link to="/my-data">{t('exportPage.back')}</Link>
      </p>
      {exported.isPending ? (
        <LoadingState />
      ) : exported.isError ? (
        <ErrorState error={exported.error} onRetry={() => void exported.refetch()} />
      ) : (
        <ExportView data={exported.data} />
      )}
    </>
  );
}

function ExportView({ data }: { data: MemberExport }) {
  const { t, formatDate, formatDateTime } = useI18n();
  return (
    <article className="export-page">
      <PageTitle title={t('exportPage.title', { memberId: data.memberId })} intro={t('exportPage.intro', { date: formatDateTime(data.exportedAt) })} />
      <p className="no-print">
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {t('exportPage.print')}
        </button>
      </p>

      <section aria-labelledby="export-decisions">
        <h2 id="export-decisions">{t('exportPage.decisions', { count: data.decisions.length })}</h2>
        {data.decisions.map((d) => (
          <div className="export-block" key={d.id}>
            <h3>
              {t(`decisionType.${d.type}`)} · {formatDate(d.decidedAt)}
              {d.subject.policyId ? ` · ${t('decision.policy')} ${d.subject.policyId}` : ''}
            </h3>
            <p>{d.explanation.headline}</p>
            <ul>
              {[...d.explanation.reasons, ...d.explanation.details].map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      <section aria-labelledby="export-cases">
        <h2 id="export-cases">{t('exportPage.cases', { count: data.cases.length })}</h2>
        {data.cases.map((c) => (
          <div className="export-block" key={c.id}>
            <h3>
              {t('myCases.itemTitle', { type: t(`decisionType.${c.decisionType}`) })} · {t(`memberCaseStatus.${c.status}`)}
            </h3>
            <p>{t('myCases.filedOn', { date: formatDate(c.receivedAt) })}</p>
            {c.statement ? <blockquote className="quote">{c.statement}</blockquote> : null}
            <ul>
              {c.timeline
                .filter((e) => e.text)
                .map((e) => (
                  <li key={e.seq}>
                    {formatDateTime(e.at)}: {e.text}
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </section>

      <section aria-labelledby="export-documents">
        <h2 id="export-documents">{t('exportPage.documents', { count: data.attachments.length })}</h2>
        <ul>
          {data.attachments.map((a) => (
            <li key={a.id}>
              <a href={a.url} download={a.fileName}>
                {a.fileName}
              </a>{' '}
              · {formatDateTime(a.uploadedAt)}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="export-contact">
        <h2 id="export-contact">{t('exportPage.contact')}</h2>
        {data.contact ? (
          <dl className="details">
            <div>
              <dt>{t('exportPage.email')}</dt>
              <dd>{data.contact.email ?? t('exportPage.none')}</dd>
            </div>
            <div>
              <dt>{t('exportPage.language')}</dt>
              <dd>{data.contact.language}</dd>
            </div>
          </dl>
        ) : (
          <p>{t('exportPage.none')}</p>
        )}
      </section>

      <section aria-labelledby="export-requests">
        <h2 id="export-requests">{t('exportPage.requests', { count: data.requests.length })}</h2>
        <ul>
          {data.requests.map((r) => (
            <li key={r.id}>
              {t(`requests.kind.${r.kind}`)} · {formatDate(r.filedAt)} · {t(`requests.status.${r.status}`)}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="export-recipients">
        <h2 id="export-recipients">{t('exportPage.recipients', { count: data.recipients.length })}</h2>
        <ul>
          {data.recipients.map((r) => (
            <li key={`${r.decisionId}-${r.disclosedAt}-${r.kind}`}>
              {t('recipients.item', {
                kind: t(`disclosure.recipient.${r.kind}`),
                name: r.name,
                date: formatDate(r.disclosedAt),
                fields: r.fields.map((f) => t(`disclosure.field.${f}`)).join(', '),
              })}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
