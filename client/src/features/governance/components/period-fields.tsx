import { useId } from 'react';
import { isDay, todayUtc } from '../hooks/use-metrics-filter';
import { useGovernanceI18n } from '../i18n';

/** A period of UTC days, both ends included, as typed in the date inputs ("" while one is blank). */
export interface Period {
  from: string;
  to: string;
}

export type PeriodProblem = 'incomplete' | 'order';

/** Why a period cannot be used yet: an end left blank or half typed, or the ends the wrong way round. */
export const periodProblem = (period: Period): PeriodProblem | null =>
  !isDay(period.from) || !isDay(period.to) ? 'incomplete' : period.from > period.to ? 'order' : null;

/** The period's two date inputs, each marked invalid and pointed at `errorId` while the period has a problem. */
export function PeriodFields({ period, errorId, onChange }: { period: Period; errorId: string; onChange(next: Period): void }) {
  const { t } = useGovernanceI18n();
  const ids = { from: useId(), to: useId() };
  const problem = periodProblem(period);
  return (
    <>
      <div className="filter">
        <label htmlFor={ids.from}>{t('filter.from')}</label>
        <input
          id={ids.from}
          type="date"
          value={period.from}
          max={todayUtc()}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          onChange={(event) => onChange({ ...period, from: event.target.value })}
        />
      </div>
      <div className="filter">
        <label htmlFor={ids.to}>{t('filter.to')}</label>
        <input
          id={ids.to}
          type="date"
          value={period.to}
          max={todayUtc()}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          onChange={(event) => onChange({ ...period, to: event.target.value })}
        />
      </div>
    </>
  );
}

/** What is wrong with the period, announced as soon as it appears; `id` is the fields' `errorId`. */
export function PeriodError({ id, problem }: { id: string; problem: PeriodProblem }) {
  const { t } = useGovernanceI18n();
  return (
    <p id={id} className="gov-filter-error" role="alert">
      {problem === 'order' ? t('filter.errorOrder') : t('filter.errorIncomplete')}
    </p>
  );
}
