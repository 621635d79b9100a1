import { useEffect, useId, useState } from 'react';
import { DecisionType } from '@shared/schemas/common';
import type { MetricsFilter } from '../api/metrics-filter';
import { useGovernanceI18n } from '../i18n';
import { PeriodError, PeriodFields, periodProblem, type Period } from './period-fields';

/**
 * Period (UTC days, inclusive) and decision type. A date is applied as soon as both ends are
 * complete and in order, so the numbers never show a period other than the one on screen.
 */
export function PeriodFilter({ filter, onChange, label }: { filter: MetricsFilter; onChange(changes: Record<string, string | null>): void; label: string }) {
  const { t, typeName } = useGovernanceI18n();
  const ids = { type: useId(), error: useId() };
  const [draft, setDraft] = useState({ from: filter.from, to: filter.to });
  useEffect(() => setDraft({ from: filter.from, to: filter.to }), [filter.from, filter.to]);

  const problem = periodProblem(draft);
  const change = (next: Period) => {
    setDraft(next);
    if (!periodProblem(next)) onChange({ from: next.from, to: next.to });
  };

  return (
    <form className="filters card gov-filters" aria-label={label} onSubmit={(event) => event.preventDefault()}>
      <PeriodFields period={draft} errorId={ids.error} onChange={change} />
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
      {problem ? <PeriodError id={ids.error} problem={problem} /> : null}
    </form>
  );
}
