import { PlaceholderPage } from '../../../components/placeholder-page';
import { useT } from '../../../i18n';

/** Art. 15 and 20: the member's own export (GET /api/me/export, not built yet). */
export function MyDataPage() {
  const t = useT();
  return <PlaceholderPage title={t('myData.title')} intro={t('myData.intro')} />;
}
