import { Link } from 'react-router';
import type { Case } from '@shared/schemas/case';
import type { Decision } from '@shared/schemas/decision';
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-states';
import { PageTitle } from '../../../components/page-title';
import { useI18n } from '../../../i18n';
import { useCases } from '../api/list-cases';
import { DueDate } from './due-date';

/**
 * The member's objections, the one due soonest first (the server's order). `decisions`: the
 * member's decisions by id (the app joins them in), so each row names the decision it is about.
 */
export function MyCasesPage({ decisions }: { decisions?: ReadonlyMap<string, Decision> }) {
  const { t } = useI18n();
  const cases = useCases({ limit: 50 });
  const items = cases.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageTitle title={t('myCases.title')} intro={t('myCases.intro')} />
      {cases.isPending ? (
        <LoadingState />
      ) : cases.isError && items.length === 0 ? (
        <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>
          {t('myCases.empty')} <Link to="/decisions">{t('myCases.emptyLink')}</Link>
        </EmptyState>
      ) : (
        <>
          <ul className="decision-list">
            {items.map((c) => (
              <MyCaseItem key={c.id} c={c} decision={decisions?.get(c.decisionId)} />
            ))}
          </ul>
          {cases.hasNextPage ? (
            <p className="list-more">
              <button type="button" className="button" onClick={() => void cases.fetchNextPage()} disabled={cases.isFetchingNextPage}>
                {cases.isFetchingNextPage ? t('decisions.loadingMore') : t('myCases.loadMore')}
              </button>
            </p>
          ) : null}
        </>
      )}
    </>
  );
}

function MyCaseItem({ c, decision }: { c: Case; decision: Decision | undefined }) {
  const { t, formatDate } = useI18n();
  return (
    <li className="decision-item">
      <div className="decision-item-main">
        <h2 className="decision-item-title">
          <Link to={`/cases/${c.id}`} className="stretched-link">
            {t('myCases.itemTitle', { type: t(`decisionType.${c.decisionType}`) })}
          </Link>
        </h2>
        <p className="decision-item-detail">
          <DueDate c={c} />
        </p>
        {decision ? (
          <p className="decision-item-detail">
            {t('myCases.about', { type: t(`decisionType.${decision.type}`), date: formatDate(decision.decidedAt) })}
            {decision.subject.policyId ? ` · ${t('myCases.aboutPolicy', { policyId: decision.subject.policyId })}` : ''}
            {decision.subject.claimId ? ` · ${t('myCases.aboutClaim', { claimId: decision.subject.claimId })}` : ''}
          </p>
        ) : null}
        <p className="decision-item-meta">{t('myCases.filedOn', { date: formatDate(c.receivedAt) })}</p>
      </div>
      <ul className="badges">
        <li className={`badge badge-status badge-${c.status}`}>{t(`memberCaseStatus.${c.status}`)}</li>
        {c.resolution === 'overridden' ? <li className="badge badge-success">{t('decisions.changedAfterReview')}</li> : null}
      </ul>
      <span className="decision-item-chevron" aria-hidden="true">
        ›
      </span>
    </li>
  );
}
