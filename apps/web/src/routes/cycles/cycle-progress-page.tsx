import type { TPersonProgress } from "@ascent/contract";
import { Link, useParams } from "react-router";
import { cycleProgressCsvHref, useCycleProgress } from "../../api/cycle-queries.ts";
import { useSignedIn } from "../../api/session.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import "../people/people.css";
import { formatDay, PHASE_LABELS, STATE_LABELS } from "./cycle-labels.ts";
import { CreateSessionForm } from "../calibration/create-session-form.tsx";
import { SessionsTable } from "../calibration/sessions-table.tsx";
import "../calibration/calibration.css";
import { RemindLatePeople } from "./remind-late-people.tsx";
import { CyclePhasesPanel } from "./cycle-phases-panel.tsx";
import { ReleaseCycle } from "./release-cycle.tsx";
import { CycleAcknowledgements } from "./cycle-acknowledgements.tsx";

const TRACKED = ["self", "nomination", "manager"] as const;

export function ProgressTable({ people, caption }: { people: TPersonProgress[]; caption: string }) {
  const phases = TRACKED.filter((kind) => people.some((p) => p.phases[kind]));
  return (
    <div className="table-card table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Team</th>
            <th scope="col">Manager</th>
            {phases.map((kind) => (
              <th scope="col" key={kind}>
                {PHASE_LABELS[kind]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.person.id}>
              <th scope="row" data-label="Person">
                {person.person.name}
              </th>
              <td data-label="Team">{person.team || "—"}</td>
              <td data-label="Manager">{person.manager?.name ?? "—"}</td>
              {phases.map((kind) => {
                const state = person.phases[kind];
                return (
                  <td key={kind} data-label={PHASE_LABELS[kind]}>
                    {state ? STATE_LABELS[state] : "—"}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CycleProgressPage() {
  const { cycleId = "" } = useParams();
  const progress = useCycleProgress(cycleId);
  const session = useSignedIn();
  useDocumentTitle(progress.data ? `${progress.data.cycle.name}: progress` : "Cycle progress");
  if (progress.isPending) return <LoadingState label="Loading the cycle's progress…" />;
  if (progress.isError) {
    return (
      <ErrorState
        title="The cycle's progress could not be loaded"
        error={progress.error}
        onRetry={() => void progress.refetch()}
        isRetrying={progress.isFetching}
      />
    );
  }
  const { cycle, byPhase, people, total, reminders } = progress.data;
  return (
    <>
      <PageHeading
        eyebrow={
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <ol>
              <li>
                <Link to="/cycles">Review cycles</Link>
              </li>
              <li aria-current="page">{cycle.name}</li>
            </ol>
          </nav>
        }
        lead={
          <p>
            {cycle.status} · {formatDay(cycle.startsAt)} to {formatDay(cycle.endsAt)} ·{" "}
            {total === 1 ? "1 person" : `${total} people`} · {reminders.total} to remind
          </p>
        }
      >
        {cycle.name}
      </PageHeading>
      <section aria-labelledby="by-phase-heading">
        <h2 id="by-phase-heading">By phase</h2>
        <div className="table-card table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Progress by phase</caption>
            <thead>
              <tr>
                <th scope="col">Phase</th>
                <th scope="col">Due</th>
                <th scope="col">Done</th>
                <th scope="col">In progress</th>
                <th scope="col">Not started</th>
                <th scope="col">Late</th>
              </tr>
            </thead>
            <tbody>
              {TRACKED.flatMap((kind) => {
                const counts = byPhase[kind];
                const phase = cycle.phases.find((p) => p.kind === kind);
                if (!counts || !phase) return [];
                return [
                  <tr key={kind}>
                    <th scope="row" data-label="Phase">
                      {PHASE_LABELS[kind]}
                    </th>
                    <td data-label="Due">{formatDay(phase.dueAt)}</td>
                    <td data-label="Done">{counts.done}</td>
                    <td data-label="In progress">{counts.inProgress}</td>
                    <td data-label="Not started">{counts.notStarted}</td>
                    <td data-label="Late">{counts.late}</td>
                  </tr>,
                ];
              })}
            </tbody>
          </table>
        </div>
      </section>
      {session.isAdmin && <CyclePhasesPanel cycle={cycle} />}
      <RemindLatePeople cycleId={cycle.id} reminders={reminders} isAdmin={session.isAdmin} />
      <section aria-labelledby="people-heading">
        <h2 id="people-heading">People</h2>
        <p>
          <a href={cycleProgressCsvHref(cycle.id)} download>
            Download as CSV
          </a>
          {total > people.length && ` (the table shows the first ${people.length} of ${total}; the CSV has everyone)`}
        </p>
        <ProgressTable people={people} caption="Each person's progress per phase" />
      </section>
      <section aria-labelledby="calibration-heading" className="section">
        <h2 id="calibration-heading">Calibration sessions</h2>
        <SessionsTable cycleId={cycle.id} emptyText="No calibration session in this cycle yet." />
        <CreateSessionForm cycleId={cycle.id} />
      </section>
      {session.isAdmin && <ReleaseCycle cycle={cycle} />}
      <CycleAcknowledgements cycle={cycle} />
    </>
  );
}
