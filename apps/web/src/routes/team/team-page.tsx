import type { TTeamHeatmap, TTeamReadiness } from "@ascent/contract";
import { useId, useState } from "react";
import { Link } from "react-router";
import { useTeamHeatmap, useTeamReadiness } from "../../api/assessment-queries.ts";
import { useReports } from "../../api/people-queries.ts";
import { useSignedIn } from "../../api/session.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { formatPercent, VERDICT_LABELS } from "../growth/readiness-math.ts";
import { Heatmap, HeatmapLegend, type HeatCell, type HeatRow } from "./heatmap.tsx";
import "../growth/growth.css";
import "./team.css";

type Scope = "direct" | "all";
type SortKey = "name" | "level" | "next" | "score" | "verdict";

const VERDICT_ORDER = { "not-yet": 0, almost: 1, ready: 2 } as const;

function heatRows(heatmap: TTeamHeatmap): HeatRow[] {
  return heatmap.rows.map((row) => {
    const cells: Record<string, HeatCell> = {};
    for (const cell of row.cells) {
      if (cell.status === "not-applicable" || cell.expected === null)
        cells[cell.competencyId] = { kind: "not-applicable" };
      else if (cell.observed === null || cell.delta === null) {
        cells[cell.competencyId] = { kind: "unknown", expected: cell.expected };
      } else {
        cells[cell.competencyId] = {
          kind: "value",
          delta: cell.delta,
          observed: cell.observed,
          expected: cell.expected,
        };
      }
    }
    return {
      key: row.person.id,
      header: (
        <>
          <Link to={`/team/${row.person.id}`} className="strong-link">
            {row.person.name}
          </Link>
          <span className="cell-note">{row.person.level?.name ?? "No level yet"}</span>
        </>
      ),
      cells,
    };
  });
}

function ScopeSwitch({ scope, onChange }: { scope: Scope; onChange: (scope: Scope) => void }) {
  const id = useId();
  return (
    <fieldset className="scope-switch">
      <legend className="visually-hidden">Whom to show</legend>
      {(
        [
          ["direct", "Direct reports"],
          ["all", "Everyone below you"],
        ] as const
      ).map(([value, label]) => (
        <label key={value} className="scope-switch__option">
          <input
            type="radio"
            name={`${id}-scope`}
            value={value}
            checked={scope === value}
            onChange={() => onChange(value)}
          />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}

function sortPeople(people: TTeamReadiness["people"], key: SortKey, isAscending: boolean) {
  const value = (entry: TTeamReadiness["people"][number]): string | number => {
    switch (key) {
      case "name":
        return entry.person.name.toLowerCase();
      case "level":
        return entry.person.level?.name.toLowerCase() ?? "";
      case "next":
        return entry.targetLevel.name.toLowerCase();
      case "score":
        return entry.score;
      case "verdict":
        return VERDICT_ORDER[entry.verdict] * 10 + entry.score;
    }
  };
  return [...people].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return (isAscending ? order : -order) || a.person.name.localeCompare(b.person.name);
  });
}

const COLUMNS: { key: SortKey; label: string; isNumeric?: boolean }[] = [
  { key: "name", label: "Name" },
  { key: "level", label: "Level" },
  { key: "next", label: "Next level" },
  { key: "score", label: "Score", isNumeric: true },
  { key: "verdict", label: "Verdict" },
];

function ReadinessList({ people, directIds }: { people: TTeamReadiness["people"]; directIds: Set<string> }) {
  const [sort, setSort] = useState<{ key: SortKey; isAscending: boolean }>({ key: "score", isAscending: false });
  const sorted = sortPeople(people, sort.key, sort.isAscending);
  function toggle(key: SortKey) {
    setSort((current) =>
      current.key === key
        ? { key, isAscending: !current.isAscending }
        : { key, isAscending: key === "name" || key === "level" || key === "next" },
    );
  }
  return (
    <div className="table-card">
      <table className="data-table readiness-list">
        <caption className="visually-hidden">
          Readiness for the next level; sorted by {COLUMNS.find((c) => c.key === sort.key)?.label.toLowerCase()},{" "}
          {sort.isAscending ? "ascending" : "descending"}. Column headers sort the table.
        </caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => {
              const isSorted = sort.key === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  className={column.isNumeric ? "numeric" : undefined}
                  aria-sort={isSorted ? (sort.isAscending ? "ascending" : "descending") : undefined}
                >
                  <button type="button" className="sort-button" onClick={() => toggle(column.key)}>
                    {column.label}
                    <span className="sort-button__icon" aria-hidden="true">
                      {isSorted ? (sort.isAscending ? "▲" : "▼") : "↕"}
                    </span>
                  </button>
                </th>
              );
            })}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((entry) => (
            <tr key={entry.person.id}>
              <th scope="row" data-label="Name">
                <Link to={`/team/${entry.person.id}`} className="strong-link">
                  {entry.person.name}
                </Link>
                {entry.person.title && <span className="cell-note">{entry.person.title}</span>}
              </th>
              <td data-label="Level">{entry.person.level?.name ?? <span className="muted">No level yet</span>}</td>
              <td data-label="Next level">{entry.targetLevel.name}</td>
              <td data-label="Score" className="numeric">
                {formatPercent(entry.score)}
              </td>
              <td data-label="Verdict">
                <span className={`verdict-badge verdict-badge--${entry.verdict} verdict-badge--small`}>
                  {VERDICT_LABELS[entry.verdict]}
                </span>
              </td>
              <td>
                {directIds.has(entry.person.id) && (
                  <Link to={`/team/${entry.person.id}/assess`} className="button button--secondary button--small">
                    Assess<span className="visually-hidden"> {entry.person.name}</span>
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TeamPage() {
  useDocumentTitle("My team");
  const session = useSignedIn();
  const [scope, setScope] = useState<Scope>("direct");
  const heatmap = useTeamHeatmap(scope);
  const readiness = useTeamReadiness(scope);
  const direct = useReports(session.person.id, "direct");
  const directIds = new Set((direct.data?.reports ?? []).map((r) => r.id));

  const heading = (
    <PageHeading
      lead={
        <>
          <p>
            How the people who report to you compare with what their own level expects, competency by competency, and
            how ready each one is for the next level. Peer and upward feedback counts only as averages over enough
            people.
          </p>
          {session.isAdmin && (
            <p>
              As an administrator you can also see <Link to="/org/readiness">organisation readiness</Link>, as
              aggregates only.
            </p>
          )}
        </>
      }
    >
      My team
    </PageHeading>
  );

  if (heatmap.isPending || readiness.isPending) {
    return (
      <>
        {heading}
        <LoadingState label="Loading your team…" />
      </>
    );
  }
  if (heatmap.isError || readiness.isError) {
    return (
      <>
        {heading}
        <ErrorState
          title="Your team could not be loaded"
          error={heatmap.error ?? readiness.error}
          onRetry={() => {
            if (heatmap.isError) void heatmap.refetch();
            if (readiness.isError) void readiness.refetch();
          }}
          isRetrying={heatmap.isFetching || readiness.isFetching}
        />
      </>
    );
  }

  if (heatmap.data.rows.length === 0 && scope === "direct" && readiness.data.people.length === 0) {
    return (
      <>
        {heading}
        <div className="empty-state">
          <h2 className="empty-state__title">Nobody reports to you in Ascent</h2>
          <p>
            This page fills in once people report to you: an admin sets each person’s manager on the People page. In the
            meantime, <Link to="/growth">My growth</Link> shows your own readiness.
          </p>
        </div>
      </>
    );
  }

  const isUpdating =
    (heatmap.isPlaceholderData || readiness.isPlaceholderData) && (heatmap.isFetching || readiness.isFetching);

  return (
    <>
      {heading}
      <div className="team-toolbar">
        <ScopeSwitch scope={scope} onChange={setScope} />
        <p role="status" className="team-toolbar__status">
          {isUpdating ? "Updating…" : ""}
        </p>
      </div>

      <section className="section section--first" aria-labelledby="heatmap-heading">
        <h2 id="heatmap-heading">Competency heatmap</h2>
        <p className="section__lead">
          Each cell is observed minus what that person’s own level expects: orange below, purple above. Open a name for
          the full explanation.
        </p>
        <HeatmapLegend />
        {heatmap.data.rows.length === 0 ? (
          <p className="muted">Nobody to show here.</p>
        ) : (
          <Heatmap
            caption="Observed minus expected at each person’s level, per competency"
            rowHeading="Person"
            competencies={heatmap.data.competencies}
            rows={heatRows(heatmap.data)}
          />
        )}
      </section>

      <section className="section" aria-labelledby="team-readiness-heading">
        <h2 id="team-readiness-heading">Readiness for the next level</h2>
        <p className="section__lead">Sort by any column. Score and verdict follow the same rule as My growth.</p>
        {readiness.data.people.length === 0 ? (
          <p className="muted">Nobody to show here.</p>
        ) : (
          <ReadinessList people={readiness.data.people} directIds={directIds} />
        )}
      </section>
    </>
  );
}
