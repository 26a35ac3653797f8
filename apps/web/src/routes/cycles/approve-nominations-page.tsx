import type { TNomination } from "@ascent/contract";
import { useState } from "react";
import { useParams } from "react-router";
import { useCycle, useCycleNominations, useDecideNomination } from "../../api/cycle-participation-queries.ts";
import { useSignedIn } from "../../api/session.ts";
import { Badge } from "../../ui/badge.tsx";
import { Breadcrumb } from "../../ui/breadcrumb.tsx";
import { describeError } from "../../ui/describe-error.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import "../people/people.css";
import "./cycle-participation.css";
import { NOMINATION_STATUS, nominationCounts, RELATION_LABELS } from "./nomination-labels.ts";
import { NomineeSearch } from "./nominee-search.tsx";

/** A manager approves, rejects or swaps each direct report's proposed raters in one cycle. */
export function ApproveNominationsPage() {
  useDocumentTitle("Approve nominations");
  const { cycleId = "" } = useParams();
  const me = useSignedIn().person;
  const cycle = useCycle(cycleId);
  const nominations = useCycleNominations(cycleId);

  const heading = (
    <>
      <Breadcrumb trail={[{ to: "/tasks", label: "My tasks" }]} current="Approve nominations" />
      <PageHeading
        lead={
          cycle.data ? (
            <p>
              Who gives feedback to the people who report to you in “{cycle.data.name}”. Each needs at least{" "}
              {cycle.data.nominationsMin} approved.
            </p>
          ) : undefined
        }
      >
        Approve nominations
      </PageHeading>
    </>
  );
  if (cycle.isPending || nominations.isPending) {
    return (
      <>
        {heading}
        <LoadingState label="Loading the nominations…" />
      </>
    );
  }
  if (cycle.isError || nominations.isError) {
    const failed = cycle.isError ? cycle : nominations;
    return (
      <>
        {heading}
        <ErrorState
          title="The nominations could not be loaded"
          error={failed.error}
          onRetry={() => void failed.refetch()}
          isRetrying={failed.isFetching}
        />
      </>
    );
  }

  const bySubject = new Map<string, TNomination[]>();
  for (const n of nominations.data.nominations) {
    if (n.subject.id === me.id) continue;
    bySubject.set(n.subject.id, [...(bySubject.get(n.subject.id) ?? []), n]);
  }
  return (
    <>
      {heading}
      {bySubject.size === 0 ? (
        <p>Nobody who reports to you has proposed anyone yet.</p>
      ) : (
        [...bySubject.values()].map((list) => (
          <ReportNominations
            key={list[0]!.subject.id}
            cycleId={cycleId}
            nominations={list}
            min={cycle.data.nominationsMin}
          />
        ))
      )}
    </>
  );
}

function ReportNominations({
  cycleId,
  nominations,
  min,
}: {
  cycleId: string;
  nominations: TNomination[];
  min: number;
}) {
  const subject = nominations[0]!.subject;
  const decide = useDecideNomination(cycleId);
  const [swapping, setSwapping] = useState<TNomination | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const counts = nominationCounts(nominations);
  const isDone = counts.proposed === 0 && counts.approved >= min;
  const headingId = `report-${subject.id}`;
  const error = decide.error ? describeError(decide.error) : undefined;

  function act(nomination: TNomination, decision: "approve" | "reject", nominee?: { id: string; name: string }) {
    setAnnouncement("");
    decide.mutate(
      { nominationId: nomination.id, decision, ...(nominee ? { nomineeId: nominee.id } : {}) },
      {
        onSuccess: (decided) => {
          setSwapping(null);
          setAnnouncement(
            decision === "reject"
              ? `Rejected ${nomination.nominee.name}.`
              : `Approved ${decided.nominee.name}${nominee ? ` in place of ${nomination.nominee.name}` : ""}.`,
          );
        },
      },
    );
  }

  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId} className="card__title">
        {subject.name}
      </h2>
      <p className="participation-summary">
        {counts.approved} approved of at least {min} · {counts.proposed} waiting for you ·{" "}
        {isDone ? <Badge tone="success">Done</Badge> : <Badge tone="warning">To do</Badge>}
      </p>
      <div className="table-card table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{`Nominations of ${subject.name}`}</caption>
          <thead>
            <tr>
              <th scope="col">Colleague</th>
              <th scope="col">As</th>
              <th scope="col">Status</th>
              <th scope="col">Decision</th>
            </tr>
          </thead>
          <tbody>
            {nominations.map((n) => (
              <tr key={n.id}>
                <th scope="row" data-label="Colleague">
                  {n.nominee.name}
                </th>
                <td data-label="As">{RELATION_LABELS[n.relation]}</td>
                <td data-label="Status">
                  <Badge tone={NOMINATION_STATUS[n.status].tone}>{NOMINATION_STATUS[n.status].label}</Badge>
                </td>
                <td data-label="Decision">
                  {n.status === "proposed" ? (
                    <span className="participation-actions">
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => act(n, "approve")}
                        disabled={decide.isPending}
                        aria-label={`Approve ${n.nominee.name}`}
                      >
                        Approve
                      </button>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => act(n, "reject")}
                        disabled={decide.isPending}
                        aria-label={`Reject ${n.nominee.name}`}
                      >
                        Reject
                      </button>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => {
                          decide.reset();
                          setSwapping(n);
                        }}
                        disabled={decide.isPending}
                        aria-label={`Swap ${n.nominee.name} for someone else`}
                        aria-expanded={swapping?.id === n.id}
                      >
                        Swap…
                      </button>
                    </span>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {swapping && (
        <div className="participation-swap">
          <NomineeSearch
            key={swapping.id}
            label={`Approve someone else in place of ${swapping.nominee.name}`}
            actionText="Approve instead"
            actionLabel={(person) => `Approve ${person.name} in place of ${swapping.nominee.name}`}
            onPick={(person) => act(swapping, "approve", person)}
            excludeIds={[subject.id, ...nominations.filter((n) => n.status !== "rejected").map((n) => n.nominee.id)]}
            error={error}
            isBusy={decide.isPending}
            isFocusedOnMount
          />
          <button type="button" className="button button--secondary button--small" onClick={() => setSwapping(null)}>
            Cancel the swap
          </button>
        </div>
      )}
      {error && !swapping && (
        <p role="alert" className="form-field__error">
          {error}
        </p>
      )}
      <p role="status" className="picker__note">
        {announcement}
      </p>
    </section>
  );
}
