import type { TCalibrationSession } from "@ascent/contract";
import { Link } from "react-router";
import { useCalibrationSessions } from "../../api/calibration-queries.ts";
import { useLadderLevels } from "../../api/people-queries.ts";
import { FormattedDate } from "../../ui/formatted-date.tsx";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";

/** The calibration sessions the viewer may open, or those of one cycle. */
export function SessionsTable({ cycleId, emptyText }: { cycleId?: string; emptyText: string }) {
  const sessions = useCalibrationSessions();
  const { levels } = useLadderLevels();
  const levelName = (id: string) => levels?.find((l) => l.id === id)?.name ?? id;
  if (sessions.isPending) return <LoadingState label="Loading calibration sessions…" />;
  if (sessions.isError) {
    return (
      <ErrorState
        title="The calibration sessions could not be loaded"
        error={sessions.error}
        onRetry={() => void sessions.refetch()}
        isRetrying={sessions.isFetching}
      />
    );
  }
  const shown = sessions.data.sessions.filter((s) => !cycleId || s.cycleId === cycleId);
  if (shown.length === 0) return <p>{emptyText}</p>;
  return (
    <div className="table-card table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Calibration sessions</caption>
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col">Status</th>
            <th scope="col">Scope</th>
            <th scope="col">Opened</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((session) => (
            <tr key={session.id}>
              <th scope="row" data-label="Session">
                <Link to={`/calibration/${session.id}`}>{session.name}</Link>
              </th>
              <td data-label="Status">{session.status === "open" ? "Open" : "Closed"}</td>
              <td data-label="Scope">{scopeText(session.scope, levelName)}</td>
              <td data-label="Opened">
                <FormattedDate iso={session.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function scopeText(scope: TCalibrationSession["scope"], levelName: (id: string) => string): string {
  const parts = [
    scope.levelIds?.length ? scope.levelIds.map(levelName).join(", ") : null,
    scope.teams?.length ? `${scope.teams.length === 1 ? "team" : "teams"} ${scope.teams.join(", ")}` : null,
    scope.managerId ? "one department" : null,
  ].filter(Boolean);
  return parts.length ? parts.join("; ") : "Everyone";
}
