import { useId, useState } from 'react';
import type { CaseDetail } from '@shared/schemas/case';
import { ProblemMessage } from '../../../components/problem-message';
import { useI18n, type MessageKey } from '../../../i18n';
import { useAssignCase } from '../api/assign-case';
import { nameOf, useColleagues } from '../api/list-colleagues';
import { isConflict } from './case-actions';

/**
 * An approver gives the case to a colleague who reviews its type, by name, or back to the queue
 * (unassigned: anyone in scope may claim it). The member hears only that someone works on it.
 */
export function AssignAction({
  detail,
  userId,
  onConflict,
  onDone,
}: {
  detail: CaseDetail;
  userId: string;
  onConflict: (error: unknown) => void;
  onDone: (message: MessageKey) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const c = detail.case;
  const colleagues = useColleagues();
  const [target, setTarget] = useState('');
  const assign = useAssignCase(c.id, {
    onSuccess: (_, body) => {
      setTarget('');
      onDone(body.userId === null ? 'assign.unassigned' : 'assign.assigned');
    },
    onError: onConflict,
  });
  const candidates = (colleagues.data?.items ?? []).filter((p) => p.scopes.includes(c.decisionType) && p.id !== c.assignee);
  return (
    <section className="action-box" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('assign.title')}</h3>
      {assign.error && !isConflict(assign.error) ? <ProblemMessage error={assign.error} /> : null}
      <form
        className="form form-compact"
        onSubmit={(event) => {
          event.preventDefault();
          if (target) assign.mutate({ userId: target, expectedVersion: c.version });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-who`}>{t('assign.to')}</label>
          <select id={`${id}-who`} value={target} onChange={(event) => setTarget(event.target.value)}>
            <option value="">{t('assign.choose')}</option>
            {candidates.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id === userId ? t('assign.me', { name: nameOf(p) }) : nameOf(p)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-block" disabled={!target || assign.isPending}>
          {t('assign.give')}
        </button>
      </form>
      {c.assignee ? (
        <button
          type="button"
          className="button button-quiet button-block"
          disabled={assign.isPending}
          onClick={() => assign.mutate({ userId: null, expectedVersion: c.version })}
        >
          {t('assign.unassign')}
        </button>
      ) : null}
    </section>
  );
}
