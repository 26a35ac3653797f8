import type { TFrameworkDiff } from "@ascent/contract";
import { Link } from "react-router";
import { useFrameworkDiff } from "../../api/framework-admin.ts";
import { describeError } from "../../ui/describe-error.ts";
import { LoadingState } from "../../ui/loading-state.tsx";

type ListDiff = { added: unknown[]; removed: unknown[]; changed: unknown[] };

const PARTS: { key: keyof TFrameworkDiff; name: string }[] = [
  { key: "levels", name: "Levels" },
  { key: "competencies", name: "Competencies" },
  { key: "expectations", name: "Expectations" },
  { key: "scalePoints", name: "Scale points" },
  { key: "playbooks", name: "Playbooks" },
  { key: "sources", name: "Sources" },
];

function counts(diff: ListDiff): string {
  const parts = [
    diff.added.length > 0 ? `${diff.added.length} added` : "",
    diff.removed.length > 0 ? `${diff.removed.length} removed` : "",
    diff.changed.length > 0 ? `${diff.changed.length} changed` : "",
  ].filter(Boolean);
  return parts.join(", ");
}

/** What publishing the saved draft changes against the version before it, shown before the publish button. */
export function PublishDiffSummary({ slug, draftVersion }: { slug: string; draftVersion: number }) {
  const previous = draftVersion - 1;
  const diff = useFrameworkDiff(slug, previous, draftVersion, previous >= 1);
  if (previous < 1) return <p>This is the first version: everything in it is new.</p>;
  if (diff.isPending) return <LoadingState label="Working out what changes…" />;
  if (diff.isError) return <p role="alert">The changes could not be worked out: {describeError(diff.error)}</p>;
  const rows = PARTS.map(({ key, name }) => ({ name, text: counts(diff.data.diff[key] as ListDiff) })).filter(
    (row) => row.text !== "",
  );
  return (
    <div className="publish-diff">
      <h3>What publishing changes from v{previous}</h3>
      {rows.length === 0 ? (
        <p>The saved draft has no changes to levels, competencies, expectations, the scale, playbooks or sources.</p>
      ) : (
        <ul>
          {rows.map((row) => (
            <li key={row.name}>
              <strong>{row.name}:</strong> {row.text}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/frameworks/${encodeURIComponent(slug)}/compare?from=${previous}&to=${draftVersion}`}>
          See every change, field by field
        </Link>
      </p>
    </div>
  );
}
