import type { TFrameworkDetail } from "@ascent/contract";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { EXPORT_FORMATS, exportUrl } from "../../api/framework-admin.ts";
import { Badge } from "../../ui/badge.tsx";
import { FormField } from "../../ui/form-field.tsx";
import { FormattedDate } from "../../ui/formatted-date.tsx";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";

type VersionSummary = TFrameworkDetail["versions"][number];

function ExportLinks({ slug, version }: { slug: string; version: number }) {
  return (
    <ul className="export-links">
      {EXPORT_FORMATS.map(({ format, label }) => (
        <li key={format}>
          <a href={exportUrl(slug, version, format)} download>
            {label}
            <VisuallyHidden> of v{version}</VisuallyHidden>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Pick two versions and see what changed between them. */
function CompareVersionsForm({ slug, versions }: { slug: string; versions: VersionSummary[] }) {
  const navigate = useNavigate();
  const newest = versions[0]?.version ?? 1;
  const [from, setFrom] = useState(String(versions[1]?.version ?? newest));
  const [to, setTo] = useState(String(newest));
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void navigate(`/frameworks/${encodeURIComponent(slug)}/compare?from=${from}&to=${to}`);
  }
  const picker = (label: string, value: string, onChange: (value: string) => void) => (
    <FormField label={label}>
      {(control) => (
        <select {...control} className="select" value={value} onChange={(event) => onChange(event.target.value)}>
          {versions.map((version) => (
            <option key={version.version} value={version.version}>
              v{version.version} ({version.status})
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
  return (
    <form className="compare-versions" onSubmit={handleSubmit} aria-labelledby="compare-versions-heading">
      <h3 id="compare-versions-heading" className="subsection-title">
        Compare versions
      </h3>
      <div className="compare-versions__row">
        {picker("From version", from, setFrom)}
        {picker("To version", to, setTo)}
        <button type="submit" className="button button--secondary">
          Show the changes
        </button>
      </div>
    </form>
  );
}

export function VersionHistory({
  versions,
  shownVersion,
  adminSlug,
}: {
  versions: VersionSummary[];
  shownVersion: number;
  /** For admins: the framework's slug, which turns on export links and version comparison. */
  adminSlug?: string;
}) {
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  return (
    <section className="section">
      <h2 id="versions-heading">Version history</h2>
      <div className="table-card">
        <table className="data-table" aria-labelledby="versions-heading">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
              <th scope="col">Date</th>
              <th scope="col">Note</th>
              {adminSlug && <th scope="col">Download</th>}
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((version) => (
              <tr key={version.version}>
                <th scope="row" data-label="Version">
                  <span className="version">v{version.version}</span>
                  {version.version === shownVersion && <span className="cell-note">Shown on this page</span>}
                </th>
                <td data-label="Status">
                  {version.status === "published" ? (
                    <Badge tone="success">Published</Badge>
                  ) : (
                    <Badge tone="warning">Draft</Badge>
                  )}
                </td>
                <td data-label="Date">
                  <FormattedDate iso={version.publishedAt ?? version.createdAt} />
                </td>
                <td data-label="Note">{version.note ?? <span className="muted">No note</span>}</td>
                {adminSlug && (
                  <td data-label="Download">
                    <ExportLinks slug={adminSlug} version={version.version} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {adminSlug && newestFirst.length > 1 && <CompareVersionsForm slug={adminSlug} versions={newestFirst} />}
    </section>
  );
}
