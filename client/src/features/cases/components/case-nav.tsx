import { Link, useSearchParams } from 'react-router';
import type { Case } from '@shared/schemas/case';
import type { DecisionType } from '@shared/schemas/common';
import { useI18n } from '../../../i18n';
import { useCases } from '../api/list-cases';
import { caseLink, queuePath, queueSearch, readQueueFilter } from '../hooks/queue-filter';

/** How far ahead "next case" looks in the queue's view. */
const LOOKAHEAD = 50;

/**
 * Back to the queue as it was left (its view and filters travel in the case's address), and on
 * to the next case of that view: the one after this in due-date order, or, when this case has
 * left the view (claimed, resolved), the first one due after it.
 */
export function CaseNav({ c, scopes }: { c: Case; scopes: DecisionType[] }) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const search = queueSearch(params);
  const cases = useCases({ ...readQueueFilter(new URLSearchParams(search), scopes), limit: LOOKAHEAD });
  const items = cases.data?.pages[0]?.items ?? [];
  const index = items.findIndex((item) => item.id === c.id);
  const next = index >= 0 ? items[index + 1] : (items.find((item) => item.dueAt > c.dueAt || (item.dueAt === c.dueAt && item.id > c.id)) ?? items[0]);
  return (
    <div className="case-nav">
      <p className="back-link">
        <Link to={queuePath(search)}>
          <span aria-hidden="true">← </span>
          {search ? t('caseNav.backToView') : t('casePage.back')}
        </Link>
      </p>
      {cases.isPending ? null : next && next.id !== c.id ? (
        <p className="back-link">
          <Link to={caseLink(next.id, search)} rel="next">
            {t('caseNav.next')}
            <span aria-hidden="true"> →</span>
          </Link>
        </p>
      ) : (
        <p className="muted small">{t('caseNav.noNext')}</p>
      )}
    </div>
  );
}
