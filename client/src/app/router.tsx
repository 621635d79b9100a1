import { lazy, useMemo } from 'react';
import { can } from '@shared/auth/permissions';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../components/page-states';
import { SignInPage, useUser } from '../features/auth';
import { MemberCasePage, MyCasesPage, useCases } from '../features/cases';
import { ContestDecisionPage, DecisionPage, MyDecisionsPage, useDecisions } from '../features/decisions';
import { MyDataPage } from '../features/my-data/components/my-data-page';
import { ExportPage } from '../features/my-data/components/export-page';
import { HomeRedirect, RequirePermission, RequireSession } from './guards';
import { PublicLayout } from './layout';

// Staff screens are separate chunks: a member's first load carries none of their code (or charts).
const CaseQueuePage = lazy(() => import('../features/cases/components/case-queue-page').then((m) => ({ default: m.CaseQueuePage })));
const CasePage = lazy(() => import('../features/cases/components/case-page').then((m) => ({ default: m.CasePage })));
const StaffDecisionsPage = lazy(() => import('../features/decisions/components/staff-decisions-page').then((m) => ({ default: m.StaffDecisionsPage })));
const DashboardPage = lazy(() => import('../features/governance/components/dashboard-page').then((m) => ({ default: m.DashboardPage })));
const AuditPage = lazy(() => import('../features/governance/components/audit-page').then((m) => ({ default: m.AuditPage })));
const ReportsPage = lazy(() => import('../features/governance/components/reports-page').then((m) => ({ default: m.ReportsPage })));
const ReportPage = lazy(() => import('../features/governance/components/report-page').then((m) => ({ default: m.ReportPage })));
const AdminPage = lazy(() => import('../features/admin/components/admin-page').then((m) => ({ default: m.AdminPage })));

/*
 * The app layer joins features: it hands each the facts about the user (and about other
 * features' data) it needs as props, so that no feature imports another.
 */

function DecisionsRoute() {
  const user = useUser();
  if (can(user, 'decisions.readOwn')) return <MyDecisionsWithCases />;
  if (can(user, 'cases.review')) return <StaffDecisionsPage scopes={user.scopes} />;
  return <NotFoundPage />;
}

/**
 * "Contested" on the member's list comes from their cases (list items carry none): an objection
 * under review or answered; a withdrawn one was taken back.
 */
function MyDecisionsWithCases() {
  const cases = useCases({ origin: 'objection', limit: 100 });
  const contested = useMemo(
    () =>
      new Set(
        cases.data?.pages
          .flatMap((page) => page.items)
          .filter((c) => c.status !== 'withdrawn')
          .map((c) => c.decisionId),
      ),
    [cases.data],
  );
  return <MyDecisionsPage contestedDecisionIds={contested} />;
}

/** Each of the member's cases names the decision it is about: the app joins in their decisions. */
function MyCasesWithDecisions() {
  const decisions = useDecisions();
  const byId = useMemo(() => new Map(decisions.data?.pages.flatMap((page) => page.items).map((d) => [d.id, d])), [decisions.data]);
  return <MyCasesPage decisions={byId} />;
}

function DecisionRoute() {
  const user = useUser();
  return (
    <DecisionPage
      memberView={can(user, 'decisions.readOwn')}
      canRegisterObjection={can(user, 'cases.review')}
      canReadMetrics={can(user, 'metrics.readModels')}
    />
  );
}

function CaseQueueRoute() {
  const user = useUser();
  return <CaseQueuePage scopes={user.scopes} userId={user.id} />;
}

function ApprovalsRoute() {
  const user = useUser();
  return <CaseQueuePage scopes={user.scopes} userId={user.id} inbox />;
}

function CaseRoute() {
  const user = useUser();
  return <CasePage user={user} canAct={can(user, 'cases.review')} canReadMetrics={can(user, 'metrics.readModels')} />;
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
        <Route element={<RequirePermission anyOf={['decisions.readOwn', 'cases.review']} />}>
          <Route path="decisions" element={<DecisionsRoute />} />
        </Route>
        <Route element={<RequirePermission anyOf={['decisions.readOwn']} />}>
          <Route path="decisions/:id/contest" element={<ContestDecisionPage />} />
          <Route path="cases" element={<MyCasesWithDecisions />} />
          <Route path="cases/:id" element={<MemberCaseRoute />} />
          <Route path="my-data" element={<MyDataPage />} />
          <Route path="my-data/export" element={<ExportPage />} />
        </Route>
        {/* Any signed-in user may ask; the server answers 404 for what is not theirs or out of scope. */}
        <Route path="decisions/:id" element={<DecisionRoute />} />
        <Route element={<RequirePermission anyOf={['cases.review']} />}>
          <Route path="review" element={<CaseQueueRoute />} />
        </Route>
        <Route element={<RequirePermission anyOf={['cases.approve']} />}>
          <Route path="approvals" element={<ApprovalsRoute />} />
        </Route>
        <Route element={<RequirePermission anyOf={['cases.openPage']} />}>
          <Route path="review/cases/:id" element={<CaseRoute />} />
        </Route>
        <Route element={<RequirePermission anyOf={['governance.dashboard']} />}>
          <Route path="governance" element={<DashboardPage />} />
          <Route path="governance/audit" element={<AuditPage />} />
        </Route>
        <Route element={<RequirePermission anyOf={['reports.read']} />}>
          <Route path="governance/reports" element={<ReportsPage />} />
          <Route path="governance/reports/:id" element={<ReportPage />} />
        </Route>
        <Route element={<RequirePermission anyOf={['admin.console']} />}>
          <Route path="admin" element={<AdminPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
