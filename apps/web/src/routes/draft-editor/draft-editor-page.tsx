import { ApiError, type TFramework } from "@ascent/contract";
import { useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useSaveDraft, useStartDraft } from "../../api/framework-admin.ts";
import { useFramework, useFrameworkVersion } from "../../api/queries.ts";
import { Badge } from "../../ui/badge.tsx";
import { Breadcrumb } from "../../ui/breadcrumb.tsx";
import { describeError } from "../../ui/describe-error.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { fieldErrorsOf, normalizeFieldPath } from "../../ui/field-errors.ts";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { PublishForm } from "../framework-detail/draft-panel.tsx";
import { CompetenciesEditor } from "./competencies-editor.tsx";
import {
  addCompetency,
  addLevel,
  draftProblems,
  moveCompetency,
  moveLevel,
  removeCompetency,
  removeLevel,
  setScaleLabel,
} from "./draft-edits.ts";
import { CellField, fieldId } from "./editor-fields.tsx";
import { ExpectationsEditor } from "./expectations-editor.tsx";
import { LevelsEditor } from "./levels-editor.tsx";
import { PublishDiffSummary } from "./publish-diff-summary.tsx";
import "./editor.css";
import "../framework-detail/admin.css";

function aliasTextOf(framework: TFramework): Record<string, string> {
  return Object.fromEntries(framework.levels.map((level) => [level.id, level.aliases.join(", ")]));
}

function withAliases(framework: TFramework, aliasText: Record<string, string>): TFramework {
  return {
    ...framework,
    levels: framework.levels.map((level) => ({
      ...level,
      aliases: (aliasText[level.id] ?? "")
        .split(",")
        .map((alias) => alias.trim())
        .filter(Boolean),
    })),
  };
}

/** A field path in words: "levels.0.name" → "Level 1 (Associate): name". */
function describeFieldPath(path: string, framework: TFramework): string {
  const [section, key, third, field] = path.split(".");
  if (section === "levels" && key !== undefined) {
    const level = framework.levels[Number(key)];
    const label = `Level ${Number(key) + 1}${level?.name ? ` (${level.name})` : ""}`;
    return third ? `${label}: ${third}` : label;
  }
  if (section === "competencies" && key !== undefined) {
    const competency = framework.competencies[Number(key)];
    const label = `Competency ${Number(key) + 1}${competency?.name ? ` (${competency.name})` : ""}`;
    return third ? `${label}: ${third}` : label;
  }
  if (section === "expectations" && key !== undefined && third !== undefined) {
    const level = framework.levels.find((l) => l.id === key)?.name ?? key;
    const competency = framework.competencies.find((c) => c.id === third)?.name ?? third;
    return `${competency} at ${level}${field ? `: ${field}` : ""}`;
  }
  return path;
}

/** The level an "expectations.<level>.<competency>…" path points into, if it does. */
function expectationLevelOf(path: string): string | undefined {
  return path.startsWith("expectations.") ? path.split(".")[1] : undefined;
}

interface DraftEditorProps {
  slug: string;
  initial: TFramework;
  version: number;
  onPublished: (version: number) => void;
}

function DraftEditor({ slug, initial, version, onPublished }: DraftEditorProps) {
  const save = useSaveDraft(slug);
  const [framework, setFramework] = useState(initial);
  const [aliasText, setAliasText] = useState(() => aliasTextOf(initial));
  const [levelId, setLevelId] = useState(() => [...initial.levels].sort((a, b) => a.rank - b.rank)[0]?.id ?? "");
  const [isDirty, setIsDirty] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);
  const problems = draftProblems(framework);
  // The editor's own checks show as one types; the server's, after a save, take precedence on a field.
  const errors = {
    ...Object.fromEntries(problems.map((problem) => [problem.path, problem.message])),
    ...fieldErrorsOf(save.error),
  };
  const details = save.error instanceof ApiError ? (save.error.details ?? []) : [];

  // Focus a field once the level it lives on is shown (after choosing a problem from the summary).
  useEffect(() => {
    if (!pendingFocus) return;
    document.getElementById(fieldId(pendingFocus))?.focus();
    setPendingFocus(null);
  }, [pendingFocus, levelId]);

  const edit = (next: TFramework) => {
    setFramework(next);
    setIsDirty(true);
  };
  const editWith = (apply: (current: TFramework) => TFramework) => {
    setFramework(apply);
    setIsDirty(true);
  };

  async function handleSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      const saved = await save.mutateAsync(withAliases(framework, aliasText));
      setFramework(saved.document);
      setAliasText(aliasTextOf(saved.document));
      setIsDirty(false);
      setSavedAt(new Date());
    } catch {
      // The problems are listed above the form and next to their fields.
      requestAnimationFrame(() => document.getElementById("editor-problems")?.focus());
    }
  }

  function goTo(path: string) {
    const level = expectationLevelOf(path);
    if (level && framework.levels.some((l) => l.id === level)) setLevelId(level);
    setPendingFocus(path);
  }

  return (
    <>
      <form className="draft-editor" noValidate onSubmit={(event) => void handleSave(event)}>
        <div className="editor-bar" role="region" aria-label="Save the draft">
          <p className="editor-bar__status" role="status">
            {save.isPending
              ? "Saving…"
              : isDirty
                ? "You have unsaved changes."
                : savedAt
                  ? `Draft saved at ${savedAt.toLocaleTimeString()}.`
                  : "No changes yet."}
          </p>
          <button type="submit" className="button" disabled={save.isPending}>
            Save draft
          </button>
        </div>

        {save.isError && (
          <div id="editor-problems" tabIndex={-1} role="alert" className="callout callout--error">
            <h2 className="callout__title">The draft was not saved</h2>
            <p>{describeError(save.error)}</p>
            {details.length > 0 && (
              <ul className="problem-list">
                {details.slice(0, 30).map((detail, index) => {
                  const path = detail.path ? normalizeFieldPath(detail.path) : "";
                  return (
                    <li key={index}>
                      {path ? (
                        <button type="button" className="button--link" onClick={() => goTo(path)}>
                          {describeFieldPath(path, framework)}
                        </button>
                      ) : null}{" "}
                      {detail.message}
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        )}

        {problems.length > 0 && !save.isError && (
          <div className="callout callout--warning" role="status" aria-live="polite">
            <h2 className="callout__title">
              {problems.length === 1 ? "1 thing to fix" : `${problems.length} things to fix`} before this draft is valid
            </h2>
            <ul className="problem-list">
              {problems.slice(0, 30).map((problem, index) => (
                <li key={index}>
                  <button type="button" className="button--link" onClick={() => goTo(problem.path)}>
                    {describeFieldPath(problem.path, framework)}
                  </button>{" "}
                  {problem.message}
                </li>
              ))}
            </ul>
          </div>
        )}

        <section className="section" aria-labelledby="levels-edit-heading">
          <h2 id="levels-edit-heading">Levels</h2>
          <p className="section__lead">Names, scope and summaries, and the other titles each level goes by.</p>
          <LevelsEditor
            levels={framework.levels}
            aliasText={aliasText}
            errors={errors}
            onChange={(apply) => editWith((current) => ({ ...current, levels: apply(current.levels) }))}
            onAliasChange={(id, text) => {
              setAliasText((current) => ({ ...current, [id]: text }));
              setIsDirty(true);
            }}
            onMove={(id, by) => editWith((current) => moveLevel(current, id, by))}
            onRemove={(id) => {
              editWith((current) => removeLevel(current, id));
              if (levelId === id) setLevelId(framework.levels.find((level) => level.id !== id)?.id ?? "");
            }}
          />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              const added = addLevel(framework);
              edit(added.framework);
              setLevelId(added.levelId);
              setPendingFocus(`levels.${added.framework.levels.length - 1}.name`);
            }}
          >
            Add a level
          </button>
        </section>

        <section className="section" aria-labelledby="competencies-edit-heading">
          <h2 id="competencies-edit-heading">Competencies</h2>
          <p className="section__lead">What people are assessed on, grouped by area.</p>
          <CompetenciesEditor
            competencies={framework.competencies}
            errors={errors}
            onChange={(apply) => editWith((current) => ({ ...current, competencies: apply(current.competencies) }))}
            onMove={(id, by) => editWith((current) => moveCompetency(current, id, by))}
            onRemove={(id) => editWith((current) => removeCompetency(current, id))}
          />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              const added = addCompetency(framework);
              edit(added.framework);
              setPendingFocus(`competencies.${added.framework.competencies.length - 1}.name`);
            }}
          >
            Add a competency
          </button>
        </section>

        <section className="section" aria-labelledby="scale-edit-heading">
          <h2 id="scale-edit-heading">Scale</h2>
          <p className="section__lead">
            The proficiency scale runs from {framework.scale.min} to {framework.scale.max}; name each point.
          </p>
          <div className="scale-labels">
            {framework.scale.points.map((point) => (
              <CellField
                key={point.value}
                path={`scale.points.${point.value - framework.scale.min}.label`}
                label={`Label of scale point ${point.value}`}
                errors={errors}
              >
                {(control) => (
                  <label className="scale-labels__item">
                    <span className="scale-labels__value">{point.value}</span>
                    <input
                      {...control}
                      className="input"
                      value={point.label}
                      onChange={(event) => edit(setScaleLabel(framework, point.value, event.target.value))}
                    />
                  </label>
                )}
              </CellField>
            ))}
          </div>
        </section>

        <section className="section" aria-labelledby="expectations-edit-heading">
          <h2 id="expectations-edit-heading">Expectations</h2>
          <p className="section__lead">
            For each level and competency: the proficiency expected, its weight in readiness (0 means it does not apply)
            and what it looks like in practice.
          </p>
          <ExpectationsEditor
            framework={framework}
            levelId={levelId}
            onLevelChange={setLevelId}
            errors={errors}
            onChange={(level, competency, change) => {
              const row = framework.expectations[level] ?? {};
              const current = row[competency];
              if (!current) return;
              edit({
                ...framework,
                expectations: {
                  ...framework.expectations,
                  [level]: { ...row, [competency]: { ...current, ...change } },
                },
              });
            }}
          />
        </section>
      </form>

      <section className="section card" aria-labelledby="publish-heading">
        <h2 id="publish-heading" className="card__title">
          Publish draft v{version}
        </h2>
        {isDirty ? (
          <p>Save your changes first; publishing uses the saved draft.</p>
        ) : (
          <>
            <PublishDiffSummary slug={slug} draftVersion={version} />
            <PublishForm framework={slug} draftVersion={version} onPublished={onPublished} />
          </>
        )}
      </section>
    </>
  );
}

export function DraftEditorPage() {
  const slug = useParams().slug ?? "";
  const navigate = useNavigate();
  const summary = useFramework(slug);
  const draftVersion = summary.data?.draftVersion ?? null;
  const draft = useFrameworkVersion(slug, draftVersion ?? "latest", draftVersion !== null);
  const startDraft = useStartDraft(slug);
  useDocumentTitle(summary.data ? `Edit ${summary.data.name}` : "Edit draft");

  const frameworkPath = `/frameworks/${encodeURIComponent(slug)}`;
  const eyebrow = (
    <Breadcrumb
      trail={[
        { to: "/frameworks", label: "Frameworks" },
        { to: frameworkPath, label: summary.data?.name ?? slug },
      ]}
      current="Draft"
    />
  );

  if (summary.isPending || (draftVersion !== null && draft.isPending))
    return <LoadingState label="Loading the draft…" />;
  if (summary.isError || draft.isError) {
    return (
      <>
        <PageHeading eyebrow={eyebrow}>Edit draft</PageHeading>
        <ErrorState
          title="The draft could not be loaded"
          error={summary.error ?? draft.error}
          onRetry={() => {
            void summary.refetch();
            if (draftVersion !== null) void draft.refetch();
          }}
          isRetrying={summary.isFetching || draft.isFetching}
        />
      </>
    );
  }
  if (draftVersion === null || !draft.data) {
    return (
      <>
        <PageHeading eyebrow={eyebrow} lead={<p>{summary.data.name} has no draft in progress.</p>}>
          Edit draft
        </PageHeading>
        <div className="empty-state">
          <h2 className="empty-state__title">No draft yet</h2>
          <p>
            A draft starts as a copy of the latest published version; people keep seeing that version until you publish.
          </p>
          {startDraft.isError && (
            <p role="alert" className="form-error">
              {describeError(startDraft.error)}
            </p>
          )}
          <p className="actions">
            <button
              type="button"
              className="button"
              disabled={startDraft.isPending}
              onClick={() => void startDraft.mutateAsync().catch(() => undefined)}
            >
              {startDraft.isPending ? "Starting…" : "Start a draft"}
            </button>
            <Link to={frameworkPath} className="button button--secondary">
              Back to {summary.data.name}
            </Link>
          </p>
        </div>
      </>
    );
  }

  return (
    <>
      <PageHeading
        eyebrow={eyebrow}
        meta={<Badge tone="warning">Draft v{draftVersion}</Badge>}
        lead={
          <p>
            Edit the draft, save it, then publish it. Problems the server finds are shown next to their fields. People
            keep seeing the published version until you publish.
          </p>
        }
      >
        Edit {summary.data.name}
      </PageHeading>
      <DraftEditor
        key={`${draftVersion}-${draft.data.createdAt}`}
        slug={slug}
        initial={draft.data.document}
        version={draftVersion}
        onPublished={(version) => void navigate(frameworkPath, { state: { notice: `Published v${version}.` } })}
      />
      <p className="actions section">
        <Link to={frameworkPath}>Back to {summary.data.name}</Link>
      </p>
    </>
  );
}
