import type { TPeopleImportPreview } from "@ascent/contract";
import { useLadderLevels } from "../../api/people-queries.ts";
import { Badge } from "../../ui/badge.tsx";

type Capped<T> = { total: number; items: T[] };

const FIELD_LABELS: Record<TPeopleImportPreview["columns"][number]["field"], string> = {
  name: "Name",
  email: "Email",
  title: "Title",
  manager: "Manager email",
  team: "Team",
};

const CHANGE_LABELS: Record<TPeopleImportPreview["changed"]["items"][number]["changes"][number]["field"], string> = {
  name: "Name",
  title: "Title",
  team: "Team",
  manager: "Manager",
  level: "Level",
};

function CappedNote({ list, noun }: { list: Capped<unknown>; noun: string }) {
  if (list.total <= list.items.length) return null;
  return (
    <p className="muted capped-note">
      Showing the first {list.items.length} of {list.total} {noun}.
    </p>
  );
}

export function PreviewSummary({ preview }: { preview: TPeopleImportPreview }) {
  return (
    <dl className="fact-list import-facts">
      <div>
        <dt>Rows read</dt>
        <dd>{preview.rowCount}</dd>
      </div>
      <div>
        <dt>New people</dt>
        <dd>{preview.new.total}</dd>
      </div>
      <div>
        <dt>Changed</dt>
        <dd>{preview.changed.total}</dd>
      </div>
      <div>
        <dt>Unchanged</dt>
        <dd>{preview.unchanged.total}</dd>
      </div>
      <div>
        <dt>Unmapped titles</dt>
        <dd>{preview.unmappedTitles.total}</dd>
      </div>
      <div className={preview.errors.total > 0 ? "fact--danger" : undefined}>
        <dt>Errors</dt>
        <dd>{preview.errors.total}</dd>
      </div>
    </dl>
  );
}

export function ColumnsFound({ preview }: { preview: TPeopleImportPreview }) {
  return (
    <div className="card columns-found">
      <h2 className="card__title">Columns read from {preview.fileName}</h2>
      <ul className="column-list">
        {preview.columns.map((column) => (
          <li key={column.field}>
            <strong>{FIELD_LABELS[column.field]}</strong> from “{column.header}”
          </li>
        ))}
      </ul>
      {preview.ignoredColumns.length > 0 && (
        <p className="muted">Ignored: {preview.ignoredColumns.map((c) => `“${c}”`).join(", ")}.</p>
      )}
      {preview.warnings.length > 0 && (
        <ul className="warning-list">
          {preview.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ImportErrors({ errors, invalidRows }: { errors: TPeopleImportPreview["errors"]; invalidRows: number }) {
  return (
    <section className="section" aria-labelledby="errors-heading">
      <h2 id="errors-heading">
        Errors <span className="count">{errors.total}</span>
      </h2>
      <p className="callout callout--error import-errors__lead">
        {invalidRows === 1 ? "One row needs" : `${invalidRows} rows need`} fixing. Nothing is imported while any row has
        an error: correct the file and choose it again.
      </p>
      <div className="table-card table-scroll">
        <table className="data-table" aria-labelledby="errors-heading">
          <thead>
            <tr>
              <th scope="col" className="numeric">
                Row
              </th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {errors.items.map((issue, index) => (
              <tr key={`${issue.row}-${issue.column}-${index}`}>
                <td data-label="Row" className="numeric">
                  {issue.row}
                </td>
                <td data-label="Column">{issue.column || "—"}</td>
                <td data-label="Problem">{issue.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CappedNote list={errors} noun="errors" />
    </section>
  );
}

export function NewPeople({ rows }: { rows: TPeopleImportPreview["new"] }) {
  const { levels } = useLadderLevels();
  const levelName = (id: string | null) => (id ? (levels?.find((l) => l.id === id)?.name ?? id) : null);
  return (
    <section className="section" aria-labelledby="new-heading">
      <h2 id="new-heading">
        New people <span className="count">{rows.total}</span>
      </h2>
      <div className="table-card table-scroll">
        <table className="data-table" aria-labelledby="new-heading">
          <thead>
            <tr>
              <th scope="col" className="numeric">
                Row
              </th>
              <th scope="col">Name</th>
              <th scope="col">Title</th>
              <th scope="col">Ladder level</th>
              <th scope="col">Team</th>
              <th scope="col">Manager email</th>
            </tr>
          </thead>
          <tbody>
            {rows.items.map((row) => (
              <tr key={row.row}>
                <td data-label="Row" className="numeric">
                  {row.row}
                </td>
                <th scope="row">
                  <span className="cell-title">{row.name}</span>
                  <span className="cell-note">{row.email}</span>
                </th>
                <td data-label="Title">{row.title || "—"}</td>
                <td data-label="Level">{levelName(row.levelId) ?? <Badge tone="warning">Unmapped</Badge>}</td>
                <td data-label="Team">{row.team || "—"}</td>
                <td data-label="Manager">{row.managerEmail ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CappedNote list={rows} noun="new people" />
    </section>
  );
}

export function ChangedPeople({ rows }: { rows: TPeopleImportPreview["changed"] }) {
  return (
    <section className="section" aria-labelledby="changed-heading">
      <h2 id="changed-heading">
        Changed <span className="count">{rows.total}</span>
      </h2>
      <p className="section__lead">People already in Ascent, matched by email, whose details the file changes.</p>
      <div className="table-card table-scroll">
        <table className="data-table" aria-labelledby="changed-heading">
          <thead>
            <tr>
              <th scope="col" className="numeric">
                Row
              </th>
              <th scope="col">Person</th>
              <th scope="col">What changes</th>
            </tr>
          </thead>
          <tbody>
            {rows.items.map((row) => (
              <tr key={row.row}>
                <td data-label="Row" className="numeric">
                  {row.row}
                </td>
                <th scope="row">
                  <span className="cell-title">{row.name}</span>
                  <span className="cell-note">{row.email}</span>
                </th>
                <td data-label="Changes">
                  <ul className="change-list">
                    {row.changes.map((change) => (
                      <li key={change.field}>
                        <span className="change-list__field">{CHANGE_LABELS[change.field]}:</span>{" "}
                        <del>{change.before || "(none)"}</del> <span aria-hidden="true">→</span>
                        <span className="visually-hidden"> becomes </span> <ins>{change.after || "(none)"}</ins>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CappedNote list={rows} noun="changed people" />
    </section>
  );
}
