import { ApiError, type TOrgNode } from "@ascent/contract";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useOrgChart, useViewer, type SignedInViewer } from "../../api/people-queries.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import "../people/people.css";
import { OrgTree } from "./org-tree.tsx";

/** Levels fetched up front (the root being 1); deeper people load as their managers are opened. */
const FIRST_DEPTH = 5;

function SelectedPerson({ node, onShowFrom }: { node: TOrgNode; onShowFrom: (node: TOrgNode) => void }) {
  return (
    <section className="card org-details" aria-labelledby="org-details-heading">
      <p className="org-details__eyebrow">Selected</p>
      <h2 id="org-details-heading" className="card__title">
        {node.name}
      </h2>
      <dl className="org-details__facts">
        <div>
          <dt>Company title</dt>
          <dd>{node.title || "No title"}</dd>
        </div>
        <div>
          <dt>Ladder level</dt>
          <dd>{node.level?.name ?? "Not placed yet"}</dd>
        </div>
        <div>
          <dt>Team</dt>
          <dd>{node.team || "No team"}</dd>
        </div>
        <div>
          <dt>Direct reports</dt>
          <dd>{node.directReportCount}</dd>
        </div>
      </dl>
      <div className="actions">
        <Link to={`/people/${node.id}`} className="button button--secondary button--small">
          Open {node.name}’s page
        </Link>
        {node.directReportCount > 0 && (
          <button type="button" className="button button--secondary button--small" onClick={() => onShowFrom(node)}>
            Show the chart from {node.name}
          </button>
        )}
      </div>
    </section>
  );
}

function ChartView({ viewer, root }: { viewer: SignedInViewer; root: string | null }) {
  const chart = useOrgChart(root, FIRST_DEPTH);
  const navigate = useNavigate();
  const [, setParams] = useSearchParams();
  const [selected, setSelected] = useState<TOrgNode | null>(null);

  const showFrom = (node: TOrgNode | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (node) next.set("root", node.id);
      else next.delete("root");
      return next;
    });

  if (chart.isPending) return <LoadingState label="Loading the org chart…" />;
  if (chart.isError) {
    const isRootProblem = root !== null && chart.error instanceof ApiError && chart.error.status < 500;
    return (
      <>
        <ErrorState
          title={isRootProblem ? "The chart cannot start from this person" : "The org chart could not be loaded"}
          error={chart.error}
          {...(isRootProblem ? {} : { onRetry: () => void chart.refetch(), isRetrying: chart.isFetching })}
        />
        {isRootProblem && (
          <p className="section">
            <button type="button" className="button button--secondary" onClick={() => showFrom(null)}>
              {viewer.isAdmin ? "Show the whole organisation" : "Show the chart from you"}
            </button>
          </p>
        )}
      </>
    );
  }

  const { roots } = chart.data;
  if (roots.length === 0) {
    return (
      <section className="empty-state" aria-labelledby="empty-org-heading">
        <h2 id="empty-org-heading" className="empty-state__title">
          No one in the organisation yet
        </h2>
        <p>
          The chart draws itself from who reports to whom. <Link to="/people/import">Import people</Link> from your HR
          system, with each person’s manager email, or add them on the <Link to="/people">People</Link> page.
        </p>
      </section>
    );
  }

  const current = selected ?? roots[0] ?? null;
  const isOnlyViewer = !viewer.isAdmin && root === null && roots.length === 1 && roots[0]?.directReportCount === 0;
  const rootNode = root ? roots[0] : undefined;
  return (
    <>
      {rootNode && (
        <p className="org-scope">
          Showing {rootNode.name} and everyone below them.{" "}
          <button type="button" className="button button--link" onClick={() => showFrom(null)}>
            {viewer.isAdmin ? "Show the whole organisation" : "Show the chart from you"}
          </button>
        </p>
      )}
      <p className="muted org-help" id="org-tree-help">
        Use the arrow keys to move through the chart: Right opens a manager’s team, Left closes it, Enter opens the
        person’s page. The selected person’s details show beside the chart.
      </p>
      <div className="org-layout">
        <div className="card org-tree-card">
          <OrgTree
            roots={roots}
            label="Reporting lines"
            describedBy="org-tree-help"
            selectedId={current?.id ?? null}
            onSelect={setSelected}
            onActivate={(node) => void navigate(`/people/${node.id}`)}
          />
        </div>
        {current && <SelectedPerson node={current} onShowFrom={(node) => showFrom(node)} />}
      </div>
      {isOnlyViewer && (
        <section className="empty-state section" aria-labelledby="only-you-heading">
          <h2 id="only-you-heading" className="empty-state__title">
            Nobody reports to you yet
          </h2>
          <p>
            The chart shows you and everyone below you. When an admin sets you as someone’s manager, your team appears
            here.
          </p>
        </section>
      )}
    </>
  );
}

export function OrgChartPage() {
  useDocumentTitle("Org chart");
  const viewer = useViewer();
  const [params] = useSearchParams();
  const root = params.get("root");
  return (
    <>
      <PageHeading
        lead={
          <p>
            Who reports to whom, with each person’s company title and where it sits on the ladder.
            {!viewer.isAdmin && " You see yourself and everyone below you."}
          </p>
        }
      >
        Org chart
      </PageHeading>
      <ChartView key={root ?? "top"} viewer={viewer} root={root} />
    </>
  );
}
