import { SampleReason, type Case, type TimelineEntry } from '@shared/schemas/case';
import type { DecisionType } from '@shared/schemas/common';
import { useOutputWords, type OutputOf } from '../../../components/outcome';
import { useI18n, type MessageKey } from '../../../i18n';

export interface TimelineViewer {
  /** Staff read internal entries, notes and who did what; members read what is meant for them. */
  staff: boolean;
  userId: string;
  /** Staff: a colleague's name by user id, null when unknown (then their role is said). */
  nameOf?: (id: string | null | undefined) => string | null;
}

function memberWords(entry: TimelineEntry, c: Case): MessageKey {
  switch (entry.action) {
    case 'human_review_opened':
      return 'timeline.member.humanReview';
    case 'objection_filed':
      return c.channel === 'phone' ? 'timeline.member.filedPhone' : c.channel === 'post' ? 'timeline.member.filedPost' : 'timeline.member.filed';
    case 'assigned':
      return 'timeline.member.assigned';
    case 'comment':
      return 'timeline.member.comment';
    case 'resolved':
    case 'approved':
      return c.resolution === 'overridden' ? 'timeline.member.changed' : 'timeline.member.confirmed';
    case 'extended':
      return 'timeline.member.extended';
    case 'withdrawn':
      return 'timeline.member.withdrawn';
    case 'erased':
      return 'timeline.erased';
    case 'member_message':
      return 'timeline.member.message';
    case 'attachment_added':
      return 'timeline.member.document';
    case 'information_requested':
      return 'timeline.member.informationRequested';
    case 'correction_decided':
      return 'timeline.member.correctionDecided';
    case 'restricted':
      return 'timeline.member.restricted';
    default:
      return 'timeline.member.update';
  }
}

function staffWords(entry: TimelineEntry): MessageKey {
  const data = entry.data as { claimed?: boolean; outcome?: string; channel?: string; assignee?: string | null };
  switch (entry.action) {
    case 'sampled':
      return 'timeline.staff.sampled';
    case 'human_review_opened':
      return 'timeline.staff.humanReview';
    case 'objection_filed':
      return data.channel === 'phone' ? 'timeline.staff.filedPhone' : data.channel === 'post' ? 'timeline.staff.filedPost' : 'timeline.staff.filed';
    case 'assigned':
      return data.claimed ? 'timeline.staff.claimed' : data.assignee === null ? 'timeline.staff.unassigned' : 'timeline.staff.assigned';
    case 'comment':
      return entry.visibility === 'member' ? 'timeline.staff.messageToMember' : 'timeline.staff.internalNote';
    case 'resolution_proposed':
      return 'timeline.staff.proposed';
    case 'approved':
      return 'timeline.staff.approved';
    case 'rejected':
      return 'timeline.staff.rejected';
    case 'resolved':
      return data.outcome === 'overridden' ? 'timeline.staff.overridden' : 'timeline.staff.confirmed';
    case 'extended':
      return 'timeline.staff.extended';
    case 'withdrawn':
      return 'timeline.staff.withdrawn';
    case 'erased':
      return 'timeline.erased';
    case 'member_message':
      return 'timeline.staff.memberMessage';
    case 'attachment_added':
      return 'timeline.staff.document';
    case 'information_requested':
      return 'timeline.staff.informationRequested';
    case 'correction_decided':
      return 'timeline.staff.correctionDecided';
    case 'restricted':
      return 'timeline.staff.restricted';
    default:
      return 'timeline.staff.other';
  }
}

function useActorName(viewer: TimelineViewer) {
  const { t } = useI18n();
  return (entry: TimelineEntry): string | null => {
    if (entry.actor.role === 'system') return t('actor.system');
    if (viewer.staff) {
      if (entry.actor.id && entry.actor.id === viewer.userId) return t('actor.you');
      if (entry.actor.role === 'member') return t('actor.member');
      const name = viewer.nameOf?.(entry.actor.id);
      if (name) return name;
      if (entry.actor.role === 'approver') return t('actor.approver');
      return t('actor.reviewer');
    }
    // The member's own steps already say "you" in their title.
    return entry.actor.role === 'member' ? null : t('actor.staff');
  };
}

/** The case's history, oldest first, as the reader may see it. */
export function CaseTimeline({ entries, c, decisionType, viewer }: { entries: TimelineEntry[]; c: Case; decisionType: DecisionType; viewer: TimelineViewer }) {
  const { t, formatDateTime, formatDate } = useI18n();
  const actorName = useActorName(viewer);
  const outputWords = useOutputWords();
  if (!entries.length) return <p className="muted">{t('timeline.empty')}</p>;
  return (
    <ol className="timeline">
      {entries.map((entry) => {
        const data = entry.data as { after?: unknown; months?: number; dueDate?: string; toDueAt?: string; reason?: string };
        const after = entry.action === 'resolution_proposed' && data.after ? outputWords(decisionType, data.after as OutputOf<typeof decisionType>) : null;
        return (
          <li key={entry.seq} className={`timeline-entry timeline-${entry.action}${entry.visibility === 'internal' ? ' timeline-internal' : ''}`}>
            <div className="timeline-head">
              <strong>{t(viewer.staff ? staffWords(entry) : memberWords(entry, c), { action: entry.action })}</strong>
              {viewer.staff ? (
                <span className={`badge ${entry.visibility === 'internal' ? 'badge-neutral' : 'badge-info'}`}>
                  {entry.visibility === 'internal' ? t('timeline.internal') : t('timeline.visibleToMember')}
                </span>
              ) : null}
            </div>
            <p className="timeline-meta">
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              {actorName(entry) ? ` · ${actorName(entry)}` : ''}
            </p>
            {entry.action === 'extended' ? <p>{t('timeline.newDueDate', { date: formatDate(data.toDueAt ?? c.dueAt) })}</p> : null}
            {after ? <p>{t('timeline.proposedOutcome', { outcome: [after.headline, after.detail].filter(Boolean).join(' · ') })}</p> : null}
            {entry.action === 'sampled' && SampleReason.safeParse(data.reason).success ? (
              <p className="muted">{t(`queue.sampleReason.${SampleReason.parse(data.reason)}`)}</p>
            ) : null}
            {viewer.staff && entry.action === 'assigned' && !(entry.data as { claimed?: boolean }).claimed ? (
              <p>
                {(entry.data as { assignee?: string | null }).assignee
                  ? t('queue.assignedTo', { name: viewer.nameOf?.((entry.data as { assignee: string }).assignee) ?? t('actor.reviewer') })
                  : t('assign.backToQueue')}
              </p>
            ) : null}
            {/* A member reads their own statement just above the timeline; staff see it in each entry's context. */}
            {entry.text && (viewer.staff || entry.action !== 'objection_filed') ? <blockquote className="quote">{entry.text}</blockquote> : null}
            {viewer.staff && entry.note ? (
              <p className="timeline-note">
                <span className="muted">{t('timeline.note')}</span> {entry.note}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
