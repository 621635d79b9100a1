import type { Restriction } from '@shared/schemas/case';
import { useI18n } from '../i18n';

/**
 * GDPR Art. 18(1)(a): the contested renewal price is not applied while the objection is open.
 * The member reads that their price is on hold (or since when it no longer is); staff read the
 * instruction not to apply it. Shared by the member's decision and case pages and the workbench.
 */
export function RestrictionNotice({ restriction, audience }: { restriction: Restriction | null | undefined; audience: 'member' | 'staff' }) {
  const { t, formatDate } = useI18n();
  if (!restriction) return null;
  if (restriction.liftedAt) {
    return (
      <p className="notice restriction-notice">
        {t(audience === 'member' ? 'restriction.member.lifted' : 'restriction.staff.lifted', {
          since: formatDate(restriction.since),
          lifted: formatDate(restriction.liftedAt),
        })}
      </p>
    );
  }
  return (
    <div className="notice notice-warning restriction-notice" role="note">
      <p>
        <strong>{t(audience === 'member' ? 'restriction.member.title' : 'restriction.staff.title')}</strong>
      </p>
      <p>{t(audience === 'member' ? 'restriction.member.active' : 'restriction.staff.active', { since: formatDate(restriction.since) })}</p>
    </div>
  );
}
