import { PlaceholderPage } from '../../../components/placeholder-page';
import { useT } from '../../../i18n';

export function AuditPage() {
  const t = useT();
  return <PlaceholderPage title={t('audit.title')} intro={t('audit.intro')} />;
}
