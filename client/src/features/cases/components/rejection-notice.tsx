import type { CaseDetail } from '@shared/schemas/case';
import { useI18n } from '../../../i18n';

/** The entries that settle a proposal: the latest of them says where the case stands. */
const PROPOSAL_STEPS = new Set(['resolution_proposed', 'rejected', 'approved', 'resolved']);

/**
 * When an approver sent a proposed override back, the case is in review again: say so at the
 * top, who rejected it, when, and why, so the proposer does not have to find it in the timeline.
 */
export function RejectionNotice({ detail, userId, nameOf }: { detail: CaseDetail; userId: string; nameOf: (id: string | null | undefined) => string | null }) {
  const { t, formatDateTime } = useI18n();
  if (detail.case.status !== 'in_review') return null;
  const last = [...detail.timeline].reverse().find((entry) => PROPOSAL_STEPS.has(entry.action));
  if (!last || last.action !== 'rejected') return null;
  const proposedBy = (last.data as { proposedBy?: string }).proposedBy;
  const approver = nameOf(last.actor.id) ?? t('actor.approver');
  return (
    <div className="notice notice-warning" role="note">
      <p>
        <strong>
          {proposedBy === userId
            ? t('rejection.yours', { approver, date: formatDateTime(last.at) })
            : t('rejection.other', { proposer: nameOf(proposedBy) ?? t('actor.reviewer'), approver, date: formatDateTime(last.at) })}
        </strong>
      </p>
      {last.text ? <blockquote className="quote">{last.text}</blockquote> : null}
      <p className="small">{t('rejection.next')}</p>
    </div>
  );
}
