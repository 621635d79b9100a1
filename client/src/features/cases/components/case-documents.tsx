import { useI18n } from '../../../i18n';
import { attachmentUrl, useCaseAttachments } from '../api/case-attachments';

/** The documents added to a case, each a download (never opened in the portal's own page). */
export function CaseDocuments({ caseId }: { caseId: string }) {
  const { t, formatDateTime } = useI18n();
  const documents = useCaseAttachments(caseId);
  const items = documents.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="documents-title">
      <h2 id="documents-title">{t('documents.title')}</h2>
      {documents.isPending ? null : items.length === 0 ? (
        <p className="muted">{t('documents.empty')}</p>
      ) : (
        <ul className="plain-list document-list">
          {items.map((doc) => (
            <li key={doc.id}>
              <a href={attachmentUrl(caseId, doc.id)} download={doc.fileName}>
                {doc.fileName}
              </a>{' '}
              <span className="muted small">
                {t('documents.meta', { kind: t(`documents.kind.${doc.mediaType}`), kb: Math.max(1, Math.round(doc.size / 1024)) })} ·{' '}
                <time dateTime={doc.uploadedAt}>{formatDateTime(doc.uploadedAt)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
