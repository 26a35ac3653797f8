import { Link } from "react-router";
import { useFrameworks } from "../../api/queries.ts";
import { useSession } from "../../api/session.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { FrameworksEmptyState } from "./frameworks-empty-state.tsx";
import { FrameworksTable } from "./frameworks-table.tsx";

export function FrameworksPage() {
  useDocumentTitle("Frameworks");
  const frameworks = useFrameworks();
  const isAdmin = useSession().data?.isAdmin === true;
  return (
    <>
      <PageHeading
        lead={
          <p>
            A framework is a career ladder: the levels people move through, the competencies they are assessed on, and
            what each level expects of each competency. Published versions never change, so past assessments keep the
            version they were made against.
          </p>
        }
      >
        Frameworks
      </PageHeading>
      {isAdmin && (
        <p className="actions page-actions">
          <Link to="/frameworks/import" className="button">
            Import a ladder
          </Link>
          <span className="muted">From a spreadsheet (CSV or XLSX) or a YAML or JSON file.</span>
        </p>
      )}
      {frameworks.isPending ? (
        <LoadingState label="Loading frameworks…" />
      ) : frameworks.isError ? (
        <ErrorState
          title="The frameworks could not be loaded"
          error={frameworks.error}
          onRetry={() => void frameworks.refetch()}
          isRetrying={frameworks.isFetching}
        />
      ) : frameworks.data.frameworks.length === 0 ? (
        <FrameworksEmptyState />
      ) : (
        <FrameworksTable frameworks={frameworks.data.frameworks} />
      )}
    </>
  );
}
