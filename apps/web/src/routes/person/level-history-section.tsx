import type { TLevelHistoryEntry } from "@ascent/contract";
import { useLevelHistory } from "../../api/people-queries.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";

const SOURCE_LABEL: Record<TLevelHistoryEntry["source"], string> = {
  "admin-edit": "Edited by an admin",
  "hris-import": "HRIS import",
  promotion: "Promotion",
};

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** Every change of the person's level, newest first, so a moved readiness target always has its reason. */
export function LevelHistorySection({ personId, personName }: { personId: string; personName: string }) {
  const history = useLevelHistory(personId);
  return (
    <section className="section" aria-labelledby="level-history-heading">
      <h2 id="level-history-heading">Level history</h2>
      {history.isPending && <LoadingState label="Loading the level history…" />}
      {history.isError && (
        <ErrorState
          title="The level history could not be loaded"
          error={history.error}
          onRetry={() => void history.refetch()}
          isRetrying={history.isFetching}
        />
      )}
      {history.data && history.data.entries.length === 0 && (
        <p className="section__lead">
          No level change is recorded for {personName} yet. Changes made by an admin, an HRIS import or a promotion will
          appear here with their reason.
        </p>
      )}
      {history.data && history.data.entries.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">Level changes of {personName}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Effective</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Source</th>
              <th scope="col">Reason</th>
              <th scope="col">By</th>
            </tr>
          </thead>
          <tbody>
            {[...history.data.entries].reverse().map((entry) => (
              <tr key={entry.id}>
                <td>
                  <time dateTime={entry.effectiveAt}>{dateFormat.format(new Date(entry.effectiveAt))}</time>
                </td>
                <td>{entry.from?.name ?? "No level"}</td>
                <td>{entry.to?.name ?? "No level"}</td>
                <td>{SOURCE_LABEL[entry.source]}</td>
                <td>{entry.reason ?? "No reason given"}</td>
                <td>{entry.changedBy?.name ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
