import { useState } from "react";
import { useParams } from "react-router";
import { useCycle, useCycleNominations, useProposeNomination } from "../../api/cycle-participation-queries.ts";
import { useReports } from "../../api/people-queries.ts";
import { useSignedIn } from "../../api/session.ts";
import { Badge } from "../../ui/badge.tsx";
import { Breadcrumb } from "../../ui/breadcrumb.tsx";
import { describeError } from "../../ui/describe-error.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import "../people/people.css";
import "../self-assessment/shared-controls.css";
import "./cycle-participation.css";
import { formatDay } from "./cycle-labels.ts";
import { NOMINATION_STATUS, nominationCounts, RELATION_LABELS } from "./nomination-labels.ts";
import { NomineeSearch, type FoundColleague } from "./nominee-search.tsx";

/** The subject proposes peer and upward raters for one cycle, and follows what their manager decided. */
export function NominatePage() {
  useDocumentTitle("Nominate raters");
  const { cycleId = "" } = useParams();
  const me = useSignedIn().person;
  const cycle = useCycle(cycleId);
  const nominations = useCycleNominations(cycleId);
  const reports = useReports(me.id, "direct");
  const propose = useProposeNomination(cycleId);
  const [relation, setRelation] = useState<"peer" | "upward">("peer");
  const [announcement, setAnnouncement] = useState("");

  const heading = (
    <>
      <Breadcrumb trail={[{ to: "/tasks", label: "My tasks" }]} current="Nominate raters" />
      <PageHeading lead={cycle.data ? <p>For the review cycle “{cycle.data.name}”.</p> : undefined}>
        Nominate raters
      </PageHeading>
    </>
  );
  if (cycle.isPending || nominations.isPending) {
    return (
      <>
        {heading}
        <LoadingState label="Loading your nominations…" />
      </>
    );
  }
  if (cycle.isError || nominations.isError) {
    const failed = cycle.isError ? cycle : nominations;
    return (
      <>
        {heading}
        <ErrorState
          title="Your nominations could not be loaded"
          error={failed.error}
          onRetry={() => void failed.refetch()}
          isRetrying={failed.isFetching}
        />
      </>
    );
  }

  const { nominationsMin: min, nominationsMax: max } = cycle.data;
  const phase = cycle.data.phases.find((p) => p.kind === "nomination");
  const own = nominations.data.nominations.filter((n) => n.subject.id === me.id);
  const counts = nominationCounts(own);
  const isFull = counts.active >= max;
  const isOpen = cycle.data.status === "active" && !!phase && !phase.closedAt;
  const directReports = reports.data?.reports ?? [];
  const taken = new Set(own.filter((n) => n.status !== "rejected").map((n) => n.nominee.id));
  const error = propose.error ? describeError(propose.error) : undefined;

  function nominate(person: FoundColleague | { id: string; name: string }) {
    setAnnouncement("");
    propose.mutate(
      { nomineeId: person.id, relation },
      {
        onSuccess: () =>
          setAnnouncement(`Nominated ${person.name} as ${relation === "peer" ? "a peer" : "a direct report"}.`),
      },
    );
  }

  function switchRelation(next: "peer" | "upward") {
    setRelation(next);
    propose.reset();
  }

  return (
    <>
      {heading}
      <section aria-labelledby="nominate-rules" className="card">
        <h2 id="nominate-rules" className="card__title">
          Who gives you feedback
        </h2>
        <p>
          Propose between {min} and {max} colleagues who know your work: peers, or people who report to you. Your
          manager approves, rejects or swaps each one. You cannot nominate yourself, your managers or your own reports
          as peers.
        </p>
        <p>
          <strong>
            {counts.active} of at most {max} proposed
          </strong>{" "}
          · {counts.approved} approved, at least {min} needed · nominations close {formatDay(phase?.dueAt ?? null)}
        </p>
      </section>

      {isOpen && (
        <section aria-labelledby="nominate-form" className="card">
          <h2 id="nominate-form" className="card__title">
            Propose a colleague
          </h2>
          {isFull ? (
            <p>You have proposed the cycle’s maximum of {max}. A rejected nomination frees a place.</p>
          ) : (
            <>
              <fieldset className="feedback-form__relation participation-relation">
                <legend className="form-field__label">As</legend>
                <label className="check-option">
                  <input
                    type="radio"
                    name="nomination-relation"
                    checked={relation === "peer"}
                    onChange={() => switchRelation("peer")}
                  />
                  <span className="check-option__title">Peer</span>
                </label>
                <label className="check-option">
                  <input
                    type="radio"
                    name="nomination-relation"
                    checked={relation === "upward"}
                    onChange={() => switchRelation("upward")}
                    disabled={directReports.length === 0}
                  />
                  <span>
                    <span className="check-option__title">Upward</span>{" "}
                    <span className="check-option__note">
                      {directReports.length === 0 ? "(nobody reports to you)" : "from someone who reports to you"}
                    </span>
                  </span>
                </label>
              </fieldset>
              {relation === "peer" ? (
                <NomineeSearch
                  label="Find a peer"
                  actionText="Nominate"
                  actionLabel={(person) => `Nominate ${person.name}`}
                  onPick={nominate}
                  excludeIds={[me.id, ...taken]}
                  error={error}
                  isBusy={propose.isPending}
                />
              ) : (
                <div className="picker">
                  <ul className="picker__results" aria-label="People who report to you">
                    {directReports
                      .filter((r) => !taken.has(r.id))
                      .map((report) => (
                        <li key={report.id}>
                          <span className="picker__name">{report.name}</span>
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            onClick={() => nominate(report)}
                            aria-label={`Nominate ${report.name}`}
                            disabled={propose.isPending}
                          >
                            Nominate
                          </button>
                        </li>
                      ))}
                  </ul>
                  {error && (
                    <p role="alert" className="form-field__error">
                      {error}
                    </p>
                  )}
                </div>
              )}
            </>
          )}
          <p role="status" className="picker__note">
            {announcement}
          </p>
        </section>
      )}
      {!isOpen && <p className="section">The nomination phase is not open: nothing can be proposed now.</p>}

      <section aria-labelledby="nominations-heading" className="section">
        <h2 id="nominations-heading">Your nominations</h2>
        {own.length === 0 ? (
          <p>Nobody yet.</p>
        ) : (
          <div className="table-card table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">Your nominations and their status</caption>
              <thead>
                <tr>
                  <th scope="col">Colleague</th>
                  <th scope="col">As</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {own.map((n) => (
                  <tr key={n.id}>
                    <th scope="row" data-label="Colleague">
                      {n.nominee.name}
                    </th>
                    <td data-label="As">{RELATION_LABELS[n.relation]}</td>
                    <td data-label="Status">
                      <Badge tone={NOMINATION_STATUS[n.status].tone}>{NOMINATION_STATUS[n.status].label}</Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
