import type { StaffLogEntryView } from '@shared/schemas/staff-log';
import { useStaffLog } from '../api/list-staff-log';
import { useGovernanceI18n, type GovernanceI18n } from '../i18n';
import { BlockEmpty, QueryBlock, ScrollTable, Section } from './section';

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** The facts of an entry in words: which account, key or roles; never a member id (the log holds none). */
function details(entry: StaffLogEntryView, g: GovernanceI18n): string {
  const { t, tApp, typeName } = g;
  const d = entry.data;
  const roles = list(d.roles)
    .map((r) => tApp(`admin.role.${r as 'admin'}`))
    .join(', ');
  const scopes = list(d.scopes)
    .map((s) => typeName(s as 'fraud_flag'))
    .join(', ');
  switch (entry.action) {
    case 'user_created':
      return t('staffLog.detail.user', { user: text(d.userId), roles, scopes: scopes || '—' });
    case 'user_updated':
      return t('staffLog.detail.userUpdated', {
        user: text(d.userId),
        roles,
        scopes: scopes || '—',
        disabled: t(d.disabled === true ? 'staffLog.yes' : 'staffLog.no'),
      });
    case 'user_password_reset':
      return t('staffLog.detail.userId', { user: text(d.userId) });
    case 'ingest_key_created':
    case 'ingest_key_rotated':
    case 'ingest_key_revoked':
      return t('staffLog.detail.key', { name: text(d.name), prefix: text(d.prefix) });
    default:
      return '';
  }
}

/** Every admin and staff action outside the chains, in words, for governance to read (it changes nothing). */
export function StaffLogSection() {
  const g = useGovernanceI18n();
  const { t, formatInstant } = g;
  const log = useStaffLog();
  return (
    <Section title={t('staffLog.title')} intro={t('staffLog.intro')}>
      <QueryBlock query={log}>
        {(page) =>
          page.items.length === 0 ? (
            <BlockEmpty>{t('staffLog.none')}</BlockEmpty>
          ) : (
            <ScrollTable label={t('staffLog.title')}>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('staffLog.when')}</th>
                    <th scope="col">{t('staffLog.who')}</th>
                    <th scope="col">{t('staffLog.what')}</th>
                    <th scope="col">{t('staffLog.details')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((entry) => (
                    <tr key={entry.seq}>
                      <td>{formatInstant(entry.at)}</td>
                      <td>
                        <code>{entry.actor.id}</code> <span className="muted small">({entry.actor.role})</span>
                      </td>
                      <td>{t(`staffLog.action.${entry.action}`)}</td>
                      <td>{details(entry, g)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )
        }
      </QueryBlock>
    </Section>
  );
}
