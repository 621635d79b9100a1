import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CaseStatus, type CaseCounts } from '@shared/schemas/case';
import type { DecisionType } from '@shared/schemas/common';
import { PagedList } from '../../../components/paged-list';
import { PageTitle } from '../../../components/page-title';
import { TypeFilter } from '../../../components/type-filter';
import { useI18n, type MessageKey } from '../../../i18n';
import { useCaseCounts } from '../api/count-cases';
import { useCases } from '../api/list-cases';
import { queueSearch, readQueueFilter } from '../hooks/queue-filter';
import { QueueItem } from './queue-item';
import './queue.css';

/** The filter lives in the address, so a reload, the back button, a shared link and a case opened from here keep it. */
function useQueueFilter(scopes: DecisionType[], inbox: boolean) {
  const [params, setParams] = useSearchParams();
  const effective = new URLSearchParams(params);
  if (inbox) effective.set('awaiting', '1');
  const filter = readQueueFilter(effective, scopes);
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(name);
      else next.set(name, value);
    }
    setParams(next, { replace: true });
  };
  return { filter, search: queueSearch(effective), params, set, reset: () => setParams(new URLSearchParams(), { replace: true }) };
}

interface View {
  key: string;
  label: MessageKey;
  /** The address parameters this view sets (others of the view kind are cleared). */
  params: Record<string, string | null>;
  count: (counts: CaseCounts) => number;
}

const VIEWS: View[] = [
  { key: 'open', label: 'queue.view.open', params: { status: null, mine: null, overdue: null }, count: (c) => c.byStatus.open ?? 0 },
  { key: 'in_review', label: 'queue.view.in_review', params: { status: 'in_review', mine: null, overdue: null }, count: (c) => c.byStatus.in_review ?? 0 },
  {
    key: 'pending_approval',
    label: 'queue.view.pending_approval',
    params: { status: 'pending_approval', mine: null, overdue: null },
    count: (c) => c.byStatus.pending_approval ?? 0,
  },
  { key: 'mine', label: 'queue.view.mine', params: { status: 'all', mine: '1', overdue: null }, count: (c) => c.mine },
  { key: 'overdue', label: 'queue.view.overdue', params: { status: 'all', mine: null, overdue: '1' }, count: (c) => c.overdue },
];

/** Which view the address shows, if it is exactly one of them. */
function currentView(params: URLSearchParams): string | null {
  const status = params.get('status');
  const mine = params.get('mine') === '1';
  const overdue = params.get('overdue') === '1';
  if (mine && !overdue && status === 'all') return 'mine';
  if (overdue && !mine && status === 'all') return 'overdue';
  if (mine || overdue) return null;
  if (!status || status === 'open') return 'open';
  return status === 'in_review' || status === 'pending_approval' ? status : null;
}

/**
 * The reviewer's landing page, and the approver's inbox (`inbox`): cases in their scopes, soonest
 * due first, with a count per view, a search by claim, policy or member number, and the filters.
 * Loaded lazily.
 */
export function CaseQueuePage({ scopes, userId, inbox = false }: { scopes: DecisionType[]; userId: string; inbox?: boolean }) {
  const { t, formatList } = useI18n();
  const { filter, search, params, set, reset } = useQueueFilter(scopes, inbox);
  const cases = useCases(filter);
  const counts = useCaseCounts({ type: filter.type, origin: filter.origin, q: filter.q });
  const items = cases.data?.pages.flatMap((page) => page.items) ?? [];
  const scopeWords = formatList(scopes.map((scope) => t(`decisionType.${scope}`)));
  const intro = inbox ? t('queue.inboxIntro') : scopes.length ? t('caseQueue.intro', { scopes: scopeWords }) : t('caseQueue.noScopes');
  const view = currentView(params);

  return (
    <>
      <PageTitle title={inbox ? t('queue.inboxTitle') : t('caseQueue.title')} intro={intro} />
      {inbox ? null : (
        <nav className="queue-views" aria-label={t('queue.viewsLabel')}>
          <ul>
            {VIEWS.map((v) => {
              const next = new URLSearchParams(params);
              for (const [name, value] of Object.entries(v.params)) {
                if (value === null) next.delete(name);
                else next.set(name, value);
              }
              const query = next.toString();
              return (
                <li key={v.key}>
                  <Link to={{ search: query ? `?${query}` : '' }} aria-current={view === v.key ? 'page' : undefined} className="queue-view" replace>
                    {t(v.label)}
                    <span className="queue-view-count">{counts.data ? v.count(counts.data) : '…'}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
      <SearchForm value={filter.q ?? ''} onSearch={(q) => set({ q })} />
      {inbox ? null : <QueueFilters scopes={scopes} filter={filter} counts={counts.data} set={set} reset={reset} />}

      <p className="queue-sort muted small">{t('queue.sortedByDue')}</p>
      <p className="visually-hidden" role="status">
        {cases.isPending ? '' : t(cases.hasNextPage ? 'caseQueue.countMore' : 'caseQueue.count', { count: items.length })}
      </p>

      <PagedList
        query={cases}
        items={items}
        className="queue-list"
        empty={inbox ? t('queue.inboxEmpty') : t('caseQueue.empty')}
        loadMoreLabel={t('caseQueue.loadMore')}
      >
        {(c) => <QueueItem key={c.id} c={c} userId={userId} search={search} />}
      </PagedList>
    </>
  );
}

/** An exact number: a claim, a policy or a member. Sent on submit, not on each keystroke. */
function SearchForm({ value, onSearch }: { value: string; onSearch: (q: string | null) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(value);
  // Follow the address when it changes from elsewhere (back button, reset).
  useEffect(() => setDraft(value), [value]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(draft.trim() || null);
  };
  return (
    <form className="queue-search card" role="search" onSubmit={submit}>
      <div className="filter">
        <label htmlFor={id}>{t('queue.searchLabel')}</label>
        <input
          id={id}
          type="search"
          autoComplete="off"
          spellCheck={false}
          placeholder="C-1 · P-5001 · M-1001"
          value={draft}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setDraft(event.target.value)}
        />
        <span id={`${id}-hint`} className="muted small">
          {t('queue.searchHint')}
        </span>
      </div>
      <div className="filter filter-actions">
        <button type="submit" className="button button-primary">
          {t('queue.search')}
        </button>
      </div>
      {value ? (
        <div className="filter filter-actions">
          <button type="button" className="button button-quiet" onClick={() => onSearch(null)}>
            {t('queue.searchClear')}
          </button>
        </div>
      ) : null}
    </form>
  );
}

function QueueFilters({
  scopes,
  filter,
  counts,
  set,
  reset,
}: {
  scopes: DecisionType[];
  filter: ReturnType<typeof readQueueFilter>;
  counts: CaseCounts | undefined;
  set: (changes: Record<string, string | null>) => void;
  reset: () => void;
}) {
  const { t } = useI18n();
  const ids = { status: useId(), origin: useId(), mine: useId(), overdue: useId() };
  return (
    <form className="filters card" aria-label={t('caseQueue.filters')} onSubmit={(event) => event.preventDefault()}>
      <div className="filter">
        <label htmlFor={ids.status}>{t('filters.status')}</label>
        <select id={ids.status} value={filter.status ?? 'all'} onChange={(event) => set({ status: event.target.value === 'open' ? null : event.target.value })}>
          <option value="all">{t('filters.anyStatus')}</option>
          {CaseStatus.options.map((status) => (
            <option key={status} value={status}>
              {counts ? t('queue.statusWithCount', { status: t(`caseStatus.${status}`), count: counts.byStatus[status] ?? 0 }) : t(`caseStatus.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <TypeFilter scopes={scopes} value={filter.type ?? ''} onChange={(event) => set({ type: event.target.value })} />
      <div className="filter">
        <label htmlFor={ids.origin}>{t('filters.origin')}</label>
        <select id={ids.origin} value={filter.origin ?? ''} onChange={(event) => set({ origin: event.target.value })}>
          <option value="">{t('filters.anyOrigin')}</option>
          <option value="objection">{t('caseOrigin.objection')}</option>
          <option value="sample">{t('caseOrigin.sample')}</option>
        </select>
      </div>
      <div className="filter filter-checks">
        <label className="choice" htmlFor={ids.mine}>
          <input id={ids.mine} type="checkbox" checked={filter.mine} onChange={(event) => set({ mine: event.target.checked ? '1' : null })} />{' '}
          {t('filters.mine')}
        </label>
        <label className="choice" htmlFor={ids.overdue}>
          <input id={ids.overdue} type="checkbox" checked={filter.overdue} onChange={(event) => set({ overdue: event.target.checked ? '1' : null })} />{' '}
          {t('filters.overdue')}
        </label>
      </div>
      <div className="filter filter-actions">
        <button type="button" className="button button-quiet" onClick={reset}>
          {t('filters.reset')}
        </button>
      </div>
    </form>
  );
}
