import { useI18n } from '../../../i18n';
import { useMyExport } from '../api/get-export';

/**
 * Art. 15(1)(c): to whom data about the member was disclosed (approved disclosures of fraud
 * cases), read from the export, so the same rule holds: held back while a fraud case is open.
 */
export function RecipientsSection() {
  const { t, lang, formatDate } = useI18n();
  const exported = useMyExport(lang);
  const recipients = exported.data?.recipients ?? [];
  return (
    <section className="card" aria-labelledby="recipients-title">
      <h2 id="recipients-title">{t('recipients.title')}</h2>
      <p>{t('recipients.intro')}</p>
      {exported.isSuccess && recipients.length === 0 ? <p className="muted">{t('recipients.none')}</p> : null}
      {recipients.length > 0 ? (
        <ul className="plain-list bullets">
          {recipients.map((r) => (
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
      ) : null}
    </section>
  );
}
