import { PageTitle } from '../../../components/page-title';
import { useT, type MessageKey } from '../../../i18n';
import { IngestKeysSection } from './ingest-keys-section';
import { MemberMailSection } from './member-mail-section';
import { ModelsSection } from './models-section';
import { PeopleSection } from './people-section';
import { PrivacySection } from './privacy-section';
import { WebhooksSection } from './webhooks-section';

/** The sections in page order: the list at the top links to each heading. */
const SECTIONS: { id: string; title: MessageKey }[] = [
  { id: 'people-title', title: 'admin.peopleTitle' },
  { id: 'ingest-keys-title', title: 'admin.keysTitle' },
  { id: 'models-title', title: 'admin.modelsTitle' },
  { id: 'privacy-title', title: 'admin.privacyTitle' },
  { id: 'webhooks-title', title: 'admin.webhooksTitle' },
  { id: 'member-mail-title', title: 'admin.mailTitle' },
];

/** The administrator's console: people, keys, models, privacy, the insurer's systems and the mail. Every change is on the staff log. */
export function AdminPage() {
  const t = useT();
  return (
    <>
      <PageTitle title={t('admin.title')} intro={t('admin.intro')} />
      <nav aria-label={t('admin.sections')} className="admin-sections">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{t(s.title)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <PeopleSection />
      <IngestKeysSection />
      <ModelsSection />
      <PrivacySection />
      <WebhooksSection />
      <MemberMailSection />
    </>
  );
}
