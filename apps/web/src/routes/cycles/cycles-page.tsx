import { Link } from "react-router";
import { useCycles } from "../../api/cycle-queries.ts";
import { useViewer } from "../../api/people-queries.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { AdminOnly } from "../people/admin-only.tsx";
import "../people/people.css";
import { formatDay } from "./cycle-labels.ts";
import { CreateCycleForm } from "./create-cycle-form.tsx";

function CyclesTable() {
  const cycles = useCycles();
  if (cycles.isPending) return <LoadingState label="Loading cycles…" />;
  if (cycles.isError) {
    return (
      <ErrorState
        title="The cycles could not be loaded"
        error={cycles.error}
        onRetry={() => void cycles.refetch()}
        isRetrying={cycles.isFetching}
      />
    );
  }
  if (cycles.data.cycles.length === 0) return <p>No review cycles yet. Create the first one below.</p>;
  return (
    <div className="table-card table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Review cycles, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Cycle</th>
            <th scope="col">Status</th>
            <th scope="col">Starts</th>
            <th scope="col">Ends</th>
            <th scope="col">Nominations per person</th>
          </tr>
        </thead>
        <tbody>
          {cycles.data.cycles.map((cycle) => (
            <tr key={cycle.id}>
              <th scope="row" data-label="Cycle">
                <Link to={`/cycles/${cycle.id}`}>{cycle.name}</Link>
              </th>
              <td data-label="Status">{cycle.status}</td>
              <td data-label="Starts">{formatDay(cycle.startsAt)}</td>
              <td data-label="Ends">{formatDay(cycle.endsAt)}</td>
              <td data-label="Nominations per person">
                {cycle.nominationsMin}–{cycle.nominationsMax}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CyclesPage() {
  useDocumentTitle("Review cycles");
  const viewer = useViewer();
  return (
    <>
      <PageHeading
        lead={
          <p>
            A review cycle is one round of reviews: who takes part, the phases and their deadlines, and who has
            finished. <Link to="/tasks">My tasks</Link> lists what is yours to do.
          </p>
        }
      >
        Review cycles
      </PageHeading>
      {viewer.isAdmin ? (
        <>
          <CyclesTable />
          <CreateCycleForm />
        </>
      ) : (
        <AdminOnly what="Running review cycles" />
      )}
    </>
  );
}
