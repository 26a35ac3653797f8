import type { TReviewCycle } from "@ascent/contract";
import { useCycleAcknowledgements } from "../../api/cycle-admin-queries.ts";
import { isApiError } from "../../api/api-error.ts";
import { EmptyState } from "../../ui/empty-state.tsx";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { formatDay } from "./cycle-labels.ts";

const byName = new Intl.Collator(undefined, { sensitivity: "base" });

/**
 * Who has acknowledged their results, with their comments: everyone for an admin, the reporting chain
 * for a manager. The API refuses anyone else, and then the section is left out.
 */
export function CycleAcknowledgements({ cycle }: { cycle: TReviewCycle }) {
  const acknowledgements = useCycleAcknowledgements(cycle.id);
  if (acknowledgements.isError && isApiError(acknowledgements.error) && acknowledgements.error.status === 403) {
    return null;
  }
  return (
    <section aria-labelledby="acknowledgements-heading" className="section">
      <h2 id="acknowledgements-heading">Acknowledgements</h2>
      {acknowledgements.isPending ? (
        <LoadingState label="Loading acknowledgements…" />
      ) : acknowledgements.isError ? (
        <ErrorState
          title="The acknowledgements could not be loaded"
          error={acknowledgements.error}
          onRetry={() => void acknowledgements.refetch()}
          isRetrying={acknowledgements.isFetching}
        />
      ) : (
        <AcknowledgementList cycle={cycle} people={acknowledgements.data.people} />
      )}
    </section>
  );
}

type Acknowledgement = NonNullable<ReturnType<typeof useCycleAcknowledgements>["data"]>["people"][number];

function AcknowledgementList({ cycle, people }: { cycle: TReviewCycle; people: Acknowledgement[] }) {
  if (cycle.status !== "released" && people.every((p) => !p.acknowledgedAt)) {
    return (
      <EmptyState title="Nobody can acknowledge yet">
        <p>
          Once the results are released, each person reads theirs and acknowledges them, with a comment if they wish.
          This table then shows who has, and what they said.
        </p>
      </EmptyState>
    );
  }
  if (people.length === 0) {
    return (
      <EmptyState title="Nobody to show">
        <p>Nobody in this cycle reports to you, directly or through others.</p>
      </EmptyState>
    );
  }
  const sorted = [...people].sort((a, b) => byName.compare(a.person.name, b.person.name));
  const done = people.filter((p) => p.acknowledgedAt).length;
  return (
    <>
      <p>
        {done} of {people.length === 1 ? "1 person has" : `${people.length} people have`} acknowledged their results.
        {done < people.length && " The others still have it among their tasks."}
      </p>
      <div className="table-card table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">Who has acknowledged their results</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Acknowledged</th>
              <th scope="col">Comment</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((entry) => (
              <tr key={entry.person.id}>
                <th scope="row" data-label="Person">
                  {entry.person.name}
                </th>
                <td data-label="Acknowledged">{entry.acknowledgedAt ? formatDay(entry.acknowledgedAt) : "Not yet"}</td>
                <td data-label="Comment" className="acknowledgement-comment">
                  {entry.comment || "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
