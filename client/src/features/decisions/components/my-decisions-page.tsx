import type { Decision } from '@shared/schemas/decision';
import { PagedList } from '../../../components/paged-list';
import { PageTitle } from '../../../components/page-title';
import { useI18n } from '../../../i18n';
import { useDecisions } from '../api/list-decisions';
import { DecisionListItem } from './decision-list-item';

/** A policy's renewal decisions, newest first: the first is the premium in force. */
interface PolicyPremiums {
  policyId: string;
  decisions: Decision[];
}

/** Renewal decisions by policy, in the order of each policy's newest decision (the list comes newest first). */
function byPolicy(decisions: Decision[]): PolicyPremiums[] {
  const groups = new Map<string, Decision[]>();
  for (const d of decisions) {
    if (d.type !== 'renewal_price') continue;
    const key = d.subject.policyId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  return [...groups].map(([policyId, list]) => ({ policyId, decisions: list }));
}

/**
 * "Your premium now", per policy: the renewal decision in force marked, older ones folded away;
 * then every other decision about the member. `contestedDecisionIds`: decisions with an objection
 * under review (the app joins in the member's cases).
 */
export function MyDecisionsPage({ contestedDecisionIds }: { contestedDecisionIds?: ReadonlySet<string> }) {
  const { t } = useI18n();
  const decisions = useDecisions();
  const items = decisions.data?.pages.flatMap((page) => page.items) ?? [];
  const policies = byPolicy(items);
  const others = items.filter((d) => d.type !== 'renewal_price');
  const item = (decision: Decision, inForce = false) => (
    <DecisionListItem key={decision.id} decision={decision} contested={contestedDecisionIds?.has(decision.id)} inForce={inForce} />
  );

  return (
    <>
      <PageTitle title={t('decisions.title')} intro={t('decisions.intro')} />
      {policies.length ? (
        <section className="premium-now" aria-labelledby="premium-now-title">
          <h2 id="premium-now-title">{t('decisions.premiumNow')}</h2>
          {policies.map(({ policyId, decisions: list }) => (
            <div className="policy-group" key={policyId}>
              <h3 className="policy-title">{policyId ? t('decisions.policyTitle', { policyId }) : t('decisions.noPolicy')}</h3>
              <ul className="decision-list">{item(list[0]!, true)}</ul>
              {list.length > 1 ? (
                <details className="older-decisions">
                  <summary>{t('decisions.olderCount', { count: list.length - 1 })}</summary>
                  <ul className="decision-list">{list.slice(1).map((d) => item(d))}</ul>
                </details>
              ) : null}
            </div>
          ))}
        </section>
      ) : null}
      <section aria-labelledby="other-decisions-title">
        {policies.length ? (
          <h2 id="other-decisions-title">{t('decisions.otherDecisions')}</h2>
        ) : (
          <h2 id="other-decisions-title" className="visually-hidden">
            {t('decisions.title')}
          </h2>
        )}
        <PagedList query={decisions} items={others} className="decision-list" empty={t('decisions.empty')} loadMoreLabel={t('decisions.loadMore')}>
          {(decision) => item(decision)}
        </PagedList>
      </section>
    </>
  );
}
