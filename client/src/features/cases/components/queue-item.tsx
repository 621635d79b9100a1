import { Link } from 'react-router';
import type { CaseListItem } from '@shared/schemas/case';
import type { FraudFlagOutput, RenewalPriceOutput, RiskScoreOutput } from '@shared/schemas/decision';
import { useI18n } from '../../../i18n';
import { caseLink } from '../hooks/queue-filter';
import { DueDate } from './due-date';

/**
 * One row of the queue, for triage without opening it: what it is about (claim or policy, member,
 * the score or premium change), where it came from and why, how long it has left, who has it.
 */
export function QueueItem({ c, userId, search }: { c: CaseListItem; userId: string; search: string }) {
  const { t, formatDate } = useI18n();
  const origin = c.origin === 'objection' ? t(`channel.objectionBy.${c.channel ?? 'portal'}`) : t(`caseOrigin.${c.origin}`);
  const subject = c.about?.claimId
    ? t('queue.aboutClaim', { id: c.about.claimId })
    : c.about?.policyId
      ? t('queue.aboutPolicy', { id: c.about.policyId })
      : null;
  return (
    <li className={`queue-item${c.overdue ? ' queue-item-overdue' : ''}`}>
      <div className="queue-item-due">
        <DueDate c={c} compact />
      </div>
      <div className="queue-item-main">
        <h2 className="queue-item-title">
          <Link to={caseLink(c.id, search)} className="stretched-link">
            {t(`decisionType.${c.decisionType}`)}
            {subject ? ` · ${subject}` : ''} · {origin}
          </Link>
        </h2>
        {c.about ? (
          <p className="queue-item-about">
            {c.about.memberId ? <span>{t('queue.aboutMember', { id: c.about.memberId })}</span> : <span>{t('queue.aboutErased')}</span>}
            <span aria-hidden="true"> · </span>
            <OutcomeBrief c={c} />
          </p>
        ) : null}
        {c.sampleReason ? <p className="queue-item-reason">{t(`queue.sampleReason.${c.sampleReason}`)}</p> : null}
        {c.statement ? <p className="queue-item-statement">{c.statement}</p> : null}
        <p className="queue-item-meta">
          {t('caseQueue.received', { date: formatDate(c.receivedAt) })}
          <span aria-hidden="true"> · </span>
          {c.assignee
            ? c.assignee === userId
              ? t('caseQueue.assignedToYou')
              : c.assigneeName
                ? t('queue.assignedTo', { name: c.assigneeName })
                : t('caseQueue.assignedToOther')
            : t('caseQueue.unassigned')}
        </p>
      </div>
      <ul className="badges">
        <li className={`badge badge-status badge-${c.status}`}>{t(`caseStatus.${c.status}`)}</li>
        {c.proposalRejectedAt ? <li className="badge badge-overdue">{t('queue.proposalRejected')}</li> : null}
        {c.restriction && !c.restriction.liftedAt ? <li className="badge badge-overdue">{t('restriction.staff.marker')}</li> : null}
      </ul>
    </li>
  );
}

/** The outcome in force in a few words: the premium change, the fraud score against its threshold, the risk score. */
function OutcomeBrief({ c }: { c: CaseListItem }) {
  const { t, formatMoney, formatScorePoints, formatPercent } = useI18n();
  const outcome = c.about!.outcome;
  if (c.decisionType === 'renewal_price') {
    const o = outcome as RenewalPriceOutput;
    const ratio = o.previousPremiumCents ? (o.newPremiumCents - o.previousPremiumCents) / o.previousPremiumCents : 0;
    return (
      <span>
        {t('queue.premiumChange', {
          from: formatMoney(o.previousPremiumCents, o.currency),
          to: formatMoney(o.newPremiumCents, o.currency),
          change: formatPercent(ratio, true),
        })}
      </span>
    );
  }
  if (c.decisionType === 'fraud_flag') {
    const o = outcome as FraudFlagOutput;
    return <span>{t('queue.fraudScore', { score: formatScorePoints(o.score), threshold: formatScorePoints(o.threshold) })}</span>;
  }
  const o = outcome as RiskScoreOutput;
  return <span>{t('queue.riskScore', { score: formatScorePoints(o.score), band: t(`riskBand.${o.band}`) })}</span>;
}
