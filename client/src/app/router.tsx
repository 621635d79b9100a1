import { lazy, useMemo } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../components/page-states';
import { SignInPage, useUser } from '../features/auth';
import { MemberCasePage, MyCasesPage, useCases } from '../features/cases';
import { ContestDecisionPage, DecisionPage, MyDecisionsPage } from '../features/decisions';
import { MyDataPage } from '../features/my-data/components/my-data-page';
import { HomeRedirect, RequireRole, RequireSession } from './guards';
import { PublicLayout } from './layout';
import { hasAnyRole, roleGroups } from './navigation';

// Staff screens are separate chunks: a member's first load carries none of their code (or charts).
const CaseQueuePage = lazy(() => import('../features/cases/components/case-queue-page').then((m) => ({ default: m.CaseQueuePage })));
const CasePage = lazy(() => import('../features/cases/components/case-page').then((m) => ({ default: m.CasePage })));
const StaffDecisionsPage = lazy(() =>
  import('../features/decisions/components/staff-decisions-page').then((m) => ({ default: m.StaffDecisionsPage })),
);
const DashboardPage = lazy(() => import('../features/governance/components/dashboard-page').then((m) => ({ default: m.DashboardPage })));
const AuditPage = lazy(() => import('../features/governance/components/audit-page').then((m) => ({ default: m.AuditPage })));
const AdminPage = lazy(() => import('../features/admin/components/admin-page').then((m) => ({ default: m.AdminPage })));

/*
 * The app layer joins features: it hands each the facts about the user (and about other
 * features' data) it needs as props, so that no feature imports another.
 */

function DecisionsRoute() {
  const user = useUser();
  if (hasAnyRole(user.roles, roleGroups.member)) return <MyDecisionsWithCases />;
  if (hasAnyRole(user.roles, roleGroups.review)) return <StaffDecisionsPage scopes={user.scopes} />;
  return <NotFoundPage />;
}

/**
 * "Contested" on the member's list comes from their cases (list items carry none): an objection
 * under review or answered; a withdrawn one was taken back.
 */
function MyDecisionsWithCases() {
  const cases = useCases({ origin: 'objection', limit: 100 });
  const contested = useMemo(
    () => new Set(cases.data?.pages.flatMap((page) => page.items).filter((c) => c.status !== 'withdrawn').map((c) => c.decisionId)),
    [cases.data],
  );
  return <MyDecisionsPage contestedDecisionIds={contested} />;
}

function DecisionRoute() {
  const user = useUser();
  return (
    <DecisionPage
      memberView={hasAnyRole(user.roles, roleGroups.member)}
      canRegisterObjection={hasAnyRole(user.roles, roleGroups.review)}
      canReadMetrics={hasAnyRole(user.roles, roleGroups.metricsReaders)}
    />
  );
}

function CaseQueueRoute() {
  const user = useUser();
  return <CaseQueuePage scopes={user.scopes} userId={user.id} />;
}

function CaseRoute() {
  const user = useUser();
  return (
    <CasePage
      user={user}
      canAct={hasAnyRole(user.roles, roleGroups.review)}
      canReadMetrics={hasAnyRole(user.roles, roleGroups.metricsReaders)}
    />
  );
}

function MemberCaseRoute() {
  const user = useUser();
  return <MemberCasePage userId={user.id} />;
}

/**
 * Declarative routes: the data router would add ~17 kB gzip to every first load for loaders and
 * actions we do not use (react-query does the fetching).
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path="sign-in" element={<SignInPage />} />
      </Route>
      <Route element={<RequireSession />}>
        <Route index element={<HomeRedirect />} />
        <Route element={<RequireRole anyOf={[...roleGroups.member, ...roleGroups.review]} />}>
          <Route path="decisions" element={<DecisionsRoute />} />
        </Route>
        <Route element={<RequireRole anyOf={roleGroups.member} />}>
          <Route path="decisions/:id/contest" element={<ContestDecisionPage />} />
          <Route path="cases" element={<MyCasesPage />} />
          <Route path="cases/:id" element={<MemberCaseRoute />} />
          <Route path="my-data" element={<MyDataPage />} />
        </Route>
        {/* Any signed-in user may ask; the server answers 404 for what is not theirs or out of scope. */}
        <Route path="decisions/:id" element={<DecisionRoute />} />
        <Route element={<RequireRole anyOf={roleGroups.review} />}>
          <Route path="review" element={<CaseQueueRoute />} />
        </Route>
        <Route element={<RequireRole anyOf={roleGroups.caseReaders} />}>
          <Route path="review/cases/:id" element={<CaseRoute />} />
        </Route>
        <Route element={<RequireRole anyOf={roleGroups.governance} />}>
          <Route path="governance" element={<DashboardPage />} />
          <Route path="governance/audit" element={<AuditPage />} />
        </Route>
        <Route element={<RequireRole anyOf={roleGroups.admin} />}>
          <Route path="admin" element={<AdminPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
