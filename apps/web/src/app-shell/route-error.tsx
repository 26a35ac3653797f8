import { isRouteErrorResponse, useRouteError } from "react-router";
import { ErrorState } from "../ui/error-state.tsx";
import { PageHeading } from "../ui/page-heading.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { AppShell } from "./app-shell.tsx";

/** Last-resort boundary: a page crashed or its code could not be loaded (e.g. after a redeploy). */
export function RouteError() {
  const error = useRouteError();
  useDocumentTitle("Something went wrong");
  const message = isRouteErrorResponse(error) ? new Error(`${error.status} ${error.statusText}`) : error;
  return (
    <AppShell>
      <PageHeading
        lead={
          <p>
            This page could not be shown. Reloading usually fixes it; if not, the details below help when reporting the
            problem.
          </p>
        }
      >
        Something went wrong
      </PageHeading>
      <ErrorState title="What happened" error={message} onRetry={() => window.location.reload()} />
    </AppShell>
  );
}
