import { PageTitle } from '../../../components/page-title';
import { ProblemMessage } from '../../../components/problem-message';
import { LANGUAGE_NAMES, useI18n } from '../../../i18n';
import { useDownloadExport } from '../api/download-export';
import { ContactSection } from './contact-section';
import { RequestsSection } from './requests-section';
import { RecipientsSection } from './recipients-section';
import { ConsentSection, HumanReviewSection } from './automation-section';
import { Link } from 'react-router';

/** Art. 15 and 20: the member's own data, to keep or to take elsewhere. */
export function MyDataPage() {
  const { t, lang } = useI18n();
  const download = useDownloadExport();
  return (
    <>
      <PageTitle title={t('myData.title')} intro={t('myData.intro')} />
      <section className="card" aria-labelledby="export-title">
        <h2 id="export-title">{t('myData.exportTitle')}</h2>
        <p>{t('myData.exportText')}</p>
        <ul className="plain-list bullets">
          <li>{t('myData.includesDecisions')}</li>
          <li>{t('myData.includesExplanations', { language: LANGUAGE_NAMES[lang] })}</li>
          <li>{t('myData.includesCases')}</li>
        </ul>
        <p className="muted small">{t('myData.format')}</p>
        {download.isError ? <ProblemMessage error={download.error} /> : null}
        <div role="status">{download.isSuccess ? <p className="notice notice-success">{t('myData.started')}</p> : null}</div>
        <div className="button-row">
          <button type="button" className="button button-primary button-large" onClick={() => download.mutate(lang)} disabled={download.isPending}>
            {download.isPending ? t('myData.preparing') : t('myData.download')}
          </button>
          <Link to="/my-data/export" className="button button-large">
            {t('myData.readExport')}
          </Link>
        </div>
      </section>
      <ContactSection />
      <HumanReviewSection />
      <ConsentSection />
      <RequestsSection />
      <RecipientsSection />
      <section className="card" aria-labelledby="other-rights-title">
        <h2 id="other-rights-title">{t('myData.otherRightsTitle')}</h2>
        <p>{t('myData.otherRightsText')}</p>
      </section>
    </>
  );
}
