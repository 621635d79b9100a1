import { PagedList } from '../../../components/paged-list';
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
      <PagedList query={decisions} items={items} className="decision-list" empty={t('decisions.empty')} loadMoreLabel={t('decisions.loadMore')}>
        {(decision) => <DecisionListItem key={decision.id} decision={decision} contested={contestedDecisionIds?.has(decision.id)} />}
      </PagedList>
    </>
  );
}
