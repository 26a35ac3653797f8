import { ApiError, buildPath, endpoints, type TPerson, type TPersonCard } from "@ascent/contract";
import { useState } from "react";
import { Link, useParams } from "react-router";
import {
  useReactivatePerson,
  useReportingChain,
  useReports,
  usePerson,
  useViewer,
  type SignedInViewer,
} from "../../api/people-queries.ts";
import { Badge } from "../../ui/badge.tsx";
import { describeError } from "../../ui/describe-error.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";
import { DeactivatePersonDialog, type DeactivateTarget } from "../people/deactivate-person-dialog.tsx";
import { EditPersonDialog } from "../people/person-form-dialog.tsx";
import "../people/people.css";
import { LevelHistorySection } from "./level-history-section.tsx";
import { AskForNominationButton, NominateButton } from "./nominate-dialog.tsx";
import { OneTimeLinkPanel } from "./one-time-link-panel.tsx";

/**
 * Which managers above a person the viewer may open. Admins open anyone; anyone else sees
 * themselves and the people below them, so of the chain (nearest first) only the managers up to
 * and including the viewer.
 */
function openableManagers(chain: TPersonCard[], personId: string, viewer: SignedInViewer): Set<string> {
  if (viewer.isAdmin) return new Set(chain.map((manager) => manager.id));
  if (personId === viewer.personId) return new Set();
  const viewerAt = chain.findIndex((manager) => manager.id === viewer.personId);
  return new Set(chain.slice(0, viewerAt + 1).map((manager) => manager.id));
}

function ChainBreadcrumb({
  chain,
  person,
  openable,
}: {
  chain: TPersonCard[];
  person: TPerson;
  openable: Set<string>;
}) {
  const topDown = [...chain].reverse();
  return (
    <nav aria-label="Reporting chain" className="breadcrumb">
      <ol>
        <li>
          <Link to="/people">People</Link>
        </li>
        {topDown.map((manager) => (
          <li key={manager.id}>
            {openable.has(manager.id) ? (
              <Link to={`/people/${manager.id}`}>{manager.name}</Link>
            ) : (
              <span>{manager.name}</span>
            )}
          </li>
        ))}
        <li aria-current="page">{person.name}</li>
      </ol>
    </nav>
  );
}

function ReportingChainSection({ chain, openable }: { chain: TPersonCard[]; openable: Set<string> }) {
  return (
    <section className="section" aria-labelledby="chain-heading">
      <h2 id="chain-heading">Reporting chain</h2>
      {chain.length === 0 ? (
        <p className="section__lead">Nobody is above them: they are at the top of the organisation.</p>
      ) : (
        <>
          <p className="section__lead">From their manager up to the top of the organisation.</p>
          <ol className="chain-list">
            {chain.map((manager, index) => (
              <li key={manager.id}>
                <span className="chain-list__step">{index === 0 ? "Manager" : `${index + 1} levels up`}</span>
                {openable.has(manager.id) ? (
                  <Link to={`/people/${manager.id}`} className="strong-link">
                    {manager.name}
                  </Link>
                ) : (
                  <strong>{manager.name}</strong>
                )}
                {manager.title && <span className="muted"> · {manager.title}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function DirectReports({ person }: { person: TPerson }) {
  const reports = useReports(person.id, "direct");
  return (
    <section className="section" aria-labelledby="reports-heading">
      <h2 id="reports-heading">
        Direct reports{" "}
        {reports.data && (
          <span className="count">
            {reports.data.total}
            <VisuallyHidden> people</VisuallyHidden>
          </span>
        )}
      </h2>
      {reports.isPending ? (
        <LoadingState label="Loading direct reports…" />
      ) : reports.isError ? (
        <ErrorState
          title="Their direct reports could not be loaded"
          error={reports.error}
          onRetry={() => void reports.refetch()}
          isRetrying={reports.isFetching}
        />
      ) : reports.data.reports.length === 0 ? (
        <p className="section__lead">Nobody reports to {person.name}.</p>
      ) : (
        <>
          <p className="section__lead">
            <Link to={`/org?root=${person.id}`}>See everyone below {person.name} in the org chart</Link>
          </p>
          <div className="table-card table-scroll">
            <table className="data-table" aria-labelledby="reports-heading">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Company title</th>
                  <th scope="col">Ladder level</th>
                  <th scope="col">Team</th>
                </tr>
              </thead>
              <tbody>
                {reports.data.reports.map((report) => (
                  <tr key={report.id}>
                    <th scope="row">
                      <span className="cell-title">
                        <Link to={`/people/${report.id}`} className="strong-link">
                          {report.name}
                        </Link>
                        {report.status === "inactive" && <Badge tone="neutral">Inactive</Badge>}
                      </span>
                    </th>
                    <td data-label="Title">{report.title || "—"}</td>
                    <td data-label="Level">{report.level?.name ?? <Badge tone="warning">Not placed</Badge>}</td>
                    <td data-label="Team">{report.team || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function AdminActions({ person }: { person: TPerson }) {
  const [isEditing, setIsEditing] = useState(false);
  const [deactivating, setDeactivating] = useState<DeactivateTarget | null>(null);
  const reactivate = useReactivatePerson();
  return (
    <>
      <div className="page-actions">
        <button type="button" className="button" onClick={() => setIsEditing(true)}>
          Edit details
        </button>
        {person.status === "active" ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setDeactivating({ id: person.id, name: person.name })}
          >
            Deactivate
          </button>
        ) : (
          <button
            type="button"
            className="button button--secondary"
            disabled={reactivate.isPending}
            onClick={() => reactivate.mutate(person.id)}
          >
            {reactivate.isPending ? "Reactivating…" : "Reactivate"}
          </button>
        )}
        <a
          className="button button--secondary"
          href={buildPath(endpoints.dataRights.exportPerson.path, { id: person.id })}
          download
          title="On their request: everything but their private 1:1 notes. The export shows in their access log."
        >
          Export their data
        </a>
      </div>
      {reactivate.isError && (
        <p role="alert" className="form-error">
          {describeError(reactivate.error)}
        </p>
      )}
      <EditPersonDialog
        personId={isEditing ? person.id : null}
        personName={person.name}
        onClose={() => setIsEditing(false)}
      />
      <DeactivatePersonDialog target={deactivating} onClose={() => setDeactivating(null)} />
    </>
  );
}

function PersonFacts({ person, openable }: { person: TPerson; openable: Set<string> }) {
  return (
    <dl className="person-facts">
      <div>
        <dt>Company title</dt>
        <dd>{person.title || <span className="muted">No title</span>}</dd>
      </div>
      <div>
        <dt>Ladder level</dt>
        <dd>
          {person.level ? (
            <Link to={`/ladder/levels/${encodeURIComponent(person.level.id)}`}>{person.level.name}</Link>
          ) : (
            <>
              <Badge tone="warning">Not placed</Badge>
              <span className="cell-note">Their title is not mapped to a level yet.</span>
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>Team</dt>
        <dd>{person.team || <span className="muted">No team</span>}</dd>
      </div>
      <div>
        <dt>Manager</dt>
        <dd>
          {person.manager ? (
            openable.has(person.manager.id) ? (
              <Link to={`/people/${person.manager.id}`}>{person.manager.name}</Link>
            ) : (
              person.manager.name
            )
          ) : (
            <span className="muted">Nobody (top of the organisation)</span>
          )}
        </dd>
      </div>
      <div>
        <dt>Email</dt>
        <dd className="person-facts__email">{person.email}</dd>
      </div>
    </dl>
  );
}

function PersonNotAvailable({ error }: { error: ApiError }) {
  const isForbidden = error.status === 403;
  useDocumentTitle(isForbidden ? "Person not available" : "Person not found");
  return (
    <>
      <PageHeading
        lead={
          <p>
            {isForbidden
              ? "You can see yourself and the people who report to you, directly or further down. This person is outside your reporting chain."
              : "There is no person with this link. They may have been removed, or the link may be mistyped."}
          </p>
        }
      >
        {isForbidden ? "Person not available" : "Person not found"}
      </PageHeading>
      <p>
        <Link to="/people" className="button button--secondary">
          Go to People
        </Link>
      </p>
    </>
  );
}

function PersonView({ id, viewer }: { id: string; viewer: SignedInViewer }) {
  const person = usePerson(id);
  const chain = useReportingChain(id);
  useDocumentTitle(person.data?.name ?? "Person");

  // A malformed id (400) is as good as a missing person to whoever followed the link.
  if (person.error instanceof ApiError && [400, 403, 404].includes(person.error.status)) {
    return <PersonNotAvailable error={person.error} />;
  }
  if (person.isPending || chain.isPending) return <LoadingState label="Loading this person…" />;
  if (person.isError || chain.isError) {
    return (
      <>
        <PageHeading>{person.data?.name ?? "Person"}</PageHeading>
        <ErrorState
          title="This person could not be loaded"
          error={person.error ?? chain.error}
          onRetry={() => {
            if (person.isError) void person.refetch();
            if (chain.isError) void chain.refetch();
          }}
          isRetrying={person.isFetching || chain.isFetching}
        />
      </>
    );
  }

  const shown = person.data;
  const openable = openableManagers(chain.data.chain, shown.id, viewer);
  return (
    <>
      <PageHeading
        eyebrow={<ChainBreadcrumb chain={chain.data.chain} person={shown} openable={openable} />}
        meta={
          <>
            {shown.id === viewer.personId && <Badge tone="accent">You</Badge>}
            {shown.status === "inactive" && <Badge tone="neutral">Inactive</Badge>}
            {shown.isDemo && <Badge tone="warning">Demo person</Badge>}
          </>
        }
        lead={
          <p>
            {[shown.title, shown.team].filter(Boolean).join(" · ") || "No title or team recorded yet."}
            {shown.status === "inactive" && " Inactive: they cannot sign in."}
          </p>
        }
      >
        {shown.name}
      </PageHeading>

      {viewer.isAdmin && <AdminActions person={shown} />}
      {shown.manager?.id === viewer.personId && shown.status === "active" && (
        <div className="section">
          <NominateButton person={shown} />
        </div>
      )}
      {shown.id === viewer.personId && shown.manager && shown.level && (
        <div className="section">
          <AskForNominationButton person={shown} />
        </div>
      )}

      <PersonFacts person={shown} openable={openable} />
      {shown.id === viewer.personId && (
        <p className="section-note">
          Your plan, evidence and notes are yours: <Link to="/account/access-log">see who viewed your data</Link>.
        </p>
      )}

      <ReportingChainSection chain={chain.data.chain} openable={openable} />
      <DirectReports person={shown} />
      <LevelHistorySection personId={shown.id} personName={shown.name} />

      {viewer.isAdmin && shown.status === "active" && (
        <div className="section">
          <OneTimeLinkPanel personId={shown.id} personName={shown.name} />
        </div>
      )}
    </>
  );
}

export function PersonPage() {
  const id = useParams().id ?? "";
  const viewer = useViewer();
  // Keyed by id so that moving from one person to another starts each page afresh.
  return <PersonView key={id} id={id} viewer={viewer} />;
}
