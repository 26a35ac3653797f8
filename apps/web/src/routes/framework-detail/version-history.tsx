import type { TFrameworkDetail } from "@ascent/contract";
import { Badge } from "../../ui/badge.tsx";
import { FormattedDate } from "../../ui/formatted-date.tsx";

type VersionSummary = TFrameworkDetail["versions"][number];

export function VersionHistory({ versions, shownVersion }: { versions: VersionSummary[]; shownVersion: number }) {
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
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
