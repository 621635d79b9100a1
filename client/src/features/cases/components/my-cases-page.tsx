import { PlaceholderPage } from '../../../components/placeholder-page';
import { useT } from '../../../i18n';

export function MyCasesPage() {
  const t = useT();
  return <PlaceholderPage title={t('myCases.title')} intro={t('myCases.intro')} />;
}
