import { useI18n } from '../../../i18n';
import { useCaseCounts } from '../api/count-cases';
import './nav-count.css';

/** The navigation's count of overrides waiting for the signed-in approver; nothing when none wait. */
export function ApprovalsCount() {
  const { t } = useI18n();
  const counts = useCaseCounts();
  const waiting = counts.data?.awaitingMe ?? 0;
  if (!waiting) return null;
  return (
    <span className="nav-count">
      <span aria-hidden="true">{waiting}</span>
      <span className="visually-hidden">{t('nav.approvalsWaiting', { count: waiting })}</span>
    </span>
  );
}
