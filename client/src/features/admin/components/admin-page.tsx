import { PlaceholderPage } from '../../../components/placeholder-page';
import { useT } from '../../../i18n';
import { MemberMailSection } from './member-mail-section';
import { WebhooksSection } from './webhooks-section';

export function AdminPage() {
  const t = useT();
  return (
    <PlaceholderPage title={t('admin.title')} intro={t('admin.intro')}>
      <WebhooksSection />
      <MemberMailSection />
    </PlaceholderPage>
  );
}
