import { MemberRequestStatus, type MemberRequest } from '@shared/schemas/member-request';
import { ProblemMessage } from '../../../components/problem-message';
import { useI18n } from '../../../i18n';
import { useMemberRequests, useUpdateMemberRequest } from '../api/privacy';
import { DataTable } from '../../../components/data-table';

const isOpen = (r: MemberRequest) => r.status === 'received' || r.status === 'in_progress';

/**
 * The requests members filed in the portal (erasure, rectification, …) with where each stands; the
 * admin moves an open one on. Erasing the member (below) marks their requests done.
 */
export function MemberRequestsTable() {
  const { t, formatDateTime } = useI18n();
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
          columns={[t('admin.holdMember'), t('admin.requestKind'), t('admin.requestFiled'), t('admin.requestStatus')]}
        >
          {requests.data.items.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <code>{r.memberId}</code>
              </th>
              <td>
                {t(`admin.requestKind.${r.kind}`)}
                {r.details ? <div className="muted small">{r.details}</div> : null}
              </td>
              <td>{formatDateTime(r.filedAt)}</td>
              <td>
                {isOpen(r) ? (
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
                  t(`admin.requestStatus.${r.status}`)
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}
