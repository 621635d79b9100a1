import type { DecisionType } from '@shared/schemas/common';
import { PlaceholderPage } from '../../../components/placeholder-page';
import { useI18n } from '../../../i18n';

/** The reviewer's landing page. Loaded lazily: members never download staff screens. */
export function CaseQueuePage({ scopes }: { scopes: DecisionType[] }) {
  const { t, formatList } = useI18n();
  const intro = scopes.length
    ? t('caseQueue.intro', { scopes: formatList(scopes.map((scope) => t(`decisionType.${scope}`))) })
    : t('caseQueue.noScopes');
  return (
    <PlaceholderPage title={t('caseQueue.title')} intro={intro}>
      <p>{t('caseQueue.comingSoon')}</p>
    </PlaceholderPage>
  );
}
