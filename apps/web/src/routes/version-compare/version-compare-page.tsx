import type { TFramework, TFrameworkDiff } from "@ascent/contract";
import { Link, useParams, useSearchParams } from "react-router";
import { useFrameworkDiff } from "../../api/framework-admin.ts";
import { useFramework, useFrameworkVersion } from "../../api/queries.ts";
import { Breadcrumb } from "../../ui/breadcrumb.tsx";
import { ErrorState } from "../../ui/error-state.tsx";
import { FormField } from "../../ui/form-field.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { DiffSection, isEmptyDiff, type FieldChange, type ListDiffView } from "./diff-section.tsx";
import "../level-compare/level-compare.css";
import "./diff.css";

type Named = { id?: string; name?: string; value?: number; label?: string };

/** Names for the ids a diff mentions, from either version (an added item only exists in the newer one). */
function namer(...documents: (TFramework | undefined)[]) {
  const levels = new Map<string, string>();
  const competencies = new Map<string, string>();
  for (const document of documents) {
    for (const level of document?.levels ?? []) levels.set(level.id, level.name);
    for (const competency of document?.competencies ?? []) competencies.set(competency.id, competency.name);
  }
  return {
    level: (id: string) => levels.get(id) ?? id,
    competency: (id: string) => competencies.get(id) ?? id,
  };
}

function labelOf(item: unknown): string {
  const named = (item ?? {}) as Named;
  if (named.name && named.id) return `${named.name} (${named.id})`;
  if (named.value !== undefined) return `${named.value}${named.label ? ` · ${named.label}` : ""}`;
  return named.name ?? named.id ?? JSON.stringify(item);
}

function simpleList(
  diff: { added: unknown[]; removed: unknown[]; changed: ({ changes: FieldChange[] } & Record<string, unknown>)[] },
  keyOf: (entry: Record<string, unknown>) => string,
  labelFor: (entry: Record<string, unknown>) => string,
): ListDiffView {
  const view = (item: unknown) => {
    const entry = (item ?? {}) as Record<string, unknown>;
    return { key: keyOf(entry), label: labelFor(entry) };
  };
  return {
    added: diff.added.map(view),
    removed: diff.removed.map(view),
    changed: diff.changed.map((entry) => ({ ...view(entry), changes: entry.changes })),
  };
}

function buildSections(diff: TFrameworkDiff, names: ReturnType<typeof namer>) {
  const byId = (entry: Record<string, unknown>) => String(entry.id ?? entry.value ?? "");
  const expectationKey = (entry: Record<string, unknown>) => `${String(entry.levelId)}/${String(entry.competencyId)}`;
  const expectationLabel = (entry: Record<string, unknown>) =>
    `${names.competency(String(entry.competencyId))} at ${names.level(String(entry.levelId))}`;
  const aspectEntry = (entry: Record<string, unknown>) => {
    const aspect = (entry.aspect ?? {}) as Named;
    return {
      key: `${String(entry.playbookId)}/${String(aspect.id ?? entry.aspectId)}`,
      label: `${aspect.name ?? String(entry.aspectId)} (${String(entry.playbookId)})`,
    };
  };
  const fieldsOnly = (changes: FieldChange[], label: string): ListDiffView => ({
    added: [],
    removed: [],
    changed: changes.length > 0 ? [{ key: label, label, changes }] : [],
  });
  const points = simpleList(diff.scalePoints, byId, labelOf);
  return [
    { id: "framework", title: "Name and description", diff: fieldsOnly(diff.framework, "Framework") },
    {
      id: "levels",
      title: "Levels",
      diff: simpleList(diff.levels, byId, (e) => (e.name ? labelOf(e) : names.level(byId(e)))),
    },
    {
      id: "competencies",
      title: "Competencies",
      diff: simpleList(diff.competencies, byId, (e) => (e.name ? labelOf(e) : names.competency(byId(e)))),
    },
    {
      id: "expectations",
      title: "Expectations",
      diff: simpleList(diff.expectations, expectationKey, expectationLabel),
    },
    {
      id: "aspects",
      title: "Playbook aspects",
      diff: {
        added: diff.playbookAspects.added.map((e) => aspectEntry((e ?? {}) as Record<string, unknown>)),
        removed: diff.playbookAspects.removed.map((e) => aspectEntry((e ?? {}) as Record<string, unknown>)),
        changed: diff.playbookAspects.changed.map((e) => ({ ...aspectEntry(e), changes: e.changes })),
      },
    },
    { id: "playbooks", title: "Playbooks", diff: simpleList(diff.playbooks, byId, labelOf) },
    {
      id: "scale",
      title: "Scale",
      diff: { ...points, changed: [...fieldsOnly(diff.scale, "Range").changed, ...points.changed] },
    },
    { id: "sources", title: "Sources", diff: simpleList(diff.sources, byId, (e) => String(e.title ?? e.id)) },
    { id: "guidance", title: "Career guidance", diff: fieldsOnly(diff.guidance, "Guidance") },
  ];
}

export function VersionComparePage() {
  const slug = useParams().slug ?? "";
  const [searchParams, setSearchParams] = useSearchParams();
  const summary = useFramework(slug);
  const versions = [...(summary.data?.versions ?? [])].sort((a, b) => b.version - a.version);
  const newest = versions[0]?.version ?? 1;
  const from = Number(searchParams.get("from") ?? versions[1]?.version ?? newest);
  const to = Number(searchParams.get("to") ?? newest);
  const isValid = Number.isInteger(from) && Number.isInteger(to) && from > 0 && to > 0;
  const diff = useFrameworkDiff(slug, from, to, isValid);
  const before = useFrameworkVersion(slug, from, isValid);
  const after = useFrameworkVersion(slug, to, isValid);
  const name = summary.data?.name ?? slug;
  useDocumentTitle(`${name}: v${from} → v${to}`);

  const eyebrow = (
    <Breadcrumb
      trail={[
        { to: "/frameworks", label: "Frameworks" },
        { to: `/frameworks/${encodeURIComponent(slug)}`, label: name },
      ]}
      current="Compare versions"
    />
  );
  const choose = (key: "from" | "to", value: string) => {
    const next = new URLSearchParams(searchParams);
    next.set("from", String(from));
    next.set("to", String(to));
    next.set(key, value);
    setSearchParams(next, { replace: true });
  };
  const picker = (label: string, key: "from" | "to", value: number) => (
    <FormField label={label}>
      {(control) => (
        <select
          {...control}
          className="select"
          value={String(value)}
          onChange={(event) => choose(key, event.target.value)}
        >
          {versions.map((version) => (
            <option key={version.version} value={version.version}>
              v{version.version} ({version.status})
            </option>
          ))}
        </select>
      )}
    </FormField>
  );

  const sections = diff.data ? buildSections(diff.data.diff, namer(before.data?.document, after.data?.document)) : [];
  const isIdentical = sections.length > 0 && sections.every((section) => isEmptyDiff(section.diff));

  return (
    <>
      <PageHeading
        eyebrow={eyebrow}
        lead={
          <p>
            Every level, competency, expectation and playbook aspect that was added, removed or changed between two
            versions, with the value before and after.
          </p>
        }
      >
        Compare versions of {name}
      </PageHeading>

      {versions.length > 0 && (
        <div className="compare-pickers" role="group" aria-label="Versions to compare">
          {picker("From version", "from", from)}
          {picker("To version", "to", to)}
        </div>
      )}

      {!isValid ? (
        <p className="empty-note">Choose two versions to compare.</p>
      ) : diff.isPending ? (
        <LoadingState label="Comparing the versions…" />
      ) : diff.isError ? (
        <ErrorState
          title="The versions could not be compared"
          error={diff.error}
          onRetry={() => void diff.refetch()}
          isRetrying={diff.isFetching}
        />
      ) : isIdentical ? (
        <div className="empty-state">
          <h2 className="empty-state__title">
            v{from} and v{to} are identical
          </h2>
          <p>Nothing was added, removed or changed between these two versions.</p>
        </div>
      ) : (
        <>
          <p role="status" className="diff-summary">
            Changes from <strong>v{diff.data.from}</strong> to <strong>v{diff.data.to}</strong>.
          </p>
          {sections
            .filter(
              (section) =>
                !isEmptyDiff(section.diff) ||
                ["levels", "competencies", "expectations", "aspects"].includes(section.id),
            )
            .map((section) => (
              <DiffSection key={section.id} id={section.id} title={section.title} diff={section.diff} />
            ))}
        </>
      )}
      <p className="actions section">
        <Link to={`/frameworks/${encodeURIComponent(slug)}`}>Back to {name}</Link>
      </p>
    </>
  );
}
