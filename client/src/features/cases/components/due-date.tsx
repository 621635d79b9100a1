import type { Case } from '@shared/schemas/case';
import { ACTIVE_STATUSES } from '@shared/schemas/case';
import { calendarDaysUntil, useI18n } from '../../../i18n';
import './queue.css';

/**
 * Days left until the legal deadline (a sample's: the internal service level, said so), or how long it is overdue; a closed case says when it
 * closed. `compact`: two short lines for a list; `dateFirst`: the date, then how far away it is.
 */
export function DueDate({ c, compact = false, dateFirst = false }: { c: Case; compact?: boolean; dateFirst?: boolean }) {
  const { t, formatDate, formatRelativeDays } = useI18n();
  if (!ACTIVE_STATUSES.includes(c.status)) {
    if (dateFirst && c.closedAt) return <span className="due due-closed">{formatDate(c.closedAt)}</span>;
    return <span className="due due-closed">{c.closedAt ? t('due.closed', { date: formatDate(c.closedAt) }) : t('due.closedNoDate')}</span>;
  }
  // A sample is the insurer's own oversight: its date is a service level, not the member's legal deadline.
  const internal = c.origin === 'sample' ? <span className="due-internal">{t('queue.internalDue')}</span> : null;
  const days = calendarDaysUntil(c.dueAt);
  const date = formatDate(c.dueAt);
  const when = formatRelativeDays(days);
  const overdue = c.overdue || days < 0;
  if (compact) {
    return (
      <span className={`due${overdue ? ' due-overdue' : days <= 5 ? ' due-soon' : ''}`}>
        {overdue ? <span className="badge badge-overdue">{t('due.overdueBadge')}</span> : null}{' '}
        {overdue ? t('due.overdueShort', { when }) : t('due.inDaysShort', { when })}
        <span className="due-date">{date}</span>
        {internal}
      </span>
    );
  }
  if (overdue) {
    return (
      <span className="due due-overdue">
        <span className="badge badge-overdue">{t('due.overdueBadge')}</span> {t('due.overdue', { when, date })}
        {internal}
      </span>
    );
  }
  if (dateFirst)
    return (
      <span className="due">
        {t('due.dateWhen', { date, when })}
        {internal}
      </span>
    );
  return (
    <span className={`due${days <= 5 ? ' due-soon' : ''}`}>
      {t('due.inDays', { when, date })}
      {internal}
    </span>
  );
}
