import { isApiError } from "../api/api-error.ts";
import { describeLocation } from "./field-errors.ts";

/** The located problems an API error carries (row and column, line, or field), one per line. */
export function ProblemList({ error, limit = 50 }: { error: unknown; limit?: number }) {
  const details = isApiError(error) ? (error.details ?? []) : [];
  if (details.length === 0) return null;
  return (
    <ul className="problem-list">
      {details.slice(0, limit).map((detail, index) => {
        const where = describeLocation(detail);
        return (
          <li key={index}>
            {where && <strong className="problem-list__where">{where}: </strong>}
            {detail.message}
          </li>
        );
      })}
      {details.length > limit && <li>…and {details.length - limit} more.</li>}
    </ul>
  );
}
