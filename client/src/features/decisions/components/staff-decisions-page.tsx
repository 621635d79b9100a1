import { useId, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { DecisionType } from '@shared/schemas/common';
import { MemberId } from '@shared/schemas/common';
import { PagedList } from '../../../components/paged-list';
import { PageTitle } from '../../../components/page-title';
import { TypeFilter } from '../../../components/type-filter';
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
        <TypeFilter scopes={scopes} name="type" defaultValue={type ?? ''} />
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
      <PagedList query={decisions} items={items} className="decision-list" empty={t('staffDecisions.empty')} loadMoreLabel={t('decisions.loadMore')}>
        {(decision) => <DecisionListItem key={decision.id} decision={decision} showMember />}
      </PagedList>
    </>
  );
}
