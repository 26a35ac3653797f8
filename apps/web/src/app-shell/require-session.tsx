import { Navigate, Outlet, useLocation } from "react-router";
import { useSession } from "../api/session.ts";
import { ErrorState } from "../ui/error-state.tsx";
import { LoadingState } from "../ui/loading-state.tsx";
import { PageHeading } from "../ui/page-heading.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";

/** Where to send someone who must sign in first, remembering the page they asked for. */
export function signInPath(returnTo: string): string {
  return returnTo === "/" || returnTo.startsWith("/login") ? "/login" : `/login?next=${encodeURIComponent(returnTo)}`;
}

/**
 * Everything but the sign-in pages needs a session. When there is none, or the API answers 401
 * later on (the query client marks the session as ended), the user goes to sign in and comes back.
 */
export function RequireSession() {
  const session = useSession();
  const { pathname, search } = useLocation();
  if (session.isPending) return <LoadingState label="Checking your sign-in…" />;
  if (session.isError) {
    return (
      <ErrorState
        title="Ascent could not check your sign-in"
        error={session.error}
        onRetry={() => void session.refetch()}
        isRetrying={session.isFetching}
      />
    );
  }
  if (!session.data) return <Navigate to={signInPath(pathname + search)} replace />;
  return <Outlet />;
}

/** Pages that change the framework: admins only; others get an explanation rather than a dead end. */
export function RequireAdmin() {
  const session = useSession();
  if (session.data?.isAdmin) return <Outlet />;
  return <AdminsOnly />;
}

function AdminsOnly() {
  useDocumentTitle("Administrators only");
  return (
    <PageHeading lead={<p>Only administrators can import, edit and publish frameworks. Ask one of them for help.</p>}>
      Administrators only
    </PageHeading>
  );
}
