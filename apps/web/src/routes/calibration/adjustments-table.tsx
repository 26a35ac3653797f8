import type { TCalibrationAdjustment } from "@ascent/contract";
import type { UseQueryResult } from "@tanstack/react-query";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { formatDateTime } from "../audit/audit-format.ts";
import { changeText } from "./calibration-labels.ts";

type Adjustment = TCalibrationAdjustment & { subjectName?: string };

interface AdjustmentsTableProps {
  adjustments: Adjustment[];
  caption: string;
  personName: (id: string | null) => string;
  competencyName: (id: string) => string;
}

/** Who changed what, when, from what to what, and why; the same table for the session and the manager. */
export function AdjustmentsTable({ adjustments, caption, personName, competencyName }: AdjustmentsTableProps) {
  return (
    <div className="table-card table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Person</th>
            <th scope="col">What</th>
            <th scope="col">Change</th>
            <th scope="col">Reason</th>
            <th scope="col">By</th>
          </tr>
        </thead>
        <tbody>
          {adjustments.map((a) => (
            <tr key={a.id}>
              <td data-label="When">
                <time dateTime={a.at}>{formatDateTime(a.at)}</time>
              </td>
              <th scope="row" data-label="Person">
                {a.subjectName ?? personName(a.subjectId)}
              </th>
              <td data-label="What">{a.competencyId ? competencyName(a.competencyId) : "9-box place"}</td>
              <td data-label="Change">{changeText(a)}</td>
              <td data-label="Reason" className="preserve-lines">
                {a.reason}
              </td>
              <td data-label="By">{personName(a.by)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The table once the adjustments are read, or why there is none to show. */
export function AdjustmentsResult({
  query,
  emptyText,
  isWaiting = false,
  order = "as-sent",
  ...table
}: Omit<AdjustmentsTableProps, "adjustments"> & {
  query: UseQueryResult<{ adjustments: Adjustment[] }>;
  emptyText: string;
  /** Something else the table needs is still loading. */
  isWaiting?: boolean;
  order?: "as-sent" | "reversed";
}) {
  if (query.isPending || isWaiting) return <LoadingState label="Loading the adjustments…" />;
  if (query.isError) {
    return (
      <ErrorState
        title="The adjustments could not be loaded"
        error={query.error}
        onRetry={() => void query.refetch()}
        isRetrying={query.isFetching}
      />
    );
  }
  const { adjustments } = query.data;
  if (adjustments.length === 0) return <p>{emptyText}</p>;
  return <AdjustmentsTable adjustments={order === "reversed" ? [...adjustments].reverse() : adjustments} {...table} />;
}
