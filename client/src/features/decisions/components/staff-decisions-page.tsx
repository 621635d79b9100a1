import { useId, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { DecisionType } from '@shared/schemas/common';
import { MemberId } from '@shared/schemas/common';
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-states';
import { PageTitle } from '../../../components/page-title';
import { useT } from '../../../i18n';
import { useDecisions } from '../api/list-decisions';
import { DecisionListItem } from './decision-list-item';

/**
 * Decisions in the reviewer's scopes, newest first: where staff look one up to register an
 * objection that came in by phone or post.
 */
export function StaffDecisionsPage({ scopes }: { scopes: DecisionType[] }) {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const typeParam = DecisionType.safeParse(params.get('type'));
  const type = typeParam.success && scopes.includes(typeParam.data) ? typeParam.data : undefined;
  const memberParam = MemberId.safeParse(params.get('member'));
  const memberId = memberParam.success ? memberParam.data : undefined;
  const decisions = useDecisions({ type, memberId });
  const items = decisions.data?.pages.flatMap((page) => page.items) ?? [];
  const typeId = useId();
  const memberInputId = useId();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    const nextType = String(form.get('type') ?? '');
    const nextMember = String(form.get('member') ?? '').trim();
    if (nextType) next.set('type', nextType);
    if (nextMember) next.set('member', nextMember);
    setParams(next);
  };

  return (
    <>
      <PageTitle title={t('staffDecisions.title')} intro={t('staffDecisions.intro')} />
      <form className="filters card" onSubmit={onSubmit} aria-label={t('staffDecisions.filters')} key={params.toString()}>
        <div className="filter">
          <label htmlFor={typeId}>{t('filters.type')}</label>
          <select id={typeId} name="type" defaultValue={type ?? ''}>
            <option value="">{t('filters.anyType')}</option>
            {scopes.map((scope) => (
              <option key={scope} value={scope}>
                {t(`decisionType.${scope}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={memberInputId}>{t('staffDecisions.memberFilter')}</label>
          <input id={memberInputId} name="member" type="search" defaultValue={memberId ?? ''} placeholder="M-1001" autoComplete="off" spellCheck={false} />
        </div>
        <div className="filter filter-actions">
          <button type="submit" className="button">
            {t('filters.apply')}
          </button>
        </div>
      </form>
      {params.get('member') && !memberId ? <p className="notice notice-error">{t('staffDecisions.memberInvalid')}</p> : null}
      {decisions.isPending ? (
        <LoadingState />
      ) : decisions.isError && items.length === 0 ? (
        <ErrorState error={decisions.error} onRetry={() => void decisions.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{t('staffDecisions.empty')}</EmptyState>
      ) : (
        <>
          <ul className="decision-list">
            {items.map((decision) => (
              <DecisionListItem key={decision.id} decision={decision} showMember />
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
