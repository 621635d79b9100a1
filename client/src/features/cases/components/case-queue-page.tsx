import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CaseOrigin, CaseStatus, type Case } from '@shared/schemas/case';
import type { DecisionType } from '@shared/schemas/common';
import { PagedList } from '../../../components/paged-list';
import { PageTitle } from '../../../components/page-title';
import { TypeFilter } from '../../../components/type-filter';
import { useI18n } from '../../../i18n';
import { useCases, type CaseListFilter } from '../api/list-cases';
import { DueDate } from './due-date';

/** The filter lives in the address, so a reload, the back button and a shared link keep it. */
function useQueueFilter(scopes: DecisionType[]): [CaseListFilter, (name: string, value: string | null) => void, () => void] {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const type = params.get('type');
  const origin = params.get('origin');
  const filter: CaseListFilter = {
    // Open cases unless asked otherwise: the queue is first of all the work nobody has picked up.
    status: status === 'all' ? undefined : (CaseStatus.safeParse(status ?? 'open').data ?? 'open'),
    type: scopes.find((scope) => scope === type),
    origin: CaseOrigin.safeParse(origin).data,
    mine: params.get('mine') === '1',
    overdue: params.get('overdue') === '1',
  };
  const set = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null || value === '') next.delete(name);
    else next.set(name, value);
    setParams(next, { replace: true });
  };
  return [filter, set, () => setParams(new URLSearchParams(), { replace: true })];
}

/** The reviewer's landing page: cases in their scopes, earliest due date first. Loaded lazily. */
export function CaseQueuePage({ scopes, userId }: { scopes: DecisionType[]; userId: string }) {
  const { t, formatList } = useI18n();
  const [filter, setFilter, reset] = useQueueFilter(scopes);
  const cases = useCases(filter);
  const items = cases.data?.pages.flatMap((page) => page.items) ?? [];
  const ids = { status: useId(), origin: useId(), mine: useId(), overdue: useId() };
  const intro = scopes.length ? t('caseQueue.intro', { scopes: formatList(scopes.map((scope) => t(`decisionType.${scope}`))) }) : t('caseQueue.noScopes');

  return (
    <>
      <PageTitle title={t('caseQueue.title')} intro={intro} />
      <form className="filters card" aria-label={t('caseQueue.filters')} onSubmit={(event) => event.preventDefault()}>
        <div className="filter">
          <label htmlFor={ids.status}>{t('filters.status')}</label>
          <select
            id={ids.status}
            value={filter.status ?? 'all'}
            onChange={(event) => setFilter('status', event.target.value === 'open' ? null : event.target.value)}
          >
            <option value="all">{t('filters.anyStatus')}</option>
            {CaseStatus.options.map((status) => (
              <option key={status} value={status}>
                {t(`caseStatus.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <TypeFilter scopes={scopes} value={filter.type ?? ''} onChange={(event) => setFilter('type', event.target.value)} />
        <div className="filter">
          <label htmlFor={ids.origin}>{t('filters.origin')}</label>
          <select id={ids.origin} value={filter.origin ?? ''} onChange={(event) => setFilter('origin', event.target.value)}>
            <option value="">{t('filters.anyOrigin')}</option>
            <option value="objection">{t('caseOrigin.objection')}</option>
            <option value="sample">{t('caseOrigin.sample')}</option>
          </select>
        </div>
        <div className="filter filter-checks">
          <label className="choice" htmlFor={ids.mine}>
            <input id={ids.mine} type="checkbox" checked={filter.mine} onChange={(event) => setFilter('mine', event.target.checked ? '1' : null)} />{' '}
            {t('filters.mine')}
          </label>
          <label className="choice" htmlFor={ids.overdue}>
            <input id={ids.overdue} type="checkbox" checked={filter.overdue} onChange={(event) => setFilter('overdue', event.target.checked ? '1' : null)} />{' '}
            {t('filters.overdue')}
          </label>
        </div>
        <div className="filter filter-actions">
          <button type="button" className="button button-quiet" onClick={reset}>
            {t('filters.reset')}
          </button>
        </div>
      </form>

      <p className="visually-hidden" role="status">
        {cases.isPending ? '' : t(cases.hasNextPage ? 'caseQueue.countMore' : 'caseQueue.count', { count: items.length })}
      </p>

      <PagedList query={cases} items={items} className="queue-list" empty={t('caseQueue.empty')} loadMoreLabel={t('caseQueue.loadMore')}>
        {(c) => <QueueItem key={c.id} c={c} userId={userId} />}
      </PagedList>
    </>
  );
}

function QueueItem({ c, userId }: { c: Case; userId: string }) {
  const { t, formatDate } = useI18n();
  const origin = c.origin === 'sample' ? t('caseOrigin.sample') : t(`channel.objectionBy.${c.channel ?? 'portal'}`);
  return (
    <li className={`queue-item${c.overdue ? ' queue-item-overdue' : ''}`}>
      <div className="queue-item-due">
        <DueDate c={c} compact />
      </div>
      <div className="queue-item-main">
        <h2 className="queue-item-title">
          <Link to={`/review/cases/${c.id}`} className="stretched-link">
            {t(`decisionType.${c.decisionType}`)} · {origin}
          </Link>
        </h2>
        {c.statement ? <p className="queue-item-statement">{c.statement}</p> : null}
        <p className="queue-item-meta">
          {t('caseQueue.received', { date: formatDate(c.receivedAt) })}
          <span aria-hidden="true"> · </span>
          {c.assignee ? (c.assignee === userId ? t('caseQueue.assignedToYou') : t('caseQueue.assignedToOther')) : t('caseQueue.unassigned')}
        </p>
      </div>
      <ul className="badges">
        <li className={`badge badge-status badge-${c.status}`}>{t(`caseStatus.${c.status}`)}</li>
      </ul>
    </li>
  );
}
