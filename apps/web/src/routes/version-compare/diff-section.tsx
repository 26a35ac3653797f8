import { VisuallyHidden } from "../../ui/visually-hidden.tsx";

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ListDiffView {
  added: { key: string; label: string }[];
  removed: { key: string; label: string }[];
  changed: { key: string; label: string; changes: FieldChange[] }[];
}

/** A value from either side of a change, as text a person can read. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "(none)";
  if (typeof value === "string") return value === "" ? "(empty)" : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value.join(", ") || "(none)";
  return JSON.stringify(value, null, 2);
}

function countLine(diff: ListDiffView): string {
  return `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed`;
}

export function isEmptyDiff(diff: ListDiffView): boolean {
  return diff.added.length + diff.removed.length + diff.changed.length === 0;
}

/** One part of a framework (levels, competencies…): what was added, removed and changed, before → after. */
export function DiffSection({ id, title, diff }: { id: string; title: string; diff: ListDiffView }) {
  const headingId = `diff-${id}`;
  return (
    <section className="section diff-section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title} <span className="diff-section__counts">{countLine(diff)}</span>
      </h2>
      {isEmptyDiff(diff) ? (
        <p className="empty-note">No changes.</p>
      ) : (
        <>
          {diff.added.length > 0 && (
            <div className="diff-list diff-list--added">
              <h3 className="subsection-title">Added</h3>
              <ul>
                {diff.added.map((item) => (
                  <li key={item.key}>
                    <span className="diff-sign" aria-hidden="true">
                      +
                    </span>
                    {item.label}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {diff.removed.length > 0 && (
            <div className="diff-list diff-list--removed">
              <h3 className="subsection-title">Removed</h3>
              <ul>
                {diff.removed.map((item) => (
                  <li key={item.key}>
                    <span className="diff-sign" aria-hidden="true">
                      −
                    </span>
                    {item.label}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {diff.changed.length > 0 && (
            <div className="table-card">
              <table className="data-table diff-table">
                <caption className="visually-hidden">
                  {title}: changed ({diff.changed.length})
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Changed</th>
                    <th scope="col">Field</th>
                    <th scope="col">Before</th>
                    <th scope="col">
                      <VisuallyHidden>Then</VisuallyHidden>
                    </th>
                    <th scope="col">After</th>
                  </tr>
                </thead>
                {diff.changed.map((item) => (
                  <tbody key={item.key}>
                    {item.changes.map((change, index) => (
                      <tr key={change.field}>
                        {index === 0 && (
                          <th scope="rowgroup" rowSpan={item.changes.length}>
                            {item.label}
                          </th>
                        )}
                        <td data-label="Field">
                          <code>{change.field}</code>
                        </td>
                        <td data-label="Before" className="diff-before">
                          {formatValue(change.before)}
                        </td>
                        <td aria-hidden="true" className="diff-arrow">
                          →
                        </td>
                        <td data-label="After" className="diff-after">
                          {formatValue(change.after)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                ))}
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
