import { Navigate, Outlet, useLocation } from 'react-router';
import { canAny, type Permission } from '@shared/auth/permissions';
import { ErrorState, LoadingState, NotFoundPage } from '../components/page-states';
import { ChangePasswordPage, useSession, useUser } from '../features/auth';
import { signInPath } from '../lib/return-to';
import { sessionHasEnded } from '../lib/session-ended';
import { AppLayout, PublicLayout } from './layout';
import { landingPathFor } from './navigation';

/** Signed-in screens. Without a session, go to sign-in and remember where the reader was going. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <LoadingState />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    const here = location.pathname + location.search + location.hash;
    return <Navigate to={signInPath(here, sessionHasEnded() ? 'session_ended' : undefined)} replace />;
  }
  // A one-time password from an admin opens only the form to choose one's own.
  if (session.data.mustChangePassword) {
    return (
      <PublicLayout>
        <ChangePasswordPage />
      </PublicLayout>
    );
  }
  return <AppLayout user={session.data} />;
}

/** Someone without the permission gets the same "not found" as for a missing page (no enumeration). */
export function RequirePermission({ anyOf }: { anyOf: Permission[] }) {
  const user = useUser();
  return canAny(user, anyOf) ? <Outlet /> : <NotFoundPage />;
}

export function HomeRedirect() {
  const user = useUser();
  return <Navigate to={landingPathFor(user.roles)} replace />;
}
