import { PageTitle } from '../../../components/page-title';
import { useT } from '../../../i18n';
import { IngestKeysSection } from './ingest-keys-section';
import { MemberMailSection } from './member-mail-section';
import { ModelsSection } from './models-section';
import { PeopleSection } from './people-section';
import { PrivacySection } from './privacy-section';
import { WebhooksSection } from './webhooks-section';

/** The administrator's console: people, ingest keys, the insurer's systems and the mail to members. Every change is on the staff log. */
export function AdminPage() {
  const t = useT();
  return (
    <>
      <PageTitle title={t('admin.title')} intro={t('admin.intro')} />
      <PeopleSection />
      <IngestKeysSection />
      <ModelsSection />
      <PrivacySection />
      <WebhooksSection />
      <MemberMailSection />
    </>
  );
}
