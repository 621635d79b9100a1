import type { ReactNode } from 'react';
import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import { useT } from '../i18n';
import { EmptyState, ErrorState, LoadingState } from './page-states';

type PagedQuery = Pick<
  UseInfiniteQueryResult<unknown, unknown>,
  'isPending' | 'isError' | 'error' | 'refetch' | 'hasNextPage' | 'isFetchNextPageError' | 'isFetchingNextPage' | 'fetchNextPage'
>;

/**
 * A list fetched a page at a time: loading, error or empty state, else the items and a button for
 * the next page. Items already shown stay when a later page fails; the error offers a retry.
 */
export function PagedList<T>({
  query,
  items,
  className,
  empty,
  loadMoreLabel,
  children,
}: {
  query: PagedQuery;
  /** Every page's items, in order. */
  items: T[];
  /** The list's class ("decision-list", "queue-list"). */
  className: string;
  empty: ReactNode;
  loadMoreLabel: string;
  /** One item as an `<li>`, with its key. */
  children: (item: T) => ReactNode;
}) {
  const t = useT();
  if (query.isPending) return <LoadingState />;
  if (query.isError && items.length === 0) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (items.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <>
      <ul className={className}>{items.map((item) => children(item))}</ul>
      {query.isFetchNextPageError ? <ErrorState error={query.error} onRetry={() => void query.fetchNextPage()} /> : null}
      {query.hasNextPage && !query.isFetchNextPageError ? (
        <p className="list-more">
          <button type="button" className="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? t('decisions.loadingMore') : loadMoreLabel}
          </button>
        </p>
      ) : null}
    </>
  );
}
