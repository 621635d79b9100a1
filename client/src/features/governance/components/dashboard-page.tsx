import { PlaceholderPage } from '../../../components/placeholder-page';
import { useT } from '../../../i18n';

/** Charts (recharts) will be imported here only, so they stay in this lazily loaded chunk. */
export function DashboardPage() {
  const t = useT();
  return <PlaceholderPage title={t('dashboard.title')} intro={t('dashboard.intro')} />;
}
