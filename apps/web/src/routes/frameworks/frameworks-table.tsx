import type { TFrameworkSummary } from "@ascent/contract";
import { Link } from "react-router";
import { Badge } from "../../ui/badge.tsx";
import { FormattedDate } from "../../ui/formatted-date.tsx";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";

function byName(a: TFrameworkSummary, b: TFrameworkSummary): number {
  return a.name.localeCompare(b.name);
}

function VersionCell({ version, none }: { version: number | null; none: string }) {
  if (version === null) {
    return (
      <>
        <span aria-hidden="true" className="muted">
          —
        </span>
        <VisuallyHidden>{none}</VisuallyHidden>
      </>
    );
  }
  return <span className="version">v{version}</span>;
}

export function FrameworksTable({ frameworks }: { frameworks: TFrameworkSummary[] }) {
  return (
    <div className="table-card">
      <table className="data-table">
        <caption className="visually-hidden">Frameworks in this organisation ({frameworks.length})</caption>
        <thead>
          <tr>
            <th scope="col">Framework</th>
            <th scope="col">Published</th>
            <th scope="col">Draft</th>
            <th scope="col" className="numeric">
              Levels
            </th>
            <th scope="col" className="numeric">
              Competencies
            </th>
            <th scope="col">Last updated</th>
          </tr>
        </thead>
        <tbody>
          {[...frameworks].sort(byName).map((framework) => (
            <tr key={framework.id}>
              <th scope="row">
                <span className="cell-title">
                  <Link to={`/frameworks/${encodeURIComponent(framework.slug)}`} className="strong-link">
                    {framework.name}
                  </Link>
                  {framework.isBuiltin && <Badge tone="accent">Built-in</Badge>}
                </span>
              </th>
              <td data-label="Published">
                <VersionCell version={framework.latestPublishedVersion} none="Not published yet" />
              </td>
              <td data-label="Draft">
                <VersionCell version={framework.draftVersion} none="No draft" />
              </td>
              <td data-label="Levels" className="numeric">
                {framework.levelCount}
              </td>
              <td data-label="Competencies" className="numeric">
                {framework.competencyCount}
              </td>
              <td data-label="Last updated">
                <FormattedDate iso={framework.updatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
