import type { TSetupChecklist } from "@ascent/contract";
import { endpoints } from "@ascent/contract";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { apiClient } from "../../api/client.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import "./setup.css";

type StepId = TSetupChecklist["steps"][number]["id"];

const STEPS: Record<StepId, { title: string; action: string; to: string }> = {
  ladder: { title: "Choose or adapt your ladder", action: "Open the frameworks", to: "/frameworks" },
  people: { title: "Import your people", action: "Import people", to: "/people/import" },
  titles: { title: "Place every job title on the ladder", action: "Map titles", to: "/titles/mapping" },
  invites: { title: "Invite people to sign in", action: "Open people", to: "/people" },
  cycle: { title: "Create your first review cycle", action: "Create a cycle", to: "/cycles" },
  demo: { title: "Remove the demo organisation", action: "See the demo people", to: "/people" },
};

const ADMIN_AREAS = [
  { to: "/people/import", label: "People import" },
  { to: "/titles/mapping", label: "Title mapping" },
  { to: "/audit", label: "Audit log" },
  { to: "/org/readiness", label: "Organisation readiness" },
  { to: "/insights", label: "Organisation insights" },
  { to: "/cycles", label: "Review cycles" },
  { to: "/promotions", label: "Promotion cases" },
  { to: "/setup/readiness", label: "Readiness settings" },
  { to: "/setup/slack", label: "Slack channel" },
];

/** The admin's home: what is left to set up, ticked off from the data, and the admin-only areas. */
export function SetupPage() {
  useDocumentTitle("Set up Ascent");
  const checklist = useQuery({
    queryKey: ["setup", "checklist"],
    queryFn: () => apiClient.call(endpoints.setup.checklist),
  });
  const steps = checklist.data?.steps ?? [];
  const doneCount = steps.filter((step) => step.isDone).length;
  return (
    <>
      <PageHeading
        lead={
          <p>
            The first hour of running Ascent for your organisation. Each step ticks itself off once the work is done,
            whoever did it.
          </p>
        }
      >
        Set up Ascent
      </PageHeading>
      {checklist.isPending && <LoadingState label="Checking what is set up…" />}
      {checklist.isError && (
        <ErrorState
          title="The checklist could not be loaded"
          error={checklist.error}
          onRetry={() => void checklist.refetch()}
          isRetrying={checklist.isFetching}
        />
      )}
      {checklist.data && (
        <section className="section" aria-labelledby="checklist-heading">
          <h2 id="checklist-heading">
            Checklist <span className="count">{`${doneCount} of ${steps.length} done`}</span>
          </h2>
          <ol className="setup-checklist">
            {steps.map((step) => {
              const copy = STEPS[step.id];
              return (
                <li key={step.id} className={step.isDone ? "setup-step setup-step--done" : "setup-step"}>
                  <span className="setup-step__mark" aria-hidden="true">
                    {step.isDone ? "✓" : ""}
                  </span>
                  <div>
                    <p className="setup-step__title">
                      {copy.title}
                      <span className="visually-hidden">{step.isDone ? ": done" : ": to do"}</span>
                    </p>
                    <p className="setup-step__detail">{step.detail}</p>
                  </div>
                  {!step.isDone && (
                    <Link className="button button--secondary setup-step__action" to={copy.to}>
                      {copy.action}
                    </Link>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      )}
      <nav className="section" aria-labelledby="admin-areas-heading">
        <h2 id="admin-areas-heading">Administration</h2>
        <ul className="setup-areas">
          {ADMIN_AREAS.map((area) => (
            <li key={area.to}>
              <Link to={area.to}>{area.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
