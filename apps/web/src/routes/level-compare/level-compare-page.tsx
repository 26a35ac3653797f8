import type { TFramework } from "@ascent/contract";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { BUILTIN_FRAMEWORK, useFrameworkVersion } from "../../api/queries.ts";
import { Badge } from "../../ui/badge.tsx";
import { ErrorState } from "../../ui/error-state.tsx";
import { FormField } from "../../ui/form-field.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";
import { LadderBreadcrumb } from "../ladder/ladder-breadcrumb.tsx";
import { PlaybookLinks } from "../playbook/playbook-page.tsx";
import "../ladder/ladder.css";
import "./level-compare.css";
import {
  competenciesByArea,
  expectationOf,
  levelsByRank,
  type Competency,
  type Expectation,
  type Level,
} from "../ladder/ladder-model.ts";

interface Row {
  competency: Competency;
  before: Expectation | undefined;
  after: Expectation | undefined;
  /** The expected proficiency or the weight moves between the two levels. */
  isChanged: boolean;
}

function compareRows(framework: TFramework, from: Level, to: Level): { area: string; rows: Row[] }[] {
  return competenciesByArea(framework).map(({ area, competencies }) => ({
    area,
    rows: competencies.map((competency) => {
      const before = expectationOf(framework, from.id, competency.id);
      const after = expectationOf(framework, to.id, competency.id);
      return {
        competency,
        before,
        after,
        isChanged: before?.expected !== after?.expected || before?.weight !== after?.weight,
      };
    }),
  }));
}

function Delta({ before, after }: { before: number | undefined; after: number | undefined }) {
  if (before === undefined || after === undefined) return null;
  const delta = after - before;
  if (delta === 0) return <span className="delta delta--same">no change</span>;
  return (
    <span className={`delta ${delta > 0 ? "delta--up" : "delta--down"}`}>
      {delta > 0 ? "+" : "−"}
      {Math.abs(delta)}
    </span>
  );
}

function LevelPicker({
  label,
  levels,
  value,
  onChange,
}: {
  label: string;
  levels: Level[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <FormField label={label}>
      {(control) => (
        <select {...control} className="select" value={value} onChange={(event) => onChange(event.target.value)}>
          {levels.map((level) => (
            <option key={level.id} value={level.id}>
              {level.rank}. {level.name}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/** The collaboration playbook of the two levels when they form a pair, and the way to every other one. */
function PairPlaybook({ framework, from, to }: { framework: TFramework; from: Level; to: Level }) {
  if (framework.playbooks.length === 0) return null;
  const pair = framework.playbooks.find(
    (p) =>
      (p.lowerLevelId === from.id && p.upperLevelId === to.id) ||
      (p.lowerLevelId === to.id && p.upperLevelId === from.id),
  );
  return (
    <section className="compare-playbooks" aria-labelledby="compare-playbooks-heading">
      <h2 id="compare-playbooks-heading" className="compare-playbooks__title">
        Working together
      </h2>
      {pair ? (
        <p>
          These two levels have a collaboration playbook:{" "}
          <Link to={`/ladder/playbooks/${encodeURIComponent(pair.id)}`} className="strong-link">
            {pair.name} playbook
          </Link>
          , with what each side brings and questions for your 1:1s.
        </p>
      ) : (
        <p>The ladder has a collaboration playbook for each of these pairs of levels:</p>
      )}
      <PlaybookLinks framework={framework} currentId={pair?.id} />
    </section>
  );
}

export function LevelComparePage() {
  const version = useFrameworkVersion(BUILTIN_FRAMEWORK, "latest");
  const [searchParams, setSearchParams] = useSearchParams();
  const [isChangedOnly, setIsChangedOnly] = useState(false);
  const framework = version.data?.document;
  const levels = framework ? levelsByRank(framework) : [];
  const from = levels.find((l) => l.id === searchParams.get("from")) ?? levels[0];
  const to = levels.find((l) => l.id === searchParams.get("to")) ?? levels[1] ?? levels[0];
  useDocumentTitle(from && to ? `${from.name} → ${to.name}` : "Compare levels");

  const heading = "Compare two levels";
  if (version.isPending) return <LoadingState label="Loading the ladder…" />;
  if (version.isError || !framework) {
    return (
      <>
        <PageHeading eyebrow={<LadderBreadcrumb current="Compare" />}>{heading}</PageHeading>
        <ErrorState
          title="The ladder could not be loaded"
          error={version.error}
          onRetry={() => void version.refetch()}
          isRetrying={version.isFetching}
        />
      </>
    );
  }
  if (!from || !to || levels.length < 2) {
    return (
      <>
        <PageHeading eyebrow={<LadderBreadcrumb current="Compare" />}>{heading}</PageHeading>
        <div className="empty-state">
          <h2 className="empty-state__title">Nothing to compare</h2>
          <p>This ladder needs at least two levels before two of them can be compared.</p>
        </div>
      </>
    );
  }

  const choose = (key: "from" | "to", id: string) => {
    const next = new URLSearchParams(searchParams);
    next.set("from", from.id);
    next.set("to", to.id);
    next.set(key, id);
    setSearchParams(next, { replace: true });
  };
  const groups = compareRows(framework, from, to);
  const all = groups.flatMap((g) => g.rows);
  const changedCount = all.filter((r) => r.isChanged).length;
  const raised = all.filter((r) => (r.after?.expected ?? 0) > (r.before?.expected ?? 0)).length;

  return (
    <>
      <PageHeading
        eyebrow={<LadderBreadcrumb current="Compare" />}
        lead={
          <p>
            What changes from one level to another, competency by competency: the proficiency expected before and after,
            how much each weighs, and both descriptors side by side.
          </p>
        }
      >
        {heading}
      </PageHeading>

      <div className="compare-pickers" role="group" aria-label="Levels to compare">
        <LevelPicker label="From level" levels={levels} value={from.id} onChange={(id) => choose("from", id)} />
        <button
          type="button"
          className="button button--secondary compare-pickers__swap"
          onClick={() => setSearchParams(new URLSearchParams({ from: to.id, to: from.id }), { replace: true })}
        >
          <span aria-hidden="true">⇄</span> Swap
        </button>
        <LevelPicker label="To level" levels={levels} value={to.id} onChange={(id) => choose("to", id)} />
      </div>

      <div className="compare-scope">
        <div className="compare-scope__side">
          <p className="compare-scope__label">{from.name}</p>
          <p>{from.scope}</p>
        </div>
        <span className="compare-scope__arrow" aria-hidden="true">
          →
        </span>
        <div className="compare-scope__side">
          <p className="compare-scope__label">{to.name}</p>
          <p>{to.scope}</p>
        </div>
      </div>

      <PairPlaybook framework={framework} from={from} to={to} />

      <div className="compare-summary">
        <p role="status">
          {from.id === to.id ? (
            "Both pickers name the same level; choose two different levels."
          ) : (
            <>
              <strong>{changedCount}</strong> of {all.length} competencies change in expected proficiency or weight from{" "}
              {from.name} to {to.name}
              {raised > 0 ? `; ${raised} ${raised === 1 ? "rises" : "rise"}` : ""}.
            </>
          )}
        </p>
        <label className="check-option">
          <input type="checkbox" checked={isChangedOnly} onChange={(event) => setIsChangedOnly(event.target.checked)} />
          Show only what changes
        </label>
      </div>

      <div className="table-card compare-table-card">
        <table className="data-table compare-table">
          <caption className="visually-hidden">
            What changes from {from.name} to {to.name}, per competency
          </caption>
          <thead>
            <tr>
              <th scope="col">Competency</th>
              <th scope="col">Expected</th>
              <th scope="col">Weight</th>
              <th scope="col">{from.name}</th>
              <th scope="col">{to.name}</th>
            </tr>
          </thead>
          {groups.map(({ area, rows }) => {
            const shown = isChangedOnly ? rows.filter((r) => r.isChanged) : rows;
            if (shown.length === 0) return null;
            return (
              <tbody key={area}>
                <tr className="compare-table__area">
                  <th scope="rowgroup" colSpan={5}>
                    {area}
                  </th>
                </tr>
                {shown.map((row) => (
                  <tr key={row.competency.id} className={row.isChanged ? "is-changed" : undefined}>
                    <th scope="row">
                      <span className="cell-title">{row.competency.name}</span>
                      {row.isChanged && (
                        <span className="cell-note">
                          <Badge tone="accent">Changes</Badge>
                        </span>
                      )}
                    </th>
                    <td data-label="Expected" className="nowrap">
                      <span className="before-after">
                        {row.before?.expected ?? "–"} <span aria-hidden="true">→</span>
                        <VisuallyHidden>to</VisuallyHidden> <strong>{row.after?.expected ?? "–"}</strong>
                      </span>{" "}
                      <Delta before={row.before?.expected} after={row.after?.expected} />
                    </td>
                    <td data-label="Weight" className="nowrap">
                      <span className="before-after">
                        {row.before?.weight ?? "–"} <span aria-hidden="true">→</span>
                        <VisuallyHidden>to</VisuallyHidden> <strong>{row.after?.weight ?? "–"}</strong>
                      </span>
                    </td>
                    <td data-label={from.name} className="descriptor-cell">
                      {row.before?.descriptor ?? <span className="muted">Not set</span>}
                      {row.before?.interpolated && <span className="cell-note">Interpolated</span>}
                    </td>
                    <td data-label={to.name} className="descriptor-cell">
                      {row.after?.descriptor ?? <span className="muted">Not set</span>}
                      {row.after?.interpolated && <span className="cell-note">Interpolated</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            );
          })}
        </table>
      </div>
      {isChangedOnly && changedCount === 0 && (
        <p className="empty-note">
          Nothing changes in expected proficiency or weight between these two levels; only the descriptors differ.
        </p>
      )}
      <p className="actions section">
        <Link to={`/ladder/levels/${encodeURIComponent(from.id)}`}>All of {from.name}</Link>
        <Link to={`/ladder/levels/${encodeURIComponent(to.id)}`}>All of {to.name}</Link>
      </p>
    </>
  );
}
