import { useState, type FormEvent } from 'react';
import { MemberRequestStatus, RefusalGround, REFUSAL_EXPLANATION_MIN_LENGTH, type MemberRequest } from '@shared/schemas/member-request';
import { ProblemMessage } from '../../../components/problem-message';
import { useI18n } from '../../../i18n';
import { useDecideMemberRequest, useExtendMemberRequest, useMemberRequests, useUpdateMemberRequest } from '../api/privacy';
import { DataTable } from '../../../components/data-table';

const isOpen = (r: MemberRequest) => r.status === 'received' || r.status === 'in_progress';

/**
 * The requests members filed in the portal (erasure, rectification, …) with where each stands and
 * its legal due date (one month, once extended by up to two); the admin answers an erasure request
 * (erase, or refuse on a ground the member reads), extends its deadline, or moves another on.
 */
export function MemberRequestsTable() {
  const { t, formatDateTime, formatDate } = useI18n();
  const requests = useMemberRequests();
  const update = useUpdateMemberRequest();
  return (
    <>
      <h3>{t('admin.requestsTitle')}</h3>
      <p className="muted small">{t('admin.requestsIntro')}</p>
      {requests.isError ? <ProblemMessage error={requests.error} /> : null}
      {update.error ? <ProblemMessage error={update.error} /> : null}
      {requests.data && requests.data.items.length === 0 ? <p className="muted">{t('admin.requestsNone')}</p> : null}
      {requests.data && requests.data.items.length > 0 ? (
        <DataTable
          caption={t('admin.requestsTitle')}
          columns={[t('admin.holdMember'), t('admin.requestKind'), t('admin.requestFiled'), t('admin.requestDue'), t('admin.requestStatus')]}
        >
          {requests.data.items.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <code>{r.memberId}</code>
              </th>
              <td>
                {t(`admin.requestKind.${r.kind}`)}
                {r.channel && r.channel !== 'portal' ? <div className="muted small">{t(`admin.requestChannel.${r.channel}`)}</div> : null}
                {r.details ? <div className="muted small">{r.details}</div> : null}
              </td>
              <td>{formatDateTime(r.receivedAt ?? r.filedAt)}</td>
              <td>
                {r.dueAt ? formatDate(r.dueAt) : '—'}
                {r.overdue ? (
                  <>
                    {' '}
                    <span className="badge badge-overdue">{t('admin.requestOverdue')}</span>
                  </>
                ) : null}
                {r.extension ? <div className="muted small">{t('admin.requestExtended', { months: r.extension.months })}</div> : null}
              </td>
              <td>
                {isOpen(r) && r.kind === 'erasure' ? (
                  <ErasureAnswer request={r} />
                ) : isOpen(r) ? (
                  <select
                    aria-label={t('admin.requestStatusOf', { memberId: r.memberId, kind: t(`admin.requestKind.${r.kind}`) })}
                    value={r.status}
                    disabled={update.isPending}
                    onChange={(event) => update.mutate({ id: r.id, status: MemberRequestStatus.parse(event.target.value) })}
                  >
                    {MemberRequestStatus.options.map((status) => (
                      <option key={status} value={status}>
                        {t(`admin.requestStatus.${status}`)}
                      </option>
                    ))}
                  </select>
                ) : (
                  <>
                    {t(`admin.requestStatus.${r.status}`)}
                    {r.answer?.ground ? <div className="muted small">{t(`admin.refusalGround.${r.answer.ground}`)}</div> : null}
                  </>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}

/** An open erasure request: erase, refuse on a ground with words the member reads, or extend its deadline once. */
function ErasureAnswer({ request }: { request: MemberRequest }) {
  const { t } = useI18n();
  const decide = useDecideMemberRequest();
  const extend = useExtendMemberRequest();
  const [choice, setChoice] = useState<'erase' | 'refuse'>('refuse');
  const [ground, setGround] = useState<RefusalGround>('legal_hold');
  const [explanation, setExplanation] = useState('');
  const [months, setMonths] = useState(1);
  const [reason, setReason] = useState('');
  const expectedVersion = request.version ?? 1;
  const base = `req-${request.id}`;

  const onDecide = (event: FormEvent) => {
    event.preventDefault();
    decide.mutate({
      id: request.id,
      body: choice === 'erase' ? { decision: 'erase', expectedVersion } : { decision: 'refuse', ground, explanation, expectedVersion },
    });
  };
  const onExtend = (event: FormEvent) => {
    event.preventDefault();
    extend.mutate({ id: request.id, body: { months, reason, expectedVersion } });
  };

  return (
    <details className="request-answer">
      <summary>{t('admin.requestAnswer', { status: t(`admin.requestStatus.${request.status}`) })}</summary>
      {decide.error ? <ProblemMessage error={decide.error} /> : null}
      <form className="form" onSubmit={onDecide} noValidate aria-label={t('admin.requestAnswerForm')}>
        <fieldset>
          <legend>{t('admin.requestDecision')}</legend>
          <label className="choice">
            <input type="radio" name={`${base}-choice`} checked={choice === 'refuse'} onChange={() => setChoice('refuse')} /> {t('admin.requestRefuse')}
          </label>
          <label className="choice">
            <input type="radio" name={`${base}-choice`} checked={choice === 'erase'} onChange={() => setChoice('erase')} /> {t('admin.requestErase')}
          </label>
        </fieldset>
        {choice === 'refuse' ? (
          <>
            <div className="field">
              <label htmlFor={`${base}-ground`}>{t('admin.refusalGroundLabel')}</label>
              <select id={`${base}-ground`} value={ground} onChange={(event) => setGround(RefusalGround.parse(event.target.value))}>
                {RefusalGround.options.map((g) => (
                  <option key={g} value={g}>
                    {t(`admin.refusalGround.${g}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${base}-explanation`}>{t('admin.refusalExplanation', { min: REFUSAL_EXPLANATION_MIN_LENGTH })}</label>
              <textarea id={`${base}-explanation`} rows={3} value={explanation} onChange={(event) => setExplanation(event.target.value)} />
            </div>
          </>
        ) : (
          <p className="muted small">{t('admin.requestEraseWarning')}</p>
        )}
        <button type="submit" className={choice === 'erase' ? 'button button-danger' : 'button button-primary'} disabled={decide.isPending}>
          {choice === 'erase' ? t('admin.requestEraseSubmit') : t('admin.requestRefuseSubmit')}
        </button>
      </form>
      {!request.extension ? (
        <form className="form" onSubmit={onExtend} noValidate aria-label={t('admin.requestExtendForm')}>
          {extend.error ? <ProblemMessage error={extend.error} /> : null}
          <div className="field">
            <label htmlFor={`${base}-months`}>{t('admin.requestExtendMonths')}</label>
            <select id={`${base}-months`} value={months} onChange={(event) => setMonths(Number(event.target.value))}>
              <option value={1}>1</option>
              <option value={2}>2</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${base}-reason`}>{t('admin.requestExtendReason')}</label>
            <textarea id={`${base}-reason`} rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
          </div>
          <button type="submit" className="button" disabled={extend.isPending}>
            {t('admin.requestExtendSubmit')}
          </button>
        </form>
      ) : null}
    </details>
  );
}
