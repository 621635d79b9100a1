import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AuditEventsQuery, EventAction, type AuditEvent, type AuditPerson } from '@shared/schemas/audit';
import { CaseStatus } from '@shared/schemas/case';
import { useAuditEvents, type AuditEventFilter } from '../api/list-audit-events';
import { useGovernanceI18n } from '../i18n';
import { BlockEmpty, BlockError, BlockLoading, ScrollTable, Section } from './section';

type Field = 'decisionId' | 'caseId' | 'actor' | 'action' | 'from' | 'to';
const FIELDS: Field[] = ['decisionId', 'caseId', 'actor', 'action', 'from', 'to'];
type Draft = Record<Field, string>;

/** The filter lives in the address: a link to "every event of this decision" can be sent to a colleague. */
function useEventFilter(): [AuditEventFilter, Draft, (next: Draft) => void] {
  const [params, setParams] = useSearchParams();
  const draft = Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ''])) as Draft;
  // Only what the server would accept is sent; the form says what is wrong with the rest.
  const filter: AuditEventFilter = {};
  for (const f of FIELDS) {
    const parsed = AuditEventsQuery.shape[f].safeParse(draft[f] || undefined);
    if (parsed.success && parsed.data !== undefined) (filter as Record<string, string>)[f] = parsed.data;
  }
  const apply = (next: Draft) => {
    const search = new URLSearchParams(params);
    for (const f of FIELDS) {
      const value = next[f].trim();
      if (value) search.set(f, value);
      else search.delete(f);
    }
    setParams(search, { replace: true });
  };
  return [filter, draft, apply];
}

function fieldErrors(draft: Draft): Partial<Record<Field, true>> {
  const errors: Partial<Record<Field, true>> = {};
  for (const f of FIELDS) if (draft[f].trim() && !AuditEventsQuery.shape[f].safeParse(draft[f].trim()).success) errors[f] = true;
  if (!errors.from && !errors.to && draft.from && draft.to && draft.from > draft.to) errors.to = true;
  return errors;
}

export function EventsSection() {
  const { t } = useGovernanceI18n();
  const [filter, applied, apply] = useEventFilter();
  const appliedErrors = fieldErrors(applied);
  const valid = Object.keys(appliedErrors).length === 0;
  const events = useAuditEvents(filter, valid);
  return (
    <Section title={t('events.title')} intro={t('events.intro')}>
      <EventFilterForm applied={applied} onApply={apply} />
      {!valid ? (
        <BlockEmpty>{t('events.fixFilters')}</BlockEmpty>
      ) : events.isPending ? (
        <BlockLoading />
      ) : events.isError && !events.data ? (
        <BlockError error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <EventList events={events} />
      )}
    </Section>
  );
}

function EventFilterForm({ applied, onApply }: { applied: Draft; onApply(next: Draft): void }) {
  const { t } = useGovernanceI18n();
  const base = useId();
  const [draft, setDraft] = useState<Draft>(applied);
  const [submitted, setSubmitted] = useState(false);
  const appliedKey = FIELDS.map((f) => applied[f]).join('|');
  // Follow the address when it changes from elsewhere (back button, a "show only" link).
  useEffect(() => setDraft(applied), [appliedKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const errors = fieldErrors(submitted ? draft : applied);
  const id = (f: Field) => `${base}-${f}`;
  const described = (f: Field) => (errors[f] ? `${id(f)}-error` : `${id(f)}-hint`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const trimmed = Object.fromEntries(FIELDS.map((f) => [f, draft[f].trim()])) as Draft;
    onApply(trimmed);
    // Say what is wrong where it is: focus the first field to correct.
    const invalid = FIELDS.find((f) => fieldErrors(trimmed)[f]);
    if (invalid) document.getElementById(id(invalid))?.focus();
  };
  const clear = () => {
    const empty = Object.fromEntries(FIELDS.map((f) => [f, ''])) as Draft;
    setDraft(empty);
    setSubmitted(false);
    onApply(empty);
  };

  const text = (f: 'decisionId' | 'caseId' | 'actor', placeholder: string) => (
    <div className="filter gov-filter-wide">
      <label htmlFor={id(f)}>{f === 'actor' ? t('people.filterActor') : t(`events.filter.${f}`)}</label>
      <input
        id={id(f)}
        type="text"
        inputMode="text"
        autoComplete="off"
        spellCheck={false}
        className="gov-mono-input"
        placeholder={placeholder}
        value={draft[f]}
        aria-invalid={errors[f] ? true : undefined}
        aria-describedby={described(f)}
        onChange={(event) => setDraft({ ...draft, [f]: event.target.value })}
      />
      {errors[f] ? (
        <span id={`${id(f)}-error`} className="gov-field-error">
          {t(`events.error.${f}`)}
        </span>
      ) : (
        <span id={`${id(f)}-hint`} className="gov-field-hint">
          {f === 'actor' ? t('people.hintActor') : t(`events.hint.${f}`)}
        </span>
      )}
    </div>
  );

  return (
    <form className="gov-event-filters" aria-label={t('events.filterLabel')} onSubmit={submit} noValidate>
      {text('decisionId', 'dec_…')}
      {text('caseId', 'case_…')}
      {text('actor', 'fraud.reviewer')}
      <div className="filter">
        <label htmlFor={id('action')}>{t('events.filter.action')}</label>
        <select id={id('action')} value={draft.action} onChange={(event) => setDraft({ ...draft, action: event.target.value })}>
          <option value="">{t('events.anyAction')}</option>
          {EventAction.options.map((action) => (
            <option key={action} value={action}>
              {t(`events.action.${action}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor={id('from')}>{t('filter.from')}</label>
        <input
          id={id('from')}
          type="date"
          value={draft.from}
          aria-invalid={errors.from ? true : undefined}
          onChange={(event) => setDraft({ ...draft, from: event.target.value })}
        />
      </div>
      <div className="filter">
        <label htmlFor={id('to')}>{t('filter.to')}</label>
        <input
          id={id('to')}
          type="date"
          value={draft.to}
          aria-invalid={errors.to ? true : undefined}
          aria-describedby={errors.to ? `${id('to')}-error` : undefined}
          onChange={(event) => setDraft({ ...draft, to: event.target.value })}
        />
        {errors.to ? (
          <span id={`${id('to')}-error`} className="gov-field-error">
            {t('filter.errorOrder')}
          </span>
        ) : null}
      </div>
      <div className="gov-form-actions">
        <button type="submit" className="button button-primary">
          {t('events.apply')}
        </button>
        <button type="button" className="button button-quiet" onClick={clear}>
          {t('events.clear')}
        </button>
      </div>
    </form>
  );
}

function EventList({ events }: { events: ReturnType<typeof useAuditEvents> }) {
  const { t } = useGovernanceI18n();
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  const people: Record<string, AuditPerson> = Object.assign({}, ...(events.data?.pages.map((page) => page.people ?? {}) ?? []));
  return (
    <>
      <p className="gov-count" role="status">
        {t(events.hasNextPage ? 'events.countMore' : 'events.count', { count: items.length })}
      </p>
      {items.length === 0 ? (
        <BlockEmpty>{t('events.empty')}</BlockEmpty>
      ) : (
        <ScrollTable label={t('events.tableLabel')}>
          <table className="data-table gov-table gov-events">
            <caption className="visually-hidden">{t('events.tableLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('events.col.at')}</th>
                <th scope="col">{t('events.col.action')}</th>
                <th scope="col">{t('events.col.decision')}</th>
                <th scope="col">{t('events.col.case')}</th>
                <th scope="col">{t('events.col.actor')}</th>
                <th scope="col">{t('events.col.hash')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((event) => (
                <EventRow key={`${event.decisionId}:${event.seq}`} event={event} people={people} />
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {events.isFetchNextPageError ? <BlockError error={events.error} onRetry={() => void events.fetchNextPage()} /> : null}
      {events.hasNextPage && !events.isFetchNextPageError ? (
        <p className="list-more">
          <button type="button" className="button" onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
            {events.isFetchingNextPage ? t('events.loadingMore') : t('events.loadMore')}
          </button>
        </p>
      ) : null}
    </>
  );
}

/** A status change in words, when the event made one ("open → in review"). */
function transition(event: AuditEvent): { from: string | null; to: string } | null {
  const to = event.data.toStatus;
  if (typeof to !== 'string') return null;
  const from = event.data.fromStatus;
  // A comment or an extension leaves the status as it was: nothing to say about it.
  if (from === to) return null;
  return { from: typeof from === 'string' ? from : null, to };
}

/** The provider's host: enough to tell issuers apart in a table cell. */
function issuerHost(issuer: string): string {
  try {
    return new URL(issuer).host;
  } catch {
    return issuer;
  }
}

/** Narrows the log to one decision's chain, one case or one actor: a link, so it can be opened or shared. */
function filterLink(name: 'decisionId' | 'caseId' | 'actor', value: string) {
  return { search: `?${new URLSearchParams({ [name]: value })}` };
}

/** Who acted, by name: a colleague's display name and user name, "the member" or "the system"; never a bare id. */
function ActorCell({ event, people }: { event: AuditEvent; people: Record<string, AuditPerson> }) {
  const { t } = useGovernanceI18n();
  const person = people[event.actor.id];
  if (event.actor.role === 'system') return <span className="gov-role">{t('people.system')}</span>;
  if (event.actor.role === 'member') return <span className="gov-role">{t('people.member')}</span>;
  if (!person) return <span className="gov-role">{t('people.unknown', { role: event.actor.role })}</span>;
  return (
    <>
      <span className="gov-person">{person.displayName ?? person.username}</span>
      <Link to={filterLink('actor', person.username)} className="gov-cell-detail" aria-label={t('people.showActor', { name: person.username })}>
        {person.username} · {event.actor.role}
      </Link>
    </>
  );
}

/** Whom a case was given to, or who proposed what was decided, by name. */
function namedIn(event: AuditEvent, people: Record<string, AuditPerson>): string | null {
  const name = (id: unknown) => (typeof id === 'string' && people[id] ? (people[id].displayName ?? people[id].username) : null);
  if (event.action === 'assigned' && !event.data.claimed) return name(event.data.assignee);
  if (event.action === 'approved' || event.action === 'rejected') return name(event.data.proposedBy);
  return null;
}

function EventRow({ event, people }: { event: AuditEvent; people: Record<string, AuditPerson> }) {
  const { t, formatInstant, tApp } = useGovernanceI18n();
  const change = transition(event);
  const status = (s: string) => (CaseStatus.safeParse(s).success ? tApp(`caseStatus.${s as CaseStatus}`) : s);
  const caseNumber = event.caseId?.split('_').pop() ?? '';
  return (
    <tr>
      <td className="nowrap">
        <time dateTime={event.at}>{formatInstant(event.at)}</time>
      </td>
      <td>
        <span className="gov-action">{t(`events.action.${event.action}`)}</span>
        {change ? <span className="gov-cell-detail">{change.from ? `${status(change.from)} → ${status(change.to)}` : status(change.to)}</span> : null}
        {namedIn(event, people) ? (
          <span className="gov-cell-detail">
            {t(event.action === 'assigned' ? 'people.assignedTo' : 'people.proposedBy', { name: namedIn(event, people)! })}
          </span>
        ) : null}
      </td>
      <td>
        <Link to={filterLink('decisionId', event.decisionId)} className="mono small" aria-label={t('events.showDecision', { id: event.decisionId })}>
          {event.decisionId}
        </Link>
        <span className="gov-cell-detail">{t('events.seq', { seq: event.seq })}</span>
        <Link to={`/decisions/${event.decisionId}`} className="gov-cell-detail" aria-label={t('people.openDecisionLabel', { id: event.decisionId })}>
          {t('people.openDecision')}
        </Link>
      </td>
      <td>
        {event.caseId ? (
          <>
            <Link to={filterLink('caseId', event.caseId)} aria-label={t('events.showCase', { id: event.caseId, n: caseNumber })}>
              {t('events.caseNumber', { n: caseNumber })}
            </Link>
            <Link to={`/review/cases/${event.caseId}`} className="gov-cell-detail" aria-label={t('people.openCaseLabel', { n: caseNumber })}>
              {t('people.openCase')}
            </Link>
          </>
        ) : (
          <span className="gov-muted">—</span>
        )}
      </td>
      <td>
        <ActorCell event={event} people={people} />
        {event.actor.issuer && event.actor.subject ? (
          // The person as the insurer's directory names them: subject at the provider (full issuer on hover).
          <span className="gov-cell-detail small" title={event.actor.issuer}>
            {t('events.actorSource', { subject: event.actor.subject, issuer: issuerHost(event.actor.issuer) })}
          </span>
        ) : null}
      </td>
      <td>
        <span className="mono small gov-hash">{event.hash}</span>
      </td>
    </tr>
  );
}
