import { lazy } from 'react';
import { useParams } from 'react-router';
import { BackLink } from '../../../components/back-link';
import { ErrorState, LoadingState, NotFoundState } from '../../../components/page-states';
import { useT } from '../../../i18n';
import { isDecisionId, useDecision } from '../api/get-decision';
import { MemberDecisionView } from './member-decision-view';

// Staff code (evidence, registry labels) stays out of a member's first load.
const StaffDecisionView = lazy(() => import('./staff-decision-view').then((m) => ({ default: m.StaffDecisionView })));

export interface DecisionPageProps {
  /** The member's own view: the explanation, their case and the way to contest. */
  memberView: boolean;
  /** Staff who may register an objection received by phone or post (reviewers in scope). */
  canRegisterObjection?: boolean;
  /** Staff who may read the model's outcome distribution. */
  canReadMetrics?: boolean;
}

export function DecisionPage({ memberView, canRegisterObjection = false, canReadMetrics = false }: DecisionPageProps) {
  const { id } = useParams();
  const t = useT();
  return (
    <>
      <BackLink to="/decisions">{memberView ? t('decision.backToList') : t('staffDecisions.back')}</BackLink>
      {isDecisionId(id) ? (
        <DecisionLoader id={id} memberView={memberView} canRegisterObjection={canRegisterObjection} canReadMetrics={canReadMetrics} />
      ) : (
        <NotFoundState />
      )}
    </>
  );
}

function DecisionLoader({ id, memberView, canRegisterObjection, canReadMetrics }: { id: string } & Required<DecisionPageProps>) {
  const decision = useDecision(id);
  if (decision.isPending) return <LoadingState />;
  if (decision.isError) return <ErrorState error={decision.error} onRetry={() => void decision.refetch()} />;
  return memberView ? (
    <MemberDecisionView decision={decision.data} />
  ) : (
    <StaffDecisionView decision={decision.data} canRegisterObjection={canRegisterObjection} canReadMetrics={canReadMetrics} />
  );
}
