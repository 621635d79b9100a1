import { EmptyState, ErrorState, LoadingState } from '../../../components/page-states';
import { PageTitle } from '../../../components/page-title';
import { useT } from '../../../i18n';
import { useDecisions } from '../api/list-decisions';
import { DecisionListItem } from './decision-list-item';

/** `contestedDecisionIds`: decisions with an objection under review (the app joins in the member's cases). */
export function MyDecisionsPage({ contestedDecisionIds }: { contestedDecisionIds?: ReadonlySet<string> }) {
  const t = useT();
  const decisions = useDecisions();
  const items = decisions.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageTitle title={t('decisions.title')} intro={t('decisions.intro')} />
      {decisions.isPending ? (
        <LoadingState />
      ) : decisions.isError && items.length === 0 ? (
        <ErrorState error={decisions.error} onRetry={() => void decisions.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{t('decisions.empty')}</EmptyState>
      ) : (
        <>
          <ul className="decision-list">
            {items.map((decision) => (
              <DecisionListItem key={decision.id} decision={decision} contested={contestedDecisionIds?.has(decision.id)} />
            ))}
          </ul>
          {decisions.isFetchNextPageError ? <ErrorState error={decisions.error} onRetry={() => void decisions.fetchNextPage()} /> : null}
          {decisions.hasNextPage && !decisions.isFetchNextPageError ? (
            <p className="list-more">
              <button type="button" className="button" onClick={() => void decisions.fetchNextPage()} disabled={decisions.isFetchingNextPage}>
                {decisions.isFetchingNextPage ? t('decisions.loadingMore') : t('decisions.loadMore')}
              </button>
            </p>
          ) : null}
        </>
      )}
    </>
  );
}
