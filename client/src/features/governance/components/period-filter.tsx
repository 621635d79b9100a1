import { useEffect, useId, useState } from 'react';
import { DecisionType } from '@shared/schemas/common';
import type { MetricsFilter } from '../api/metrics-filter';
import { isDay, todayUtc } from '../hooks/use-metrics-filter';
import { useGovernanceI18n } from '../i18n';

/**
 * Period (UTC days, inclusive) and decision type. A date is applied as soon as both ends are
 * complete and in order, so the numbers never show a period other than the one on screen.
 */
export function PeriodFilter({ filter, onChange, label }: { filter: MetricsFilter; onChange(changes: Record<string, string | null>): void; label: string }) {
  const { t, typeName } = useGovernanceI18n();
  const ids = { from: useId(), to: useId(), type: useId(), error: useId() };
  const [draft, setDraft] = useState({ from: filter.from, to: filter.to });
  useEffect(() => setDraft({ from: filter.from, to: filter.to }), [filter.from, filter.to]);

  const problem = !isDay(draft.from) || !isDay(draft.to) ? 'incomplete' : draft.from > draft.to ? 'order' : null;
  const change = (next: { from: string; to: string }) => {
    setDraft(next);
    if (isDay(next.from) && isDay(next.to) && next.from <= next.to) onChange({ from: next.from, to: next.to });
  };

  return (
    <form className="filters card gov-filters" aria-label={label} onSubmit={(event) => event.preventDefault()}>
      <div className="filter">
        <label htmlFor={ids.from}>{t('filter.from')}</label>
        <input
          id={ids.from}
          type="date"
          value={draft.from}
          max={todayUtc()}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? ids.error : undefined}
          onChange={(event) => change({ ...draft, from: event.target.value })}
        />
      </div>
      <div className="filter">
        <label htmlFor={ids.to}>{t('filter.to')}</label>
        <input
          id={ids.to}
          type="date"
          value={draft.to}
          max={todayUtc()}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? ids.error : undefined}
          onChange={(event) => change({ ...draft, to: event.target.value })}
        />
      </div>
      <div className="filter">
        <label htmlFor={ids.type}>{t('filter.type')}</label>
        <select id={ids.type} value={filter.type ?? ''} onChange={(event) => onChange({ type: event.target.value || null })}>
          <option value="">{t('filter.allTypes')}</option>
          {DecisionType.options.map((type) => (
            <option key={type} value={type}>
              {typeName(type)}
            </option>
          ))}
        </select>
      </div>
      <div className="filter filter-actions">
        <button type="button" className="button button-quiet" onClick={() => onChange({ from: null, to: null, type: null })}>
          {t('filter.reset')}
        </button>
      </div>
      {problem ? (
        <p id={ids.error} className="gov-filter-error" role="alert">
          {problem === 'order' ? t('filter.errorOrder') : t('filter.errorIncomplete')}
        </p>
      ) : null}
    </form>
  );
}
