import { Link, useParams } from "react-router";
import { usePerson, useReports } from "../../api/people-queries.ts";
import { useSignedIn } from "../../api/session.ts";
import { Breadcrumb } from "../../ui/breadcrumb.tsx";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { ReadinessReport } from "../growth/readiness-report.tsx";
import "../growth/growth.css";

/** A report's readiness, explained as on My growth, for the managers above them. */
export function ReportPage() {
  const personId = useParams().personId ?? "";
  const session = useSignedIn();
  const person = usePerson(personId);
  const direct = useReports(session.person.id, "direct");
  const name = person.data?.name;
  useDocumentTitle(name ? `${name}: readiness` : "Readiness");
  const isDirect = (direct.data?.reports ?? []).some((r) => r.id === personId);
  const first = name?.split(" ")[0] ?? "them";
  const breadcrumb = <Breadcrumb trail={[{ to: "/team", label: "My team" }]} current={name ?? "Person"} />;

  if (person.isPending) return <LoadingState label="Loading…" />;
  if (person.isError) {
    return (
      <>
        <PageHeading eyebrow={breadcrumb}>Readiness</PageHeading>
        <ErrorState
          title="This person could not be loaded"
          error={person.error}
          onRetry={() => void person.refetch()}
          isRetrying={person.isFetching}
        />
      </>
    );
  }
  const actions = (
    <>
      {isDirect && (
        <Link to={`/team/${personId}/assess`} className="button">
          Assess {first}
        </Link>
      )}
      <Link to={`/team/${personId}/feedback`} className="button button--secondary">
        Request feedback about {first}
      </Link>
    </>
  );
  return (
    <>
      <PageHeading
        eyebrow={breadcrumb}
        lead={
          <p>
            {[person.data.title, person.data.level?.name, person.data.team].filter(Boolean).join(" · ")}. Their
            readiness, number by number; peer and upward feedback shows only as averages over enough people.
          </p>
        }
      >
        {person.data.name}
      </PageHeading>
      <div className="actions">{actions}</div>
      <ReadinessReport personId={personId} isSelf={false} firstName={first} emptyActions={actions} />
    </>
  );
}
