import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../components/page-states';
import { SignInPage, useUser } from '../features/auth';
import { MyCasesPage } from '../features/cases/components/my-cases-page';
import { ContestDecisionPage, DecisionPage, MyDecisionsPage } from '../features/decisions';
import { MyDataPage } from '../features/my-data/components/my-data-page';
import { HomeRedirect, RequireRole, RequireSession } from './guards';
import { PublicLayout } from './layout';
import { hasAnyRole, roleGroups } from './navigation';

// Staff screens are separate chunks: a member's first load carries none of their code (or charts).
const CaseQueuePage = lazy(() => import('../features/cases/components/case-queue-page').then((m) => ({ default: m.CaseQueuePage })));
const DashboardPage = lazy(() => import('../features/governance/components/dashboard-page').then((m) => ({ default: m.DashboardPage })));
const AuditPage = lazy(() => import('../features/governance/components/audit-page').then((m) => ({ default: m.AuditPage })));
const AdminPage = lazy(() => import('../features/admin/components/admin-page').then((m) => ({ default: m.AdminPage })));

/** The app layer joins features: it hands each the facts about the user it needs as props. */
function DecisionRoute() {
  const user = useUser();
  return <DecisionPage memberView={hasAnyRole(user.roles, roleGroups.member)} />;
}

function CaseQueueRoute() {
  const user = useUser();
  return <CaseQueuePage scopes={user.scopes} />;
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
        <Route element={<RequireRole anyOf={roleGroups.member} />}>
          <Route path="decisions" element={<MyDecisionsPage />} />
          <Route path="decisions/:id/contest" element={<ContestDecisionPage />} />
          <Route path="cases" element={<MyCasesPage />} />
          <Route path="my-data" element={<MyDataPage />} />
        </Route>
        {/* Any signed-in user may ask; the server answers 404 for what is not theirs or out of scope. */}
        <Route path="decisions/:id" element={<DecisionRoute />} />
        <Route element={<RequireRole anyOf={roleGroups.review} />}>
          <Route path="review" element={<CaseQueueRoute />} />
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
